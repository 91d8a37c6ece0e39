//! The desk: what one running Innkeep holds — this computer's settings file, the open database
//! and the logged-in session. The Tauri shell keeps one `Desk` and its commands call into it;
//! nothing here knows about windows or IPC.

mod connection;
mod mail;
mod maintenance;
mod session;

use std::sync::Arc;

use serde::Serialize;
use tokio::sync::Mutex;

use crate::auth::{Actor, AuthError};
use crate::clock::Clock;
use crate::config::{self, LocalConfig, Paths};
use crate::db::{Backend, Db};
use crate::error::{ApiError, Error, Result};
use crate::{demo, property, users};

pub use connection::{ConnectionView, PostgresInput};
pub use session::SessionView;

/// Where the first-run and start-up flow stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// No database chosen yet: the first-run wizard.
    NeedsConnection,
    /// The chosen database cannot be opened now (server down, password refused, no keyring).
    ConnectionFailed,
    /// The settings file cannot be read.
    ConfigDamaged,
    /// The database is open but has no staff account: create the administrator.
    NeedsAdmin,
    /// Ready for login.
    Ready,
}

/// What the UI needs before anyone logs in.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub stage: Stage,
    pub backend: Option<Backend>,
    pub error: Option<ApiError>,
    pub language: String,
    pub demo: bool,
    pub demo_accounts: Vec<demo::DemoAccount>,
    pub property_name: Option<String>,
    pub data_dir: String,
    pub log_dir: String,
}

pub(crate) struct Session {
    pub actor: Actor,
    pub locked: bool,
    pub last_activity: chrono::DateTime<chrono::Utc>,
    pub idle_minutes: u32,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub config: LocalConfig,
    pub config_error: Option<Error>,
    pub loaded: bool,
    pub db: Option<Db>,
    pub conn_error: Option<Error>,
    pub session: Option<Session>,
}

/// One running Innkeep.
pub struct Desk {
    pub(crate) paths: Paths,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) demo: bool,
    pub(crate) inner: Mutex<Inner>,
    pub(crate) mail_wake: tokio::sync::Notify,
}

impl Desk {
    /// A desk over a data directory; nothing is opened until [`Desk::status`] is first asked.
    pub fn new(paths: Paths, clock: Arc<dyn Clock>, demo: bool) -> Self {
        Self {
            paths,
            clock,
            demo,
            inner: Mutex::new(Inner::default()),
            mail_wake: tokio::sync::Notify::new(),
        }
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Loads the settings file and opens the database once; later calls only report.
    async fn ensure_loaded(&self, inner: &mut Inner) {
        if inner.loaded {
            return;
        }
        inner.loaded = true;
        match config::load(&self.paths.config_file()) {
            Ok(Some(c)) => inner.config = c,
            Ok(None) if self.demo => {
                inner.config.database = Some(config::DatabaseChoice::Embedded);
                if let Err(e) = config::save(&self.paths.config_file(), &inner.config) {
                    log::error!("cannot write the demo settings: {e}");
                }
            }
            Ok(None) => {}
            Err(e) => {
                log::error!("{e}");
                inner.config_error = Some(e);
                return;
            }
        }
        self.open_configured(inner).await;
    }

    /// Opens the configured database, remembering why it failed.
    async fn open_configured(&self, inner: &mut Inner) {
        inner.conn_error = None;
        let Some(choice) = inner.config.database.clone() else {
            return;
        };
        match connection::open(&self.paths, &choice).await {
            Ok(db) => {
                if self.demo
                    && let Err(e) = demo::seed_if_empty(&db.conn, self.now()).await
                {
                    log::error!("demo hotel: {e}");
                }
                inner.db = Some(db);
            }
            Err(e) => {
                log::error!("opening the database failed: {e}");
                inner.conn_error = Some(e);
            }
        }
    }

    /// The start-up state for the UI.
    pub async fn status(&self) -> Result<AppStatus> {
        let mut inner = self.inner.lock().await;
        self.ensure_loaded(&mut inner).await;
        self.status_of(&inner).await
    }

    async fn status_of(&self, inner: &Inner) -> Result<AppStatus> {
        let (stage, error) = if let Some(e) = &inner.config_error {
            (Stage::ConfigDamaged, Some(e.to_api()))
        } else if inner.config.database.is_none() {
            (Stage::NeedsConnection, None)
        } else if inner.db.is_none() {
            (
                Stage::ConnectionFailed,
                inner.conn_error.as_ref().map(Error::to_api),
            )
        } else {
            (Stage::Ready, None)
        };
        let mut status = AppStatus {
            stage,
            backend: inner.db.as_ref().map(|d| d.backend),
            error,
            language: inner.config.language.clone(),
            demo: self.demo,
            demo_accounts: if self.demo {
                demo::accounts()
            } else {
                Vec::new()
            },
            property_name: None,
            data_dir: self.paths.data_dir.display().to_string(),
            log_dir: self.paths.log_dir.display().to_string(),
        };
        if let Some(db) = &inner.db {
            if !users::any(&db.conn).await? {
                status.stage = Stage::NeedsAdmin;
            }
            status.property_name = property::current(&db.conn).await?.map(|p| p.name);
        }
        Ok(status)
    }

    /// Chooses the language before login (kept in this computer's settings file).
    pub async fn set_language(&self, language: &str) -> Result<AppStatus> {
        let mut inner = self.inner.lock().await;
        self.ensure_loaded(&mut inner).await;
        if !config::LANGUAGES.contains(&language) {
            return Err(
                crate::validate::Invalid::new("language", crate::validate::Rule::Format).into(),
            );
        }
        inner.config.language = language.to_string();
        if inner.config_error.is_none() {
            config::save(&self.paths.config_file(), &inner.config)?;
        }
        self.status_of(&inner).await
    }

    /// The open database and the logged-in actor, refreshed from the database so role changes
    /// and deactivations apply at once. Refuses when nobody is logged in or the screen is locked
    /// (locking it first when the idle time has passed).
    pub async fn acting(&self) -> Result<(Db, Actor)> {
        let mut inner = self.inner.lock().await;
        let db = inner.db.clone().ok_or(AuthError::NotLoggedIn)?;
        let now = self.now();
        let session = inner.session.as_mut().ok_or(AuthError::NotLoggedIn)?;
        if session.locked {
            return Err(AuthError::SessionLocked.into());
        }
        if now - session.last_activity > chrono::Duration::minutes(i64::from(session.idle_minutes))
        {
            session.locked = true;
            let actor = session.actor.clone();
            crate::audit::record(
                &db.conn,
                now,
                &actor,
                "session.locked",
                "staff_user",
                actor.user_id.unwrap_or(0),
                "idle time passed",
            )
            .await?;
            return Err(AuthError::SessionLocked.into());
        }
        session.last_activity = now;
        let user_id = session.actor.user_id.ok_or(AuthError::NotLoggedIn)?;
        let user = crate::entity::staff_user::Entity::find_by_id(user_id)
            .one(&db.conn)
            .await?;
        let Some(user) = user.filter(|u| u.active) else {
            inner.session = None;
            return Err(AuthError::NotLoggedIn.into());
        };
        let actor = crate::auth::actor_for(&db.conn, &user).await?;
        if let Some(s) = inner.session.as_mut() {
            s.actor = actor.clone();
        }
        Ok((db, actor))
    }
}

use sea_orm::EntityTrait;
