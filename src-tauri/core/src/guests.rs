//! Guest profiles, minimal for now: a name (with its pinyin and pinyin initials, so 张伟 is
//! found as "zhangwei" and "zw"), a phone, an optional e-mail. The full profile comes later.

use chrono::{DateTime, Utc};
use pinyin::ToPinyin;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use crate::auth::Actor;
use crate::entity::guest;
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};

/// A guest as lists show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GuestView {
    pub id: i32,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub preferences: Preferences,
}

/// What a guest asked for before, used when rooms are assigned; `None`/false where unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct Preferences {
    /// A preferred floor.
    pub floor: Option<i32>,
    /// Smoking (true) or non-smoking (false) room.
    pub smoking: Option<bool>,
    /// A room on the quiet side.
    pub quiet: bool,
    /// Preferred bed, e.g. "king" or "twin" (free text; shown to the desk).
    pub bed: String,
}

impl Preferences {
    /// Reads the stored JSON; a damaged value counts as no preferences.
    pub fn parse(json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_default()
    }
}

/// A guest typed in while booking.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewGuest {
    pub name: String,
    pub phone: String,
    pub email: String,
}

impl From<guest::Model> for GuestView {
    fn from(g: guest::Model) -> Self {
        Self {
            id: g.id,
            name: g.name,
            phone: g.phone,
            email: g.email,
            preferences: Preferences::parse(&g.preferences),
        }
    }
}

/// Full pinyin without tones and its initials: "张伟" → ("zhangwei", "zw"); Latin letters are
/// kept lower-cased, other characters dropped.
pub fn pinyin_of(name: &str) -> (String, String) {
    let (mut full, mut initials) = (String::new(), String::new());
    for (c, py) in name.chars().zip(name.to_pinyin()) {
        match py {
            Some(p) => {
                full.push_str(p.plain());
                initials.push_str(p.first_letter());
            }
            None if c.is_ascii_alphanumeric() => full.push(c.to_ascii_lowercase()),
            None if c.is_whitespace() => {}
            None => {}
        }
    }
    if initials.is_empty() {
        initials = name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .map(|c| c.to_ascii_lowercase())
            .collect();
    }
    (full, initials)
}

fn phone(value: &str) -> Result<String, Invalid> {
    let v = validate::text("phone", value, 40)?;
    let digits = v.chars().filter(char::is_ascii_digit).count();
    if digits < 5 || !v.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) {
        return Err(Invalid::new("phone", Rule::Format));
    }
    Ok(v)
}

fn email(value: &str) -> Result<String, Invalid> {
    let v = validate::optional_text("email", value, 120)?;
    let plausible = v.contains('@')
        && v.rsplit('@')
            .next()
            .is_some_and(|domain| domain.contains('.'));
    if !v.is_empty() && !plausible {
        return Err(Invalid::new("email", Rule::Format));
    }
    Ok(v)
}

/// Creates a guest from a name and one way to reach them (permission `reservations.manage`).
pub async fn create(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    input: &NewGuest,
) -> Result<guest::Model> {
    actor.require(Permission::ReservationsManage)?;
    let name = validate::text("guestName", &input.name, 120)?;
    let (name_pinyin, pinyin_initials) = pinyin_of(&name);
    Ok(guest::ActiveModel {
        property_id: Set(actor.property_id),
        name: Set(name),
        name_pinyin: Set(name_pinyin),
        pinyin_initials: Set(pinyin_initials),
        phone: Set(phone(&input.phone)?),
        email: Set(email(&input.email)?),
        id_type: Set(String::new()),
        id_number: Set(String::new()),
        nationality: Set(String::new()),
        id_region: Set(String::new()),
        birth_date: Set(None),
        preferences: Set("{}".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// One guest (permission `reservations.manage`).
pub async fn get(conn: &impl ConnectionTrait, actor: &Actor, guest_id: i32) -> Result<GuestView> {
    actor.require(Permission::ReservationsManage)?;
    Ok(guest::Entity::find_by_id(guest_id)
        .one(conn)
        .await?
        .filter(|g| g.property_id == actor.property_id)
        .ok_or(crate::error::Error::NotFound { entity: "guest" })?
        .into())
}

/// Saves a guest's preferences (permission `reservations.manage`).
pub async fn save_preferences(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    guest_id: i32,
    preferences: &Preferences,
) -> Result<GuestView> {
    actor.require(Permission::ReservationsManage)?;
    if let Some(floor) = preferences.floor {
        validate::range("floor", i64::from(floor), -5, 200)?;
    }
    let bed = validate::optional_text("bed", &preferences.bed, 40)?;
    let g = guest::Entity::find_by_id(guest_id)
        .one(conn)
        .await?
        .filter(|g| g.property_id == actor.property_id)
        .ok_or(Invalid::new("guestId", Rule::Required))?;
    let stored = Preferences {
        bed,
        ..preferences.clone()
    };
    let json =
        serde_json::to_string(&stored).map_err(|e| crate::error::Error::Internal(e.to_string()))?;
    let mut m: guest::ActiveModel = g.into();
    m.preferences = Set(json);
    let saved = m.update(conn).await?;
    crate::audit::record(
        conn,
        now,
        actor,
        "guest.preferences_changed",
        "guest",
        saved.id,
        format!("{}: preferences updated", saved.name),
    )
    .await?;
    Ok(saved.into())
}

/// Finds guests by name, pinyin, pinyin initials, phone or ID number (prefix match).
pub async fn search(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    text: &str,
) -> Result<Vec<GuestView>> {
    actor.require(Permission::ReservationsManage)?;
    let q = text.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let lower = q.to_lowercase();
    let rows = guest::Entity::find()
        .filter(guest::Column::PropertyId.eq(actor.property_id))
        .filter(
            Condition::any()
                .add(guest::Column::Name.starts_with(q))
                .add(guest::Column::NamePinyin.starts_with(&lower))
                .add(guest::Column::PinyinInitials.starts_with(&lower))
                .add(guest::Column::Phone.starts_with(q))
                .add(guest::Column::IdNumber.starts_with(q)),
        )
        .order_by_asc(guest::Column::Name)
        .limit(50)
        .all(conn)
        .await?;
    Ok(rows.into_iter().map(Into::into).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_get_pinyin_and_initials() {
        assert_eq!(pinyin_of("张伟"), ("zhangwei".into(), "zw".into()));
        assert_eq!(
            pinyin_of("Emma Schmidt"),
            ("emmaschmidt".into(), "es".into())
        );
    }

    #[test]
    fn phones_need_digits() {
        assert!(phone("+86 138 0013 8000").is_ok());
        assert_eq!(phone("call me").unwrap_err().rule, Rule::Format);
        assert_eq!(phone("").unwrap_err().rule, Rule::Required);
    }
}
