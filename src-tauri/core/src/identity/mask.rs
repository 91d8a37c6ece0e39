//! Masking ID numbers for roles that may not see them (PIPL): the number leaves the core whole
//! only for a role with `guests.view_documents`.

use crate::auth::Actor;
use crate::permission::Permission;

/// The number with its middle replaced by `*`: 18 characters keep the region (6) and the last
/// four (`110105********123X`, hiding the date of birth); 7–14 characters keep the first and the
/// last three (`E*****678`); shorter ones keep only the last. Empty stays empty.
pub fn mask_id_number(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    let n = chars.len();
    let (head, tail) = match n {
        0 => return String::new(),
        15.. => (6, 4),
        7..=14 => (1, 3),
        _ => (0, 1),
    };
    chars[..head]
        .iter()
        .copied()
        .chain(std::iter::repeat_n('*', n - head - tail))
        .chain(chars[n - tail..].iter().copied())
        .collect()
}

/// `number` as `actor` may see it: whole with `guests.view_documents`, else masked.
pub fn id_number_for(actor: &Actor, number: &str) -> String {
    if actor.require(Permission::GuestsViewDocuments).is_ok() {
        number.to_string()
    } else {
        mask_id_number(number)
    }
}
