//! Sending what is due: claim each message with a conditional UPDATE (so two terminals on one
//! PostgreSQL never send it twice), talk SMTP with no database connection held, then record the
//! outcome: sent; failed at once on a permanent (5xx) refusal; otherwise queued again with
//! exponential backoff. Problems of the server as a whole (unreachable, login, TLS) never fail a
//! message — it waits until the server works again; a server that keeps answering "try later"
//! for one message makes it fail after [`MAX_ATTEMPTS`].

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::message::{compose, mailbox, sender};
use super::{MailError, MailStatus, Security, SmtpSettings};
use crate::audit;
use crate::auth::Actor;
use crate::entity::{mail_attachment, mail_message};
use crate::error::Result;
use crate::permission::Permission;

/// A message the server keeps answering "try later" for fails after this many attempts.
pub const MAX_ATTEMPTS: i32 = 8;
/// Messages claimed in one round.
const BATCH: u64 = 20;
/// A claimed message whose terminal vanished mid-send (crash, power cut) is due again after this.
const LEASE_MINUTES: i64 = 10;
/// Connecting and each SMTP reply may take this long.
const TIMEOUT: StdDuration = StdDuration::from_secs(20);
const ERROR_MAX_CHARS: usize = 300;

/// How long to wait after the `attempts`-th failed try: 1, 2, 4 … minutes, at most an hour.
pub fn retry_delay(attempts: i32) -> Duration {
    let doubling = attempts.clamp(1, 7) - 1;
    Duration::minutes(std::cmp::min(1i64 << doubling, 60))
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: u32,
    pub retrying: u32,
    pub failed: u32,
}

fn due() -> sea_orm::Condition {
    // A message left "sending" by a vanished terminal is due again once its lease ran out.
    sea_orm::Condition::all().add(
        mail_message::Column::Status
            .is_in([MailStatus::Queued.as_str(), MailStatus::Sending.as_str()]),
    )
}

/// Whether any message of `property_id` is due at `now` (a cheap look before the keyring is
/// asked for the password).
pub async fn any_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    property_id: i32,
) -> Result<bool> {
    let first: Option<i32> = mail_message::Entity::find()
        .select_only()
        .column(mail_message::Column::Id)
        .filter(mail_message::Column::PropertyId.eq(property_id))
        .filter(due())
        .filter(mail_message::Column::NextAttemptAt.lte(now))
        .into_tuple()
        .one(db)
        .await?;
    Ok(first.is_some())
}

/// Sends every message of `property_id` that is due at `now` through the server in `settings`
/// (`password` for its login, if it has one). Safe to run on several terminals at once.
pub async fn deliver_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    property_id: i32,
    settings: &SmtpSettings,
    password: Option<&str>,
) -> Result<DeliveryReport> {
    let candidates: Vec<i32> = mail_message::Entity::find()
        .select_only()
        .column(mail_message::Column::Id)
        .filter(mail_message::Column::PropertyId.eq(property_id))
        .filter(due())
        .filter(mail_message::Column::NextAttemptAt.lte(now))
        .order_by_asc(mail_message::Column::NextAttemptAt)
        .order_by_asc(mail_message::Column::Id)
        .limit(BATCH)
        .into_tuple()
        .all(db)
        .await?;
    let mut claimed = Vec::new();
    for id in candidates {
        let taken = mail_message::Entity::update_many()
            .col_expr(
                mail_message::Column::Status,
                Expr::value(MailStatus::Sending.as_str()),
            )
            .col_expr(
                mail_message::Column::Attempts,
                Expr::col(mail_message::Column::Attempts).add(1),
            )
            .col_expr(
                mail_message::Column::NextAttemptAt,
                Expr::value(now + Duration::minutes(LEASE_MINUTES)),
            )
            .filter(mail_message::Column::Id.eq(id))
            .filter(due())
            .filter(mail_message::Column::NextAttemptAt.lte(now))
            .exec(db)
            .await?;
        if taken.rows_affected == 1 {
            claimed.push(id);
        }
    }
    let mut report = DeliveryReport::default();
    if claimed.is_empty() {
        return Ok(report);
    }
    let rows = mail_message::Entity::find()
        .filter(mail_message::Column::Id.is_in(claimed))
        .order_by_asc(mail_message::Column::Id)
        .all(db)
        .await?;
    let mut session = Session::new(settings, password);
    for row in rows {
        let attachments = mail_attachment::Entity::find()
            .filter(mail_attachment::Column::MessageId.eq(row.id))
            .order_by_asc(mail_attachment::Column::Position)
            .all(db)
            .await?;
        let outcome = match compose(settings, &row, &attachments) {
            Ok(message) => session.send(&message).await,
            Err(detail) => Err(MailError::Malformed { detail }),
        };
        match record(db, now, &row, outcome).await? {
            MailStatus::Sent => report.sent += 1,
            MailStatus::Failed => report.failed += 1,
            _ => report.retrying += 1,
        }
    }
    session.close().await;
    Ok(report)
}

/// Stores how the attempt went; returns the message's new status.
async fn record(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    row: &mail_message::Model,
    outcome: std::result::Result<(), MailError>,
) -> Result<MailStatus> {
    let update = mail_message::Entity::update_many()
        .filter(mail_message::Column::Id.eq(row.id))
        .filter(mail_message::Column::Status.eq(MailStatus::Sending.as_str()));
    let system = Actor::system(row.property_id, &[]);
    let (status, update) = match outcome {
        Ok(()) => (
            MailStatus::Sent,
            update
                .col_expr(mail_message::Column::SentAt, Expr::value(Some(now)))
                .col_expr(mail_message::Column::LastErrorKind, Expr::value(""))
                .col_expr(mail_message::Column::LastError, Expr::value("")),
        ),
        Err(e) => {
            let gives_up = match &e {
                MailError::Rejected { .. } | MailError::Malformed { .. } => true,
                MailError::TryLater { .. } => row.attempts >= MAX_ATTEMPTS,
                _ => false,
            };
            let (kind, detail) = error_text(&e);
            let update = update
                .col_expr(mail_message::Column::LastErrorKind, Expr::value(kind))
                .col_expr(mail_message::Column::LastError, Expr::value(detail));
            if gives_up {
                (MailStatus::Failed, update)
            } else {
                let next = now + retry_delay(row.attempts);
                (
                    MailStatus::Queued,
                    update.col_expr(mail_message::Column::NextAttemptAt, Expr::value(next)),
                )
            }
        }
    };
    update
        .col_expr(mail_message::Column::Status, Expr::value(status.as_str()))
        .exec(db)
        .await?;
    let action = match status {
        MailStatus::Sent => "mail.sent",
        MailStatus::Failed => "mail.failed",
        _ => return Ok(status),
    };
    audit::record(
        db,
        now,
        &system,
        action,
        "mail_message",
        row.id,
        format!("to {}: {}", row.to_list, row.subject),
    )
    .await?;
    Ok(status)
}

/// The error code the UI translates and a short detail for the out-box.
fn error_text(e: &MailError) -> (&'static str, String) {
    (e.code(), shorten(&e.to_string()))
}

fn shorten(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one_line.chars().take(ERROR_MAX_CHARS).collect()
}

/// One SMTP conversation, opened on the first message and again after a failed one (lettre
/// drops the connection on any error); a server-level failure is remembered for the rest of
/// the round instead of being retried message by message.
struct Session<'a> {
    settings: &'a SmtpSettings,
    password: Option<&'a str>,
    conn: Option<AsyncSmtpConnection>,
    broken: Option<MailError>,
}

impl<'a> Session<'a> {
    fn new(settings: &'a SmtpSettings, password: Option<&'a str>) -> Self {
        Self {
            settings,
            password,
            conn: None,
            broken: None,
        }
    }

    async fn send(&mut self, message: &lettre::Message) -> std::result::Result<(), MailError> {
        if let Some(e) = &self.broken {
            return Err(e.clone());
        }
        let conn = match self.conn.take() {
            Some(c) if !c.has_broken() => c,
            _ => match open(self.settings, self.password).await {
                Ok(c) => c,
                Err(e) => {
                    self.broken = Some(e.clone());
                    return Err(e);
                }
            },
        };
        let mut conn = conn;
        match conn.send(message.envelope(), &message.formatted()).await {
            Ok(_) => {
                self.conn = Some(conn);
                Ok(())
            }
            Err(e) => Err(sending_error(self.settings, &e)),
        }
    }

    async fn close(mut self) {
        if let Some(mut conn) = self.conn.take() {
            let _ = conn.quit().await;
        }
    }
}

/// Connects, secures and logs in as the settings say.
async fn open(
    settings: &SmtpSettings,
    password: Option<&str>,
) -> std::result::Result<AsyncSmtpConnection, MailError> {
    let unreachable = |e: &dyn std::fmt::Display| MailError::Unreachable {
        host: settings.host.clone(),
        port: settings.port,
        detail: shorten(&e.to_string()),
    };
    let tls_error = |e: &dyn std::fmt::Display| MailError::Tls {
        detail: shorten(&e.to_string()),
    };
    let hello = ClientId::default();
    let tls = match settings.security {
        Security::None => None,
        Security::StartTls | Security::Tls => {
            Some(TlsParameters::new_rustls(settings.host.clone()).map_err(|e| tls_error(&e))?)
        }
    };
    let wrapped = tls.clone().filter(|_| settings.security == Security::Tls);
    let mut conn = AsyncSmtpConnection::connect_tokio1(
        (settings.host.as_str(), settings.port),
        Some(TIMEOUT),
        &hello,
        wrapped,
        None,
    )
    .await
    .map_err(|e| {
        if e.is_tls() {
            tls_error(&e)
        } else {
            unreachable(&e)
        }
    })?;
    if settings.security == Security::StartTls
        && let Some(tls) = tls
    {
        conn.starttls(tls, &hello)
            .await
            .map_err(|e| tls_error(&e))?;
    }
    if let Some(user) = (!settings.user.is_empty()).then_some(&settings.user) {
        let credentials = Credentials::new(user.clone(), password.unwrap_or_default().to_string());
        conn.auth(&[Mechanism::Plain, Mechanism::Login], &credentials)
            .await
            .map_err(|e| {
                if e.is_permanent() || e.is_transient() || e.is_client() {
                    MailError::LoginRefused {
                        reply: shorten(&e.to_string()),
                    }
                } else {
                    unreachable(&e)
                }
            })?;
    }
    Ok(conn)
}

fn sending_error(settings: &SmtpSettings, e: &lettre::transport::smtp::Error) -> MailError {
    let text = shorten(&e.to_string());
    if e.is_permanent() || e.is_client() {
        MailError::Rejected { reply: text }
    } else if e.is_transient() || e.is_response() {
        MailError::TryLater { reply: text }
    } else {
        MailError::Unreachable {
            host: settings.host.clone(),
            port: settings.port,
            detail: text,
        }
    }
}

/// "Send test e-mail": sends a short message to `to` at once, outside the out-box, and says
/// exactly what went wrong (permission `settings.manage`).
pub async fn send_test(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    settings: &SmtpSettings,
    password: Option<&str>,
    to: &str,
) -> Result<()> {
    actor.require(Permission::SettingsManage)?;
    let to = mailbox("testRecipient", to)?;
    let from = sender(settings).map_err(|detail| MailError::Malformed { detail })?;
    let message = lettre::Message::builder()
        .from(from)
        .to(to.clone())
        .subject("Innkeep test e-mail / 测试邮件")
        .date(now.into())
        .message_id(None)
        .user_agent("Innkeep".into())
        .body(format!(
            "This is a test e-mail from Innkeep: the SMTP settings work.\n\
             这是 Innkeep 发送的测试邮件：邮件服务器设置可用。\n\n\
             {}:{} ({:?})\n",
            settings.host, settings.port, settings.security
        ))
        .map_err(|e| MailError::Malformed {
            detail: e.to_string(),
        })?;
    let mut session = Session::new(settings, password);
    let outcome = session.send(&message).await;
    session.close().await;
    let summary = match &outcome {
        Ok(()) => format!("test e-mail to {} sent", to.email),
        Err(e) => format!(
            "test e-mail to {} failed: {}",
            to.email,
            shorten(&e.to_string())
        ),
    };
    audit::record(
        db,
        now,
        actor,
        "mail.test_sent",
        "setting",
        "mail.smtp",
        summary,
    )
    .await?;
    outcome.map_err(Into::into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_one_minute_up_to_an_hour() {
        let minutes: Vec<i64> = (1..=9).map(|n| retry_delay(n).num_minutes()).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(retry_delay(0).num_minutes(), 1);
        assert_eq!(retry_delay(i32::MAX).num_minutes(), 60);
    }
}
