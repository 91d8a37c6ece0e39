//! The logged-in session of this window: login, logout, lock and unlock, own password.

use serde::Serialize;

use super::{Desk, Session};
use crate::auth::{self, Actor, AuthError};
use crate::error::Result;
use crate::permission::Permission;
use crate::property::{self, PropertyView};
use crate::setup::{self, CreateAdministratorInput};
use crate::users::{self, UserView};
use crate::{audit, settings};

/// Who is logged in and what they may do.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub user: UserView,
    pub permissions: Vec<Permission>,
    pub idle_lock_minutes: u32,
    pub property: PropertyView,
    pub locked: bool,
}

impl Desk {
    async fn start_session(&self, user: crate::entity::staff_user::Model) -> Result<SessionView> {
        let mut inner = self.inner.lock().await;
        let db = inner.db.clone().ok_or(AuthError::NotLoggedIn)?;
        let actor = auth::actor_for(&db.conn, &user).await?;
        let idle = settings::idle_lock_minutes(&db.conn, user.property_id).await?;
        inner.session = Some(Session {
            actor,
            locked: false,
            last_activity: self.now(),
            idle_minutes: idle,
        });
        drop(inner);
        self.session_view()
            .await?
            .ok_or_else(|| AuthError::NotLoggedIn.into())
    }

    /// Creates the hotel and its administrator on first run, then logs the administrator in.
    pub async fn create_administrator(
        &self,
        input: CreateAdministratorInput,
    ) -> Result<SessionView> {
        let (db, language) = {
            let inner = self.inner.lock().await;
            (
                inner
                    .db
                    .clone()
                    .ok_or(crate::db::ConnectionError::NotConfigured)?,
                inner.config.language.clone(),
            )
        };
        let user = setup::create_administrator(&db.conn, self.now(), &language, input).await?;
        self.start_session(user).await
    }

    /// Logs a user in (see [`auth::login`] for lockout rules).
    pub async fn login(&self, username: &str, password: &str) -> Result<SessionView> {
        let db = {
            let inner = self.inner.lock().await;
            inner
                .db
                .clone()
                .ok_or(crate::db::ConnectionError::NotConfigured)?
        };
        let p = property::current(&db.conn)
            .await?
            .ok_or(AuthError::InvalidCredentials)?;
        let user = auth::login(&db.conn, self.now(), p.id, username, password).await?;
        self.start_session(user).await
    }

    /// The session, if someone is logged in (locked or not).
    pub async fn session_view(&self) -> Result<Option<SessionView>> {
        let inner = self.inner.lock().await;
        let (Some(db), Some(s)) = (&inner.db, &inner.session) else {
            return Ok(None);
        };
        let Some(user_id) = s.actor.user_id else {
            return Ok(None);
        };
        let Some(user) = crate::entity::staff_user::Entity::find_by_id(user_id)
            .one(&db.conn)
            .await?
        else {
            return Ok(None);
        };
        let actor = auth::actor_for(&db.conn, &user).await?;
        Ok(Some(SessionView {
            user: users::view(&db.conn, user).await?,
            permissions: actor.permissions.into_iter().collect(),
            idle_lock_minutes: s.idle_minutes,
            property: property::get(&db.conn, s.actor.property_id).await?.into(),
            locked: s.locked,
        }))
    }

    /// Ends the session.
    pub async fn logout(&self) -> Result<()> {
        let mut inner = self.inner.lock().await;
        if let (Some(db), Some(s)) = (inner.db.clone(), inner.session.take()) {
            audit::record(
                &db.conn,
                self.now(),
                &s.actor,
                "auth.logout",
                "staff_user",
                s.actor.user_id.unwrap_or(0),
                "logged out",
            )
            .await?;
        }
        Ok(())
    }

    /// Locks the screen now (the session stays; the password unlocks it).
    pub async fn lock(&self) -> Result<()> {
        let mut inner = self.inner.lock().await;
        let db = inner.db.clone();
        if let Some(s) = inner.session.as_mut().filter(|s| !s.locked) {
            s.locked = true;
            if let Some(db) = db {
                audit::record(
                    &db.conn,
                    self.now(),
                    &s.actor,
                    "session.locked",
                    "staff_user",
                    s.actor.user_id.unwrap_or(0),
                    "locked by the user",
                )
                .await?;
            }
        }
        Ok(())
    }

    /// Unlocks the screen with the logged-in user's password. Failures count towards the
    /// account lockout; once the account locks, the session ends.
    pub async fn unlock(&self, password: &str) -> Result<SessionView> {
        let (db, actor) = {
            let inner = self.inner.lock().await;
            let s = inner.session.as_ref().ok_or(AuthError::NotLoggedIn)?;
            (
                inner.db.clone().ok_or(AuthError::NotLoggedIn)?,
                s.actor.clone(),
            )
        };
        match auth::login(
            &db.conn,
            self.now(),
            actor.property_id,
            &actor.username,
            password,
        )
        .await
        {
            Ok(_) => {
                let mut inner = self.inner.lock().await;
                if let Some(s) = inner.session.as_mut() {
                    s.locked = false;
                    s.last_activity = self.now();
                    s.idle_minutes =
                        settings::idle_lock_minutes(&db.conn, actor.property_id).await?;
                }
                drop(inner);
                audit::record(
                    &db.conn,
                    self.now(),
                    &actor,
                    "session.unlocked",
                    "staff_user",
                    actor.user_id.unwrap_or(0),
                    "unlocked",
                )
                .await?;
                self.session_view()
                    .await?
                    .ok_or_else(|| AuthError::NotLoggedIn.into())
            }
            Err(e) => {
                if matches!(
                    e,
                    crate::error::Error::Auth(
                        AuthError::AccountLocked { .. } | AuthError::AccountInactive
                    )
                ) {
                    self.inner.lock().await.session = None;
                }
                Err(e)
            }
        }
    }

    /// Records activity so the idle lock does not fire while someone is typing.
    pub async fn touch(&self) -> Result<()> {
        self.acting().await.map(|_| ())
    }

    /// Changes the logged-in user's password.
    pub async fn change_password(&self, current: &str, next: &str) -> Result<()> {
        let (db, actor): (_, Actor) = self.acting().await?;
        auth::change_password(&db.conn, self.now(), &actor, current, next).await
    }
}

use sea_orm::EntityTrait;
