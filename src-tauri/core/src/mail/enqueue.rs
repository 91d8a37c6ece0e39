//! Queueing a message: checked, stored with its attachments on the caller's connection or
//! transaction, due at once. Sending is [`super::deliver_due`]'s business.

use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use super::message::mailbox_list;
use super::{MailError, MailStatus};
use crate::audit;
use crate::auth::Actor;
use crate::entity::{mail_attachment, mail_message};
use crate::error::Result;
use crate::validate::{self, Invalid, Rule};

/// Attachments of one message may add up to this many megabytes.
pub const MAX_ATTACHMENT_MB: u32 = 20;
const MAX_ATTACHMENTS: usize = 10;
const MAX_BODY_CHARS: usize = 100_000;

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
