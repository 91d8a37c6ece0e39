//! Choosing and opening the database: the first-run wizard's two paths, retry after a failed
//! start-up, and recovery from a damaged settings file.

use serde::{Deserialize, Serialize};

use super::{AppStatus, Desk, Inner};
use crate::config::{self, DatabaseChoice, Paths};
use crate::db::{self, Backend, Db, PostgresServer};
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};
use crate::{audit, secrets};

/// The "Shared server" form.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PostgresInput {
    pub host: String,
    pub port: u32,
    pub database: String,
    pub user: String,
    pub password: String,
}

impl PostgresInput {
    /// Checks the form and splits off the password.
    pub fn validate(&self) -> Result<(PostgresServer, String), Invalid> {
        let host = validate::text("host", &self.host, 253)?;
        if host.chars().any(char::is_whitespace) {
            return Err(Invalid::new("host", Rule::Format));
        }
        let port = u16::try_from(self.port)
            .ok()
            .filter(|p| *p > 0)
            .ok_or(Invalid::new("port", Rule::Port))?;
        let database = validate::text("database", &self.database, 63)?;
        let user = validate::text("user", &self.user, 63)?;
        if self.password.is_empty() {
            return Err(Invalid::new("password", Rule::Required));
        }
        if self.password.chars().count() > 200 {
            return Err(Invalid::new("password", Rule::TooLong { max: 200 }));
        }
        Ok((
            PostgresServer {
                host,
                port,
                database,
                user,
            },
            self.password.clone(),
        ))
    }
}

/// How this computer reaches its database (never the password).
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionView {
    pub backend: Backend,
    pub host: Option<String>,
    pub port: Option<u16>,
    pub database: Option<String>,
    pub user: Option<String>,
    pub database_path: Option<String>,
    pub data_dir: String,
    pub log_dir: String,
}

/// Opens the database a settings file points at, reading the password from the keyring.
pub(super) async fn open(paths: &Paths, choice: &DatabaseChoice) -> Result<Db> {
    match choice {
        DatabaseChoice::Embedded => Ok(db::open_embedded(&paths.database_file()).await?),
        DatabaseChoice::Postgres(server) => {
            let password = secrets::postgres_password(server)?;
            Ok(db::open_postgres(server, &password).await?)
        }
    }
}

impl Desk {
    /// Checks a PostgreSQL server without saving anything.
    pub async fn test_connection(&self, input: PostgresInput) -> Result<()> {
        let (server, password) = input.validate()?;
        let db = db::open_postgres(&server, &password).await?;
        let _ = db.conn.close().await;
        Ok(())
    }

    /// "This computer only": the embedded database in the data directory.
    pub async fn use_embedded(&self) -> Result<AppStatus> {
        let mut inner = self.inner.lock().await;
        self.ensure_loaded(&mut inner).await;
        self.switch(&mut inner, DatabaseChoice::Embedded).await
    }

    /// "Shared server": checked first, then the password goes to the OS keyring and the rest to
    /// the settings file. If any step fails, nothing changes.
    pub async fn use_postgres(&self, input: PostgresInput) -> Result<AppStatus> {
        let (server, password) = input.validate()?;
        let db = db::open_postgres(&server, &password).await?;
        let _ = db.conn.close().await;
        secrets::save_postgres_password(&server, &password)?;
        let mut inner = self.inner.lock().await;
        self.ensure_loaded(&mut inner).await;
        self.switch(&mut inner, DatabaseChoice::Postgres(server))
            .await
    }

    async fn switch(&self, inner: &mut Inner, choice: DatabaseChoice) -> Result<AppStatus> {
        if inner.config_error.is_some() {
            return self.status_of(inner).await;
        }
        let db = open(&self.paths, &choice).await?;
        let previous = inner.config.database.replace(choice.clone());
        if let Err(e) = config::save(&self.paths.config_file(), &inner.config) {
            inner.config.database = previous;
            let _ = db.conn.close().await;
            return Err(e);
        }
        if let Some(old) = inner.db.replace(db) {
            let _ = old.conn.close().await;
        }
        inner.conn_error = None;
        let session = inner.session.take();
        let summary = match &choice {
            DatabaseChoice::Embedded => "embedded database on this computer".to_string(),
            DatabaseChoice::Postgres(s) => {
                format!("PostgreSQL {}@{}:{}/{}", s.user, s.host, s.port, s.database)
            }
        };
        log::info!("database set to {summary}");
        if let (Some(db), Some(p)) = (&inner.db, self.current_property(inner).await?) {
            let who = session
                .map(|s| s.actor)
                .unwrap_or_else(|| crate::auth::Actor::anonymous(p, "setup"));
            audit::record(
                &db.conn,
                self.now(),
                &who,
                "connection.configured",
                "connection",
                "",
                summary,
            )
            .await?;
        }
        self.status_of(inner).await
    }

    async fn current_property(&self, inner: &Inner) -> Result<Option<i32>> {
        let Some(db) = &inner.db else { return Ok(None) };
        Ok(crate::property::current(&db.conn).await?.map(|p| p.id))
    }

    /// Tries the configured database again (after the server came back, say).
    pub async fn retry_connection(&self) -> Result<AppStatus> {
        let mut inner = self.inner.lock().await;
        self.ensure_loaded(&mut inner).await;
        if inner.db.is_none() {
            self.open_configured(&mut inner).await;
        }
        self.status_of(&inner).await
    }

    /// Moves a damaged settings file aside (kept for support) and starts the wizard again.
    pub async fn reset_configuration(&self) -> Result<AppStatus> {
        let mut inner = self.inner.lock().await;
        self.ensure_loaded(&mut inner).await;
        if inner.config_error.is_some() {
            let stamp = self.now().format("%Y%m%d-%H%M%S").to_string();
            let aside = config::move_aside(&self.paths.config_file(), &stamp)?;
            log::warn!("damaged settings file moved to {}", aside.display());
            inner.config_error = None;
            inner.config = config::LocalConfig::default();
        }
        self.status_of(&inner).await
    }

    /// How this computer reaches its database (permission `connection.manage`).
    pub async fn connection_info(&self) -> Result<ConnectionView> {
        let (db, actor) = self.acting().await?;
        actor.require(Permission::ConnectionManage)?;
        let inner = self.inner.lock().await;
        let server = match &inner.config.database {
            Some(DatabaseChoice::Postgres(s)) => Some(s.clone()),
            _ => None,
        };
        Ok(ConnectionView {
            backend: db.backend,
            host: server.as_ref().map(|s| s.host.clone()),
            port: server.as_ref().map(|s| s.port),
            database: server.as_ref().map(|s| s.database.clone()),
            user: server.map(|s| s.user),
            database_path: db.sqlite_path.map(|p| p.display().to_string()),
            data_dir: self.paths.data_dir.display().to_string(),
            log_dir: self.paths.log_dir.display().to_string(),
        })
    }
}
