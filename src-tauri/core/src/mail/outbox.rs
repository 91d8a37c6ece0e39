//! The out-box as people see it: what waits, was sent or failed, and the two hands-on actions
//! "retry now" and "cancel".

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use super::MailError;
use crate::audit;
use crate::auth::{Actor, AuthError};
use crate::entity::{mail_attachment, mail_message};
use crate::error::{Error, Result};
use crate::permission::Permission;

const LIST_LIMIT: u64 = 200;

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MailStatus {
    /// Waiting for its next attempt (the first one is due at once).
    Queued,
    /// A terminal is talking to the server about it right now.
    Sending,
    Sent,
    /// Refused for good by the server, or given up after [`super::MAX_ATTEMPTS`] tries.
    Failed,
    /// Withdrawn by a user; never sent.
    Cancelled,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "sending" => Self::Sending,
            "sent" => Self::Sent,
            "failed" => Self::Failed,
            "cancelled" => Self::Cancelled,
            _ => Self::Queued,
        }
    }
}

/// The out-box may be seen and handled by the front desk (who queue confirmations) and by
/// whoever manages the settings (who fix the server when mail does not leave).
fn require_outbox(actor: &Actor) -> Result<()> {
    if actor.require(Permission::ReservationsManage).is_ok() {
        return Ok(());
    }
    actor.require(Permission::SettingsManage).map_err(|_| {
        Error::Auth(AuthError::Forbidden {
            permission: Permission::ReservationsManage,
        })
    })
}

/// An attachment as listed (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OutboxAttachmentView {
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: i32,
}

/// One line of the out-box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MailMessageView {
    pub id: i32,
    pub status: MailStatus,
    pub to: String,
    pub cc: String,
    pub subject: String,
    pub attempts: i32,
    /// When the next try is due; only for queued messages.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// Why the last try failed, as a code the UI translates (`unreachable`, `login_refused`,
    /// `tls`, `rejected`, `try_later`, `malformed`, `password_missing`); empty when it did not.
    pub last_error_kind: String,
    /// The server's own words (or the network error), shortened; never a password.
    pub last_error: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub queued_by: String,
    pub about_entity: String,
    pub about_id: String,
    pub attachments: Vec<OutboxAttachmentView>,
}

/// Which messages the out-box shows.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OutboxFilter {
    pub status: Option<MailStatus>,
}

/// The out-box screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OutboxView {
    /// False until someone set up the SMTP server: then nothing leaves, and the screen says why.
    pub smtp_configured: bool,
    /// Newest first, at most 200.
    pub messages: Vec<MailMessageView>,
}

/// The out-box: whether mail can leave at all, and the newest messages with their attachments'
/// names and sizes. Permission `reservations.manage` or `settings.manage`.
pub async fn outbox(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    filter: OutboxFilter,
) -> Result<OutboxView> {
    require_outbox(actor)?;
    Ok(OutboxView {
        smtp_configured: super::stored_settings(conn, actor.property_id)
            .await?
            .is_some(),
        messages: list(conn, actor, filter).await?,
    })
}

/// The newest messages first (at most 200), with their attachments' names and sizes.
/// Permission `reservations.manage` or `settings.manage`.
pub async fn list(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    filter: OutboxFilter,
) -> Result<Vec<MailMessageView>> {
    require_outbox(actor)?;
    let mut query =
        mail_message::Entity::find().filter(mail_message::Column::PropertyId.eq(actor.property_id));
    if let Some(status) = filter.status {
        query = query.filter(mail_message::Column::Status.eq(status.as_str()));
    }
    let rows = query
        .order_by_desc(mail_message::Column::CreatedAt)
        .order_by_desc(mail_message::Column::Id)
        .limit(LIST_LIMIT)
        .all(conn)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut files: HashMap<i32, Vec<OutboxAttachmentView>> = HashMap::new();
    let listed: Vec<(i32, String, String, i64)> = mail_attachment::Entity::find()
        .select_only()
        .columns([
            mail_attachment::Column::MessageId,
            mail_attachment::Column::FileName,
            mail_attachment::Column::MimeType,
            mail_attachment::Column::SizeBytes,
        ])
        .filter(mail_attachment::Column::MessageId.is_in(ids))
        .order_by_asc(mail_attachment::Column::MessageId)
        .order_by_asc(mail_attachment::Column::Position)
        .into_tuple()
        .all(conn)
        .await?;
    for (message_id, file_name, mime_type, size) in listed {
        files
            .entry(message_id)
            .or_default()
            .push(OutboxAttachmentView {
                file_name,
                mime_type,
                size_bytes: i32::try_from(size).unwrap_or(i32::MAX),
            });
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let attachments = files.remove(&r.id).unwrap_or_default();
            view(r, attachments)
        })
        .collect())
}

fn view(r: mail_message::Model, attachments: Vec<OutboxAttachmentView>) -> MailMessageView {
    let status = MailStatus::parse(&r.status);
    MailMessageView {
        id: r.id,
        status,
        to: r.to_list,
        cc: r.cc_list,
        subject: r.subject,
        attempts: r.attempts,
        next_attempt_at: (status == MailStatus::Queued).then_some(r.next_attempt_at),
        last_error_kind: r.last_error_kind,
        last_error: r.last_error,
        created_at: r.created_at,
        sent_at: r.sent_at,
        queued_by: r.queued_by,
        about_entity: r.about_entity,
        about_id: r.about_id,
        attachments,
    }
}

/// Changes a queued or failed message in one conditional UPDATE, so a terminal that is sending
/// it at this moment wins; returns the message's status when it was not changed.
async fn change_waiting(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
    action: &'static str,
    set: impl FnOnce(
        sea_orm::UpdateMany<mail_message::Entity>,
    ) -> sea_orm::UpdateMany<mail_message::Entity>,
) -> Result<()> {
    let waiting = [MailStatus::Queued.as_str(), MailStatus::Failed.as_str()];
    let update = mail_message::Entity::update_many()
        .filter(mail_message::Column::Id.eq(id))
        .filter(mail_message::Column::PropertyId.eq(actor.property_id))
        .filter(mail_message::Column::Status.is_in(waiting));
    if set(update).exec(conn).await?.rows_affected == 1 {
        return Ok(());
    }
    let row = mail_message::Entity::find_by_id(id)
        .filter(mail_message::Column::PropertyId.eq(actor.property_id))
        .one(conn)
        .await?
        .ok_or(Error::NotFound {
            entity: "mail_message",
        })?;
    Err(MailError::WrongStatus {
        status: MailStatus::parse(&row.status).as_str(),
        action,
    }
    .into())
}

/// "Retry now": a queued or failed message becomes due at once; a failed one starts its
/// attempts afresh. Permission `reservations.manage` or `settings.manage`.
pub async fn retry_now(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
) -> Result<()> {
    require_outbox(actor)?;
    let failed = MailStatus::Failed.as_str();
    let txn = db.begin().await?;
    change_waiting(&txn, actor, id, "retried", |u| {
        u.col_expr(
            mail_message::Column::Attempts,
            Expr::case(Expr::col(mail_message::Column::Status).eq(failed), 0)
                .finally(Expr::col(mail_message::Column::Attempts))
                .into(),
        )
        .col_expr(
            mail_message::Column::Status,
            Expr::value(MailStatus::Queued.as_str()),
        )
        .col_expr(mail_message::Column::NextAttemptAt, Expr::value(now))
    })
    .await?;
    audit::record(
        &txn,
        now,
        actor,
        "mail.retried",
        "mail_message",
        id,
        "retry now",
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Withdraws a queued or failed message; it stays listed as cancelled. Permission
/// `reservations.manage` or `settings.manage`.
pub async fn cancel(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
) -> Result<()> {
    require_outbox(actor)?;
    let txn = db.begin().await?;
    change_waiting(&txn, actor, id, "cancelled", |u| {
        u.col_expr(
            mail_message::Column::Status,
            Expr::value(MailStatus::Cancelled.as_str()),
        )
    })
    .await?;
    audit::record(
        &txn,
        now,
        actor,
        "mail.cancelled",
        "mail_message",
        id,
        "cancelled",
    )
    .await?;
    Ok(txn.commit().await?)
}
