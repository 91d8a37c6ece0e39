//! E-mail through the hotel's own SMTP server: its settings (the password only in the OS
//! keyring), the out-box every terminal shares, and delivery with retries. Other modules queue
//! messages with [`enqueue`] inside their own transaction; the app's background worker (and
//! "retry now") sends them with [`deliver_due`]. What to write in a message (a booking
//! confirmation, say) is the caller's business, not this module's.

mod delivery;
mod enqueue;
mod message;
mod outbox;
mod settings;

use crate::error::ApiError;

pub use delivery::{DeliveryReport, MAX_ATTEMPTS, any_due, deliver_due, retry_delay, send_test};
pub use enqueue::{About, MAX_ATTACHMENT_MB, NewAttachment, NewMessage, enqueue};
pub use message::{mailbox, mailbox_list, parse_list};
pub use outbox::{
    MailMessageView, MailStatus, OutboxAttachmentView, OutboxFilter, OutboxView, cancel, list,
    outbox, retry_now,
};
pub use settings::{
    PasswordState, Security, SmtpSettings, SmtpSettingsInput, SmtpSettingsView, address,
    get_settings, password_for, save_settings, stored_settings,
};

/// Why e-mail could not be set up, queued or sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error("no SMTP server is set up")]
    NotConfigured,
    #[error("the SMTP password is not stored on this computer")]
    PasswordMissing,
    #[error("cannot reach the SMTP server {host}:{port}: {detail}")]
    Unreachable {
        host: String,
        port: u16,
        detail: String,
    },
    #[error("the SMTP server refused the login: {reply}")]
    LoginRefused { reply: String },
    #[error("the secure connection to the SMTP server failed: {detail}")]
    Tls { detail: String },
    #[error("the SMTP server rejected the message: {reply}")]
    Rejected { reply: String },
    #[error("the SMTP server asked to try again later: {reply}")]
    TryLater { reply: String },
    #[error("the message cannot be built: {detail}")]
    Malformed { detail: String },
    #[error("a {status} message cannot be {action}")]
    WrongStatus {
        status: &'static str,
        action: &'static str,
    },
    #[error("the attachments exceed {max_mb} MB")]
    TooLarge { max_mb: u32 },
}

impl MailError {
    /// The stable code: the UI's translation key `errors.mail.<code>` and, for a failed
    /// attempt, the out-box's `lastErrorKind`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotConfigured => "not_configured",
            Self::PasswordMissing => "password_missing",
            Self::Unreachable { .. } => "unreachable",
            Self::LoginRefused { .. } => "login_refused",
            Self::Tls { .. } => "tls",
            Self::Rejected { .. } => "rejected",
            Self::TryLater { .. } => "try_later",
            Self::Malformed { .. } => "malformed",
            Self::WrongStatus { .. } => "wrong_status",
            Self::TooLarge { .. } => "too_large",
        }
    }

    pub fn to_api(&self) -> ApiError {
        match self {
            Self::NotConfigured | Self::PasswordMissing => ApiError::new("mail", self.code(), &[]),
            Self::Unreachable { host, port, .. } => ApiError::new(
                "mail",
                "unreachable",
                &[("host", host.clone()), ("port", port.to_string())],
            ),
            Self::LoginRefused { reply } => {
                ApiError::new("mail", "login_refused", &[("reply", reply.clone())])
            }
            Self::Tls { detail } => ApiError::new("mail", "tls", &[("detail", detail.clone())]),
            Self::Rejected { reply } => {
                ApiError::new("mail", "rejected", &[("reply", reply.clone())])
            }
            Self::TryLater { reply } => {
                ApiError::new("mail", "try_later", &[("reply", reply.clone())])
            }
            Self::Malformed { detail } => {
                ApiError::new("mail", "malformed", &[("detail", detail.clone())])
            }
            Self::WrongStatus { status, action } => ApiError::new(
                "mail",
                "wrong_status",
                &[
                    ("status", status.to_string()),
                    ("action", action.to_string()),
                ],
            ),
            Self::TooLarge { max_mb } => {
                ApiError::new("mail", "too_large", &[("max", max_mb.to_string())])
            }
        }
    }
}
