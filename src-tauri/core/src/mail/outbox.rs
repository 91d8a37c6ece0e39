//! The out-box: queueing a message (inside the caller's transaction), listing what waits or was
//! sent, and the two hands-on actions "retry now" and "cancel".

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use super::MailError;
use super::message::mailbox_list;
use crate::audit;
use crate::auth::{Actor, AuthError};
use crate::entity::{mail_attachment, mail_message};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};

/// Attachments of one message may add up to this many megabytes.
pub const MAX_ATTACHMENT_MB: u32 = 20;
const MAX_ATTACHMENTS: usize = 10;
const MAX_BODY_CHARS: usize = 100_000;
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

/// What a message is about, so its screen can show "confirmation e-mailed" (e.g. entity
/// `booking`, id the booking number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    pub entity: String,
    pub id: String,
}

/// A file to send along, e.g. a confirmation PDF (`application/pdf`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub file_name: String,
    pub mime_type: String,
    pub content: Vec<u8>,
}

/// A message to queue. Addresses are `guest@example.com` or `王伟 <guest@example.com>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewMessage {
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    /// Plain text; line breaks are kept.
    pub body: String,
    pub about: Option<About>,
    pub attachments: Vec<NewAttachment>,
}

/// Puts a message in the out-box, due at once, and returns its id.
///
/// Runs on the caller's connection or transaction, so the message exists exactly when the
/// caller's change does (a booking confirmed and its e-mail queued, or neither). The caller
/// checks its own permission; this only needs a logged-in actor for the record. After the
/// transaction commits, call [`crate::desk::Desk::wake_mail`] so the worker sends it right
/// away instead of at its next round. Nothing is sent here and no SMTP settings are needed:
/// without them the message simply waits.
///
/// Errors: [`Invalid`] naming `recipients`, `cc`, `subject`, `body` or `attachments`;
/// [`MailError::TooLarge`] when the attachments exceed [`MAX_ATTACHMENT_MB`].
pub async fn enqueue(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    message: NewMessage,
) -> Result<i32> {
    if message.to.is_empty() {
        return Err(Invalid::new("recipients", Rule::Required).into());
    }
    let to_list = mailbox_list("recipients", &message.to)?;
    let cc_list = mailbox_list("cc", &message.cc)?;
    let subject = validate::text("subject", &message.subject, 200)?;
    let body = body(&message.body)?;
    check_attachments(&message.attachments)?;
    let (about_entity, about_id) = match &message.about {
        Some(a) => (
            validate::text("aboutEntity", &a.entity, 32)?,
            validate::text("aboutId", &a.id, 40)?,
        ),
        None => (String::new(), String::new()),
    };
    let inserted = mail_message::Entity::insert(mail_message::ActiveModel {
        property_id: Set(actor.property_id),
        to_list: Set(to_list.clone()),
        cc_list: Set(cc_list),
        subject: Set(subject.clone()),
        body: Set(body),
        status: Set(MailStatus::Queued.as_str().into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error_kind: Set(String::new()),
        last_error: Set(String::new()),
        created_at: Set(now),
        sent_at: Set(None),
        queued_by: Set(actor.username.clone()),
        about_entity: Set(about_entity),
        about_id: Set(about_id),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    let id = inserted.last_insert_id;
    let count = message.attachments.len();
    for (position, a) in message.attachments.into_iter().enumerate() {
        mail_attachment::Entity::insert(mail_attachment::ActiveModel {
            message_id: Set(id),
            position: Set(position as i32),
            file_name: Set(a.file_name.trim().to_string()),
            mime_type: Set(a.mime_type.trim().to_string()),
            size_bytes: Set(a.content.len() as i64),
            content: Set(a.content),
            ..Default::default()
        })
        .exec(conn)
        .await?;
    }
    audit::record(
        conn,
        now,
        actor,
        "mail.queued",
        "mail_message",
        id,
        format!("to {to_list}: {subject} ({count} attachments)"),
    )
    .await?;
    Ok(id)
}

fn body(value: &str) -> Result<String, Invalid> {
    if value.trim().is_empty() {
        return Err(Invalid::new("body", Rule::Required));
    }
    if value.chars().count() > MAX_BODY_CHARS {
        return Err(Invalid::new(
            "body",
            Rule::TooLong {
                max: MAX_BODY_CHARS,
            },
        ));
    }
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if value.chars().any(bad) {
        return Err(Invalid::new("body", Rule::Format));
    }
    Ok(value.replace("\r\n", "\n"))
}

fn check_attachments(attachments: &[NewAttachment]) -> Result<()> {
    if attachments.len() > MAX_ATTACHMENTS {
        return Err(Invalid::new(
            "attachments",
            Rule::Range {
                min: 0,
                max: MAX_ATTACHMENTS as i64,
            },
        )
        .into());
    }
    let mut total = 0usize;
    for a in attachments {
        let name = validate::text("attachments", &a.file_name, 200)?;
        if name.contains(['/', '\\']) {
            return Err(Invalid::new("attachments", Rule::Format).into());
        }
        ContentType::parse(a.mime_type.trim())
            .map_err(|_| Invalid::new("attachments", Rule::Format))?;
        total += a.content.len();
    }
    if total > MAX_ATTACHMENT_MB as usize * 1024 * 1024 {
        return Err(MailError::TooLarge {
            max_mb: MAX_ATTACHMENT_MB,
        }
        .into());
    }
    Ok(())
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
