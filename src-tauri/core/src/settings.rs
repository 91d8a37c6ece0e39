//! Hotel-wide settings stored in the database (key → JSON value per property): the idle lock
//! time and the backup schedule. Every change is in the audit trail.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::auth::Actor;
use crate::entity::setting;
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate;

const IDLE_LOCK: &str = "session.idle_lock_minutes";
/// Minutes without input before the screen locks, unless the hotel changed it.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 15;

/// General settings editable by the administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub idle_lock_minutes: u32,
}

/// Reads a setting, or `None` when it was never set.
pub async fn read<T: DeserializeOwned>(
    conn: &impl ConnectionTrait,
    property_id: i32,
    key: &str,
) -> Result<Option<T>> {
    let Some(row) = setting::Entity::find_by_id((property_id, key.to_string()))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    serde_json::from_str(&row.value)
        .map(Some)
        .map_err(|e| Error::Internal(format!("setting {key}: {e}")))
}

/// Writes a setting (insert or replace).
pub async fn write<T: Serialize>(
    conn: &impl ConnectionTrait,
    property_id: i32,
    key: &str,
    value: &T,
) -> Result<()> {
    let text = serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))?;
    let row = setting::ActiveModel {
        property_id: Set(property_id),
        key: Set(key.to_string()),
        value: Set(text),
    };
    setting::Entity::insert(row)
        .on_conflict(
            sea_orm::sea_query::OnConflict::columns([
                setting::Column::PropertyId,
                setting::Column::Key,
            ])
            .update_column(setting::Column::Value)
            .to_owned(),
        )
        .exec(conn)
        .await?;
    Ok(())
}

/// Minutes of inactivity after which the screen locks.
pub async fn idle_lock_minutes(conn: &impl ConnectionTrait, property_id: i32) -> Result<u32> {
    Ok(read(conn, property_id, IDLE_LOCK)
        .await?
        .unwrap_or(DEFAULT_IDLE_LOCK_MINUTES))
}

/// The general settings (any logged-in user may read them: the UI needs the idle time).
pub async fn get(conn: &impl ConnectionTrait, actor: &Actor) -> Result<SettingsView> {
    Ok(SettingsView {
        idle_lock_minutes: idle_lock_minutes(conn, actor.property_id).await?,
    })
}

/// Changes the general settings (permission `settings.manage`).
pub async fn update(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: SettingsView,
) -> Result<SettingsView> {
    actor.require(Permission::SettingsManage)?;
    let minutes = validate::range(
        "idleLockMinutes",
        i64::from(input.idle_lock_minutes),
        1,
        240,
    )?;
    let txn = db.begin().await?;
    write(&txn, actor.property_id, IDLE_LOCK, &minutes).await?;
    audit::record(
        &txn,
        now,
        actor,
        "settings.updated",
        "setting",
        IDLE_LOCK,
        format!("idle lock {minutes} min"),
    )
    .await?;
    txn.commit().await?;
    get(db, actor).await
}
