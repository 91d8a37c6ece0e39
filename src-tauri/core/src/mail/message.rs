//! Addresses as typed ("guest@example.com" or "王伟 <guest@example.com>") and the MIME message
//! built from an out-box row: plain-text body, attachments, a stable Message-ID.

use std::str::FromStr;
use std::time::SystemTime;

use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, Mailboxes, MultiPart, SinglePart};

use super::SmtpSettings;
use crate::entity::{mail_attachment, mail_message};
use crate::validate::{Invalid, Rule};

/// At most this many recipients in one field.
const MAX_RECIPIENTS: usize = 20;

/// One mailbox, either a bare address or `Name <address>`; nothing may follow it.
pub fn mailbox(field: &'static str, value: &str) -> Result<Mailbox, Invalid> {
    let bad = || Invalid::new(field, Rule::Format);
    let v = value.trim();
    if v.is_empty() {
        return Err(Invalid::new(field, Rule::Required));
    }
    if v.chars().any(char::is_control) || v.chars().count() > 320 {
        return Err(bad());
    }
    let (name, address) = match v.strip_suffix('>').and_then(|s| s.rsplit_once('<')) {
        Some((name, address)) => {
            // Runs of spaces as one: a mail header folds them, so the out-box stores the name
            // as it will be sent and read back (the mail_address fuzz target found "Li  Na").
            let name = name.trim().trim_matches('"');
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            ((!name.is_empty()).then_some(name), address.trim())
        }
        None => (None, v),
    };
    let address = lettre::Address::from_str(address).map_err(|_| bad())?;
    if name.as_deref().is_some_and(|n| n.contains(['<', '>', '"'])) {
        return Err(bad());
    }
    let mailbox = Mailbox::new(name, address);
    // Only what the out-box reads back as the same mailbox: lettre accepts some addresses here
    // that its list parser reads as another ("a"@host) or not at all (a@[10.0.0.1], a@::), and
    // such a message could never be sent (found by the mail_address fuzz target).
    match Mailboxes::from_str(&mailbox.to_string()) {
        Ok(read) if read.iter().eq([&mailbox]) => Ok(mailbox),
        _ => Err(bad()),
    }
}

/// A list of mailboxes as stored in the out-box (`A <a@x>, b@y`); empty when `values` is.
pub fn mailbox_list(field: &'static str, values: &[String]) -> Result<String, Invalid> {
    if values.len() > MAX_RECIPIENTS {
        return Err(Invalid::new(
            field,
            Rule::Range {
                min: 1,
                max: MAX_RECIPIENTS as i64,
            },
        ));
    }
    let mut list = Mailboxes::new();
    for v in values {
        list.push(mailbox(field, v)?);
    }
    Ok(list.to_string())
}

/// The mailboxes of a list as [`mailbox_list`] stored it.
pub fn parse_list(stored: &str) -> Result<Mailboxes, String> {
    if stored.trim().is_empty() {
        return Ok(Mailboxes::new());
    }
    Mailboxes::from_str(stored).map_err(|e| format!("stored address list {stored:?}: {e}"))
}

/// The sender as the settings name it.
pub(super) fn sender(settings: &SmtpSettings) -> Result<Mailbox, String> {
    let address = lettre::Address::from_str(&settings.sender_address)
        .map_err(|e| format!("sender address: {e}"))?;
    let name = settings.sender_name.trim();
    Ok(Mailbox::new(
        (!name.is_empty()).then(|| name.to_string()),
        address,
    ))
}

/// The MIME message for an out-box row. Its Message-ID depends only on the row, so a message
/// sent again after a crash mid-delivery is recognisable as the same one.
pub(super) fn compose(
    settings: &SmtpSettings,
    row: &mail_message::Model,
    attachments: &[mail_attachment::Model],
) -> Result<Message, String> {
    let from = sender(settings)?;
    let message_id = format!(
        "<innkeep.{}.{}.{}@{}>",
        row.property_id,
        row.id,
        row.created_at.timestamp(),
        from.email.domain()
    );
    let mut builder = Message::builder()
        .from(from)
        .subject(row.subject.clone())
        .date(SystemTime::from(row.created_at))
        .message_id(Some(message_id))
        .user_agent("Innkeep".into());
    for to in parse_list(&row.to_list)? {
        builder = builder.to(to);
    }
    for cc in parse_list(&row.cc_list)? {
        builder = builder.cc(cc);
    }
    let text = SinglePart::plain(row.body.clone());
    let built = if attachments.is_empty() {
        builder.singlepart(text)
    } else {
        let mut parts = MultiPart::mixed().singlepart(text);
        for a in attachments {
            let kind = ContentType::parse(&a.mime_type)
                .map_err(|e| format!("attachment {}: {e}", a.file_name))?;
            parts = parts
                .singlepart(Attachment::new(a.file_name.clone()).body(a.content.clone(), kind));
        }
        builder.multipart(parts)
    };
    built.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_addresses_are_parsed_strictly() {
        let m =
            mailbox("recipients", " 王伟 <wang.wei@example.cn> ").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(m.name.as_deref(), Some("王伟"));
        assert_eq!(m.email.to_string(), "wang.wei@example.cn");
        for bad in [
            "wang",
            "a@b@c",
            "x <a@b.cn> junk",
            "<>",
            "a b@c.cn",
            "\"#\"@example.cn",
            "Li <\"li na\"@example.cn>",
            "ops@[10.0.0.1]",
            "ops@::",
        ] {
            assert_eq!(
                mailbox("recipients", bad).unwrap_err().rule,
                Rule::Format,
                "{bad}"
            );
        }
        assert_eq!(mailbox("cc", " ").unwrap_err().rule, Rule::Required);
    }

    #[test]
    fn a_name_with_runs_of_spaces_is_stored_as_it_reads_back() {
        let m = mailbox("recipients", "\"Li  Na \" <li.na@example.cn>")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(m.name.as_deref(), Some("Li Na"));
        let stored = mailbox_list("recipients", &["Li   Na <li.na@example.cn>".into()])
            .unwrap_or_else(|e| panic!("{e}"));
        let back = parse_list(&stored).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.into_iter().collect::<Vec<_>>(), [m]);
    }

    #[test]
    fn a_stored_list_reads_back_the_same_mailboxes() {
        let stored = mailbox_list(
            "recipients",
            &["Li, Na <li.na@example.cn>".into(), "ops@example.cn".into()],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let back = parse_list(&stored).unwrap_or_else(|e| panic!("{e}"));
        let emails: Vec<String> = back.iter().map(|m| m.email.to_string()).collect();
        assert_eq!(emails, ["li.na@example.cn", "ops@example.cn"]);
        assert_eq!(
            back.iter().next().and_then(|m| m.name.clone()).as_deref(),
            Some("Li, Na")
        );
    }
}
