//! Guest profiles: a name (with its pinyin and pinyin initials, so 张伟 is found as "zhangwei"
//! and "zw"), a phone, an optional e-mail, and an ID document checked by `identity` (a China
//! resident ID's region and date of birth are kept). ID numbers leave this module masked unless
//! the viewer has `guests.view_documents`.

use chrono::{DateTime, NaiveDate, Utc};
use pinyin::ToPinyin;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend,
    EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::auth::Actor;
use crate::entity::guest;
use crate::error::Result;
use crate::identity::{self, IdDocumentInput, Province};
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
    /// The kind of ID document (`IdDocumentKind::as_str`), empty when none is registered.
    pub id_type: String,
    /// The ID number, masked unless the viewer has `guests.view_documents`.
    pub id_number: String,
    /// ICAO three-letter code, e.g. "CHN"; empty when unknown.
    pub nationality: String,
    /// GB/T 2260 region of a China resident ID (its first six digits, visible when masked too).
    pub id_region: String,
    pub province: Option<Province>,
    /// Date of birth from the document; only for viewers with `guests.view_documents`, since it
    /// is the part of a resident ID number that masking hides.
    pub birth_date: Option<NaiveDate>,
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

/// A guest as a form sends it (booking, check-in, editing a profile).
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewGuest {
    pub name: String,
    pub phone: String,
    pub email: String,
    /// The ID document shown, if any.
    #[serde(default)]
    pub id_document: Option<IdDocumentInput>,
    /// ICAO three-letter code; "CHN" is assumed for a China resident ID when empty.
    #[serde(default)]
    pub nationality: String,
}

impl GuestView {
    /// The guest as `actor` may see them (ID number and date of birth per their role).
    pub fn of(g: guest::Model, actor: &Actor) -> Self {
        let sees = actor.require(Permission::GuestsViewDocuments).is_ok();
        Self {
            id: g.id,
            id_number: identity::id_number_for(actor, &g.id_number),
            province: identity::province_of(&g.id_region),
            birth_date: g.birth_date.filter(|_| sees),
            name: g.name,
            phone: g.phone,
            email: g.email,
            preferences: Preferences::parse(&g.preferences),
            id_type: g.id_type,
            nationality: g.nationality,
            id_region: g.id_region,
        }
    }
}

/// The ID columns of a guest row.
struct Document {
    id_type: String,
    id_number: String,
    nationality: String,
    id_region: String,
    birth_date: Option<NaiveDate>,
}

fn nationality(value: &str) -> Result<String, Invalid> {
    let v = value.trim().to_uppercase();
    let letters = v.chars().count();
    if !v.is_empty() && (!(2..=3).contains(&letters) || !v.chars().all(|c| c.is_ascii_uppercase()))
    {
        return Err(Invalid::new("nationality", Rule::Format));
    }
    Ok(v)
}

/// Checks the document of `input` against the hotel's `today`; a resident ID gives the region,
/// the date of birth and (if none was typed) the nationality.
fn document(input: &NewGuest, today: NaiveDate) -> Result<Document> {
    let nationality = nationality(&input.nationality)?;
    let Some(doc) = input
        .id_document
        .as_ref()
        .filter(|d| !d.number.trim().is_empty())
    else {
        return Ok(Document {
            id_type: String::new(),
            id_number: String::new(),
            nationality,
            id_region: String::new(),
            birth_date: None,
        });
    };
    let view = identity::check_number(doc.kind, &doc.number, today)?;
    Ok(Document {
        id_type: doc.kind.as_str().to_string(),
        nationality: match (nationality.is_empty(), view.nationality) {
            (true, Some(implied)) => implied,
            _ => nationality,
        },
        id_region: view.region_code.unwrap_or_default(),
        birth_date: view.birth_date,
        id_number: view.number,
    })
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
    let today = identity::hotel_today(conn, actor.property_id, now).await?;
    let doc = document(input, today)?;
    Ok(guest::ActiveModel {
        property_id: Set(actor.property_id),
        name: Set(name),
        name_pinyin: Set(name_pinyin),
        pinyin_initials: Set(pinyin_initials),
        phone: Set(phone(&input.phone)?),
        email: Set(email(&input.email)?),
        id_type: Set(doc.id_type),
        id_number: Set(doc.id_number),
        nationality: Set(doc.nationality),
        id_region: Set(doc.id_region),
        birth_date: Set(doc.birth_date),
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
    let g = guest::Entity::find_by_id(guest_id)
        .one(conn)
        .await?
        .filter(|g| g.property_id == actor.property_id)
        .ok_or(crate::error::Error::NotFound { entity: "guest" })?;
    Ok(GuestView::of(g, actor))
}

/// Changes a guest's name, contact and ID document (permission `guests.manage`). A number sent
/// back as the masked form of the stored one (a viewer without `guests.view_documents` editing
/// the name) keeps the stored document.
pub async fn update(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    guest_id: i32,
    input: &NewGuest,
) -> Result<GuestView> {
    actor.require(Permission::GuestsManage)?;
    let txn = db.begin().await?;
    let saved = update_on(&txn, now, actor, guest_id, input).await?;
    txn.commit().await?;
    Ok(GuestView::of(saved, actor))
}

/// [`update`] inside the caller's transaction, under the caller's permission (check-in
/// registers the guests of a room under `frontdesk.operate`).
pub(crate) async fn update_on(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    guest_id: i32,
    input: &NewGuest,
) -> Result<guest::Model> {
    let name = validate::text("guestName", &input.name, 120)?;
    let g = guest::Entity::find_by_id(guest_id)
        .one(conn)
        .await?
        .filter(|g| g.property_id == actor.property_id)
        .ok_or(crate::error::Error::NotFound { entity: "guest" })?;
    let unchanged = input.id_document.as_ref().is_some_and(|d| {
        d.kind.as_str() == g.id_type
            && d.number.contains('*')
            && identity::normalize(&d.number) == identity::mask_id_number(&g.id_number)
    });
    let doc = if unchanged {
        Document {
            id_type: g.id_type.clone(),
            id_number: g.id_number.clone(),
            nationality: Some(nationality(&input.nationality)?)
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| g.nationality.clone()),
            id_region: g.id_region.clone(),
            birth_date: g.birth_date,
        }
    } else {
        let today = identity::hotel_today(conn, actor.property_id, now).await?;
        document(input, today)?
    };
    let (name_pinyin, pinyin_initials) = pinyin_of(&name);
    let document_changed = doc.id_type != g.id_type || doc.id_number != g.id_number;
    let mut m: guest::ActiveModel = g.into();
    m.name = Set(name);
    m.name_pinyin = Set(name_pinyin);
    m.pinyin_initials = Set(pinyin_initials);
    m.phone = Set(phone(&input.phone)?);
    m.email = Set(email(&input.email)?);
    m.id_type = Set(doc.id_type);
    m.id_number = Set(doc.id_number);
    m.nationality = Set(doc.nationality);
    m.id_region = Set(doc.id_region);
    m.birth_date = Set(doc.birth_date);
    let saved = m.update(conn).await?;
    let what = if document_changed {
        "profile and ID document updated"
    } else {
        "profile updated"
    };
    crate::audit::record(
        conn,
        now,
        actor,
        "guest.updated",
        "guest",
        saved.id,
        format!("{}: {what}", saved.name),
    )
    .await?;
    Ok(saved)
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
    Ok(GuestView::of(saved, actor))
}

/// Finds guests by name, pinyin, pinyin initials or phone (prefix match) or ID number: by prefix
/// for viewers with `guests.view_documents`, else only the whole number (the card in hand), so
/// a search cannot be used to guess numbers digit by digit.
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
    let number = identity::normalize(q);
    let sees_documents = actor.require(Permission::GuestsViewDocuments).is_ok();
    let backend = conn.get_database_backend();
    // One indexed lookup per column rather than one OR over five columns, which no database
    // answers from its indexes: on a hotel of a million profiles each takes well under a
    // millisecond.
    let mut lookups = vec![
        starting(backend, guest::Column::Name, q),
        starting(backend, guest::Column::NamePinyin, &lower),
        starting(backend, guest::Column::PinyinInitials, &lower),
        starting(backend, guest::Column::Phone, q),
    ];
    lookups.push(if sees_documents {
        starting(backend, guest::Column::IdNumber, &number)
    } else {
        Condition::all().add(guest::Column::IdNumber.eq(number.as_str()))
    });
    let mut found: Vec<guest::Model> = Vec::new();
    for condition in lookups {
        let rows = guest::Entity::find()
            .filter(guest::Column::PropertyId.eq(actor.property_id))
            .filter(condition)
            .limit(SEARCH_LIMIT)
            .all(conn)
            .await?;
        for g in rows {
            if !found.iter().any(|f| f.id == g.id) {
                found.push(g);
            }
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    found.truncate(SEARCH_LIMIT as usize);
    Ok(found.into_iter().map(|g| GuestView::of(g, actor)).collect())
}

/// At most this many guests answer a search.
const SEARCH_LIMIT: u64 = 50;

/// `column` starts with `prefix`, in the form the backend's index answers: a byte range on
/// SQLite (whose LIKE ignores ASCII case and so skips the index), `LIKE 'prefix%'` on
/// PostgreSQL (with the `text_pattern_ops` indexes of migration 000010).
fn starting(backend: DbBackend, column: guest::Column, prefix: &str) -> Condition {
    match backend {
        DbBackend::Postgres => Condition::all().add(column.starts_with(prefix)),
        _ => Condition::all()
            .add(column.gte(prefix))
            .add(column.lt(format!("{prefix}{}", char::MAX))),
    }
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
