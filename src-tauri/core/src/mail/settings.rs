//! The hotel's SMTP server as stored in the settings table (`mail.smtp`), and its password in
//! this computer's OS keyring under the exact server and user it was typed for. The password is
//! never part of a view: the UI only learns whether one is stored.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use lettre::Address;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde::{Deserialize, Serialize};

use super::MailError;
use crate::auth::Actor;
use crate::error::Result;
use crate::permission::Permission;
use crate::secrets::{self, SecretError, SmtpLogin};
use crate::validate::{self, Invalid, Rule};
use crate::{audit, settings};

const KEY: &str = "mail.smtp";
const PASSWORD_MAX: usize = 200;

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// Plain SMTP (a relay inside the hotel's network).
    None,
    /// Plain connection upgraded with STARTTLS before anything is sent (usually port 587).
    StartTls,
    /// TLS from the first byte, "SMTPS" (usually port 465).
    Tls,
}

impl Security {
    fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::StartTls => "STARTTLS",
            Self::Tls => "TLS",
        }
    }
}

/// A checked SMTP configuration. Delivery takes it as a parameter, so tests point it at a
/// server on loopback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Empty: the server accepts mail without a login.
    pub user: String,
    pub sender_address: String,
    pub sender_name: String,
}

impl SmtpSettings {
    /// The keyring entry of this login, or `None` when the server needs no login.
    pub fn login(&self) -> Option<SmtpLogin> {
        (!self.user.is_empty()).then(|| SmtpLogin {
            host: self.host.clone(),
            port: self.port,
            user: self.user.clone(),
        })
    }
}

/// Whether this computer can log in to the SMTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PasswordState {
    /// No user name: the server takes mail without a login.
    NotNeeded,
    Stored,
    /// A user name but no password on this computer (other terminals may have one).
    Missing,
    /// This computer has no usable keyring.
    Unavailable,
}

/// The "E-mail" settings tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SmtpSettingsView {
    pub configured: bool,
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub user: String,
    pub sender_address: String,
    pub sender_name: String,
    pub password: PasswordState,
}

/// The form as sent by the UI. `new_password` replaces the stored one; `clear_password` forgets
/// it; neither keeps it.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SmtpSettingsInput {
    pub host: String,
    pub port: u32,
    pub security: Security,
    pub user: String,
    pub sender_address: String,
    pub sender_name: String,
    pub new_password: Option<String>,
    pub clear_password: bool,
}

impl SmtpSettingsInput {
    /// Checks every field; the error names the first bad one.
    pub fn validate(&self) -> Result<SmtpSettings, Invalid> {
        let host = host(&self.host)?;
        let port = u16::try_from(self.port)
            .ok()
            .filter(|p| *p > 0)
            .ok_or(Invalid::new("port", Rule::Port))?;
        let user = validate::optional_text("smtpUser", &self.user, 120)?;
        let sender_address = address("senderAddress", &self.sender_address)?;
        let sender_name = validate::optional_text("senderName", &self.sender_name, 80)?;
        if let Some(password) = &self.new_password {
            if user.is_empty() {
                return Err(Invalid::new("smtpUser", Rule::Required));
            }
            if password.is_empty() {
                return Err(Invalid::new("smtpPassword", Rule::Required));
            }
            if password.chars().count() > PASSWORD_MAX {
                return Err(Invalid::new(
                    "smtpPassword",
                    Rule::TooLong { max: PASSWORD_MAX },
                ));
            }
        }
        Ok(SmtpSettings {
            host,
            port,
            security: self.security,
            user,
            sender_address,
            sender_name,
        })
    }
}

/// A host name or IP address: letters, digits, dots, hyphens (and colons for IPv6).
fn host(value: &str) -> Result<String, Invalid> {
    let v = validate::text("host", value, 253)?.to_ascii_lowercase();
    let ok_chars = v
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let ok_ends = !v.starts_with(['.', '-']) && !v.ends_with(['.', '-']) && !v.contains("..");
    if !ok_chars || !ok_ends {
        return Err(Invalid::new("host", Rule::Format));
    }
    Ok(v)
}

/// One e-mail address (`name@example.com`).
pub fn address(field: &'static str, value: &str) -> Result<String, Invalid> {
    let v = validate::text(field, value, 254)?;
    Address::from_str(&v).map_err(|_| Invalid::new(field, Rule::Format))?;
    Ok(v)
}

/// The stored configuration, or `None` before anyone set it up.
pub async fn stored_settings(
    conn: &impl ConnectionTrait,
    property_id: i32,
) -> Result<Option<SmtpSettings>> {
    settings::read(conn, property_id, KEY).await
}

/// The password for `settings` from this computer's keyring: `None` when no login is needed,
/// [`MailError::PasswordMissing`] when one is needed but not stored here.
pub fn password_for(settings: &SmtpSettings) -> Result<Option<String>> {
    let Some(login) = settings.login() else {
        return Ok(None);
    };
    match secrets::smtp_password(&login) {
        Ok(p) => Ok(Some(p)),
        Err(SecretError::Missing) => Err(MailError::PasswordMissing.into()),
        Err(e) => Err(e.into()),
    }
}

fn password_state(settings: &SmtpSettings) -> PasswordState {
    let Some(login) = settings.login() else {
        return PasswordState::NotNeeded;
    };
    match secrets::smtp_password(&login) {
        Ok(_) => PasswordState::Stored,
        Err(SecretError::Missing) => PasswordState::Missing,
        Err(SecretError::Unavailable) => PasswordState::Unavailable,
        Err(e) => {
            log::warn!("reading the SMTP password: {e}");
            PasswordState::Unavailable
        }
    }
}

fn view(settings: Option<SmtpSettings>) -> SmtpSettingsView {
    match settings {
        Some(s) => SmtpSettingsView {
            configured: true,
            password: password_state(&s),
            host: s.host,
            port: s.port,
            security: s.security,
            user: s.user,
            sender_address: s.sender_address,
            sender_name: s.sender_name,
        },
        None => SmtpSettingsView {
            configured: false,
            host: String::new(),
            port: 587,
            security: Security::StartTls,
            user: String::new(),
            sender_address: String::new(),
            sender_name: String::new(),
            password: PasswordState::NotNeeded,
        },
    }
}

/// The "E-mail" tab (permission `settings.manage`).
pub async fn get_settings(conn: &impl ConnectionTrait, actor: &Actor) -> Result<SmtpSettingsView> {
    actor.require(Permission::SettingsManage)?;
    Ok(view(stored_settings(conn, actor.property_id).await?))
}

/// Saves the SMTP settings and replaces or forgets this computer's password (permission
/// `settings.manage`). The keyring is written before the database commits, so a keyring
/// failure leaves the old settings in place.
pub async fn save_settings(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: SmtpSettingsInput,
) -> Result<SmtpSettingsView> {
    actor.require(Permission::SettingsManage)?;
    let new = input.validate()?;
    let txn = db.begin().await?;
    let old = stored_settings(&txn, actor.property_id).await?;
    settings::write(&txn, actor.property_id, KEY, &new).await?;
    let mut summary = format!(
        "SMTP {}:{} {}, user {}, sender {}",
        new.host,
        new.port,
        new.security.as_str(),
        if new.user.is_empty() { "-" } else { &new.user },
        new.sender_address
    );
    if let (Some(password), Some(login)) = (&input.new_password, new.login()) {
        secrets::save_smtp_password(&login, password)?;
        summary.push_str("; password replaced");
    } else if input.clear_password {
        let old_login = old.as_ref().and_then(SmtpSettings::login);
        for login in [new.login(), old_login].into_iter().flatten() {
            secrets::delete_smtp_password(&login)?;
        }
        summary.push_str("; password cleared");
    }
    audit::record(
        &txn,
        now,
        actor,
        "mail.settings_updated",
        "setting",
        KEY,
        summary,
    )
    .await?;
    txn.commit().await?;
    Ok(view(Some(new)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SmtpSettingsInput {
        SmtpSettingsInput {
            host: " Smtp.Exmail.QQ.com ".into(),
            port: 465,
            security: Security::Tls,
            user: "".into(),
            sender_address: "frontdesk@westlake-inn.cn".into(),
            sender_name: "西湖客栈".into(),
            new_password: None,
            clear_password: false,
        }
    }

    #[test]
    fn a_good_form_is_trimmed_and_lowercased() {
        let s = input().validate().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.host, "smtp.exmail.qq.com");
        assert_eq!(s.login(), None);
    }

    #[test]
    fn each_bad_field_is_named() {
        let field = |f: fn(&mut SmtpSettingsInput)| {
            let mut i = input();
            f(&mut i);
            i.validate().map(|_| ()).unwrap_err().field
        };
        assert_eq!(field(|i| i.host = "smtp host".into()), "host");
        assert_eq!(field(|i| i.host = "-smtp.qq.com".into()), "host");
        assert_eq!(field(|i| i.host = String::new()), "host");
        assert_eq!(field(|i| i.port = 0), "port");
        assert_eq!(field(|i| i.port = 70000), "port");
        assert_eq!(
            field(|i| i.sender_address = "frontdesk".into()),
            "senderAddress"
        );
        assert_eq!(
            field(|i| i.sender_address = "a@b@c".into()),
            "senderAddress"
        );
        assert_eq!(field(|i| i.new_password = Some("pw".into())), "smtpUser");
        assert_eq!(
            field(|i| {
                i.user = "frontdesk".into();
                i.new_password = Some(String::new());
            }),
            "smtpPassword"
        );
    }
}
