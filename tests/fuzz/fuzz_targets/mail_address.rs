//! E-mail addresses as typed in a form: `mail::address` (settings), `mail::mailbox` (a
//! recipient, bare or `Name <address>`), and the out-box's stored list (`mailbox_list` written,
//! `parse_list` read back when the message is sent).
//!
//! Properties: an accepted address is the trimmed input and is accepted again; a mailbox
//! written out (as a header) reads back the same; a list of recipients stored in the out-box reads back as
//! the same recipients, in order (else a queued message could never be sent).
#![no_main]

use innkeep_core::mail::{address, mailbox, mailbox_list, parse_list};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(a) = address("senderAddress", text) {
        assert_eq!(a, text.trim());
        assert_eq!(address("senderAddress", &a), Ok(a.clone()));
    }
    if let Ok(m) = mailbox("recipients", text) {
        // Written out (quoted and escaped as a header needs), it reads back the same.
        let written = m.to_string();
        let read = parse_list(&written)
            .unwrap_or_else(|e| panic!("{text:?} written as {written:?} cannot be read: {e}"));
        assert_eq!(
            read.into_iter().collect::<Vec<_>>(),
            [m],
            "{text:?} written as {written:?}"
        );
    }
    let values: Vec<String> = text.split('\n').map(str::to_string).collect();
    if let Ok(stored) = mailbox_list("recipients", &values) {
        let typed: Vec<_> = values
            .iter()
            .map(|v| mailbox("recipients", v).expect("each value was accepted"))
            .collect();
        let read = parse_list(&stored)
            .unwrap_or_else(|e| panic!("{values:?} stored as {stored:?} cannot be read: {e}"));
        let read: Vec<_> = read.into_iter().collect();
        assert_eq!(read, typed, "{values:?} stored as {stored:?}");
    }
});
