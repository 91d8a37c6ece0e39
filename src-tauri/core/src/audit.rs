//! The append-only audit trail: who did what, when, to which entity. The database refuses
//! updates and deletes (a trigger); this module only inserts and reads.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::{Deserialize, Serialize};

use crate::auth::Actor;
use crate::entity::audit_entry;
use crate::error::Result;
use crate::permission::Permission;

/// Records one action. `summary` is a short human-readable line (no secrets, no ID numbers).
pub async fn record(
    conn: &impl ConnectionTrait,
    at: DateTime<Utc>,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: impl ToString,
    summary: impl Into<String>,
) -> Result<()> {
    audit_entry::Entity::insert(audit_entry::ActiveModel {
        property_id: Set(actor.property_id),
        at: Set(at),
        user_id: Set(actor.user_id),
        username: Set(actor.username.clone()),
        action: Set(action.to_string()),
        entity: Set(entity.to_string()),
        entity_id: Set(entity_id.to_string()),
        summary: Set(summary.into()),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(())
}

/// One line of the audit trail as the UI shows it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryView {
    #[specta(type = f64)]
    pub id: i64,
    pub at: DateTime<Utc>,
    pub username: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub summary: String,
}

/// Filters of the audit screen; dates are calendar days in the hotel's time zone, inclusive.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditFilter {
    pub user_id: Option<i32>,
    pub action: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub offset: u32,
    pub limit: u32,
}

/// A page of the audit trail, newest first, with the total and the actions seen so far.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditPage {
    pub entries: Vec<AuditEntryView>,
    pub total: u32,
    pub actions: Vec<String>,
}

/// Lists the audit trail (permission `audit.view`).
pub async fn list(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    filter: &AuditFilter,
) -> Result<AuditPage> {
    actor.require(Permission::AuditView)?;
    let property = crate::property::get(conn, actor.property_id).await?;
    let tz = crate::property::time_zone("timeZone", &property.time_zone)?;
    let mut q =
        audit_entry::Entity::find().filter(audit_entry::Column::PropertyId.eq(actor.property_id));
    if let Some(user) = filter.user_id {
        q = q.filter(audit_entry::Column::UserId.eq(user));
    }
    if let Some(action) = filter.action.as_deref().filter(|a| !a.is_empty()) {
        q = q.filter(audit_entry::Column::Action.eq(action));
    }
    if let Some(from) = filter.from {
        q = q.filter(audit_entry::Column::At.gte(start_of_day(tz, from)));
    }
    if let Some(to) = filter.to.and_then(|d| d.succ_opt()) {
        q = q.filter(audit_entry::Column::At.lt(start_of_day(tz, to)));
    }
    let total = q.clone().count(conn).await?;
    let limit = filter.limit.clamp(1, 500);
    let rows = q
        .order_by_desc(audit_entry::Column::At)
        .order_by_desc(audit_entry::Column::Id)
        .offset(u64::from(filter.offset))
        .limit(u64::from(limit))
        .all(conn)
        .await?;
    let actions: Vec<String> = audit_entry::Entity::find()
        .select_only()
        .column(audit_entry::Column::Action)
        .distinct()
        .filter(audit_entry::Column::PropertyId.eq(actor.property_id))
        .order_by_asc(audit_entry::Column::Action)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(AuditPage {
        entries: rows
            .into_iter()
            .map(|r| AuditEntryView {
                id: r.id,
                at: r.at,
                username: r.username,
                action: r.action,
                entity: r.entity,
                entity_id: r.entity_id,
                summary: r.summary,
            })
            .collect(),
        total: u32::try_from(total).unwrap_or(u32::MAX),
        actions,
    })
}

fn start_of_day(tz: chrono_tz::Tz, day: NaiveDate) -> DateTime<Utc> {
    use chrono::TimeZone;
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}
