//! E-mail as the desk runs it: the background delivery round with this computer's keyring
//! password, the settings tab's test message, and waking the worker when something is queued.

use super::Desk;
use crate::error::{Error, Result};
use crate::mail::{self, DeliveryReport, MailError, SmtpSettingsInput, SmtpSettingsView};
use crate::permission::Permission;
use crate::property;

impl Desk {
    /// Asks the delivery worker to run now rather than at its next round; call it after a
    /// transaction that queued mail has committed.
    pub fn wake_mail(&self) {
        self.mail_wake.notify_one();
    }

    /// Resolves when [`Desk::wake_mail`] was called (also if that happened while no one waited).
    pub async fn mail_woken(&self) {
        self.mail_wake.notified().await;
    }

    /// One delivery round for the open hotel. Does nothing before the SMTP server is set up, or
    /// when its password is not stored on this computer (another terminal may send instead).
    pub async fn deliver_due_mail(&self) -> Result<DeliveryReport> {
        let db = { self.inner.lock().await.db.clone() };
        let Some(db) = db else {
            return Ok(DeliveryReport::default());
        };
        let Some(p) = property::current(&db.conn).await? else {
            return Ok(DeliveryReport::default());
        };
        let now = self.now();
        if !mail::any_due(&db.conn, now, p.id).await? {
            return Ok(DeliveryReport::default());
        }
        let Some(settings) = mail::stored_settings(&db.conn, p.id).await? else {
            return Err(MailError::NotConfigured.into());
        };
        let password = mail::password_for(&settings)?;
        mail::deliver_due(&db.conn, now, p.id, &settings, password.as_deref()).await
    }

    /// The "E-mail" settings tab.
    pub async fn mail_settings(&self) -> Result<SmtpSettingsView> {
        let (db, actor) = self.acting().await?;
        mail::get_settings(&db.conn, &actor).await
    }

    /// Saves the "E-mail" settings tab; queued mail is tried again at once with them.
    pub async fn save_mail_settings(&self, input: SmtpSettingsInput) -> Result<SmtpSettingsView> {
        let (db, actor) = self.acting().await?;
        let view = mail::save_settings(&db.conn, self.now(), &actor, input).await?;
        self.wake_mail();
        Ok(view)
    }

    /// "Send test e-mail" with the saved settings and this computer's password.
    pub async fn send_test_mail(&self, to: &str) -> Result<()> {
        let (db, actor) = self.acting().await?;
        actor.require(Permission::SettingsManage)?;
        let settings = mail::stored_settings(&db.conn, actor.property_id)
            .await?
            .ok_or(Error::Mail(MailError::NotConfigured))?;
        let password = mail::password_for(&settings)?;
        mail::send_test(
            &db.conn,
            self.now(),
            &actor,
            &settings,
            password.as_deref(),
            to,
        )
        .await
    }

    /// "Retry now" on an out-box message.
    pub async fn retry_mail(&self, id: i32) -> Result<()> {
        let (db, actor) = self.acting().await?;
        mail::retry_now(&db.conn, self.now(), &actor, id).await?;
        self.wake_mail();
        Ok(())
    }
}
