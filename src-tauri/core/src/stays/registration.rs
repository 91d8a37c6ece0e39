//! Registering the guests of a room at check-in: each one shows an ID document (checked by
//! `identity` through the guest profile), a known guest's profile is brought up to date and a
//! new one is created. The first guest is the room's primary guest.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde::Deserialize;

use super::StayError;
use crate::auth::Actor;
use crate::entity::stay_guest;
use crate::error::Result;
use crate::guests::{self, NewGuest};

/// One guest of the room as the check-in form sends them.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StayGuestInput {
    /// A known guest (the reservation's guest, or one found by search); `None` creates one.
    pub guest_id: Option<i32>,
    pub guest: NewGuest,
}

/// At most this many guests in one room.
const MAX_GUESTS: usize = 12;

/// Saves the guests' profiles and links them to the stay; answers the primary guest's name.
/// `fresh` is a guest created in the same transaction (a walk-in's), already saved as typed.
pub(super) async fn register(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    stay_id: i32,
    guests: &[StayGuestInput],
    fresh: Option<i32>,
) -> Result<Vec<String>> {
    if guests.is_empty() {
        return Err(StayError::NoGuests.into());
    }
    if guests.len() > MAX_GUESTS {
        return Err(crate::validate::Invalid::new(
            "guests",
            crate::validate::Rule::TooLong { max: MAX_GUESTS },
        )
        .into());
    }
    let mut names = Vec::with_capacity(guests.len());
    let mut seen = Vec::with_capacity(guests.len());
    for (i, g) in guests.iter().enumerate() {
        let has_document = g
            .guest
            .id_document
            .as_ref()
            .is_some_and(|d| !d.number.trim().is_empty());
        if !has_document {
            let name = g.guest.name.trim();
            return Err(StayError::IdDocumentMissing {
                guest: if name.is_empty() {
                    format!("#{}", i + 1)
                } else {
                    name.to_string()
                },
            }
            .into());
        }
        let saved = match g.guest_id {
            Some(id) if Some(id) == fresh => id,
            Some(id) => guests::update_on(conn, now, actor, id, &g.guest).await?.id,
            None => guests::create(conn, now, actor, &g.guest).await?.id,
        };
        if seen.contains(&saved) {
            continue;
        }
        seen.push(saved);
        stay_guest::ActiveModel {
            stay_id: Set(stay_id),
            guest_id: Set(saved),
            is_primary: Set(i == 0),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        names.push(g.guest.name.trim().to_string());
    }
    Ok(names)
}
