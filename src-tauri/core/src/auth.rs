//! Staff authentication: Argon2id password hashes, login with lockout after repeated failures,
//! password changes, and the [`Actor`] every core operation checks its permission against.

use std::collections::BTreeSet;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};

use crate::audit;
use crate::entity::{role_permission, staff_user};
use crate::error::{ApiError, Error, Result};
use crate::permission::Permission;
use crate::validate;

/// Failed attempts in a row after which an account is locked.
pub const MAX_FAILED_ATTEMPTS: i32 = 10;
/// How long a locked account stays locked.
pub const LOCKOUT_MINUTES: i64 = 15;

/// Why someone may not proceed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("invalid user name or password")]
    InvalidCredentials,
    #[error("the account is locked for {minutes} more minutes")]
    AccountLocked { minutes: i64 },
    #[error("the account is deactivated")]
    AccountInactive,
    #[error("nobody is logged in")]
    NotLoggedIn,
    #[error("the screen is locked")]
    SessionLocked,
    #[error("permission {} is required", permission.as_str())]
    Forbidden { permission: Permission },
    #[error("the current password is wrong")]
    WrongCurrentPassword,
}

impl AuthError {
    pub fn to_api(&self) -> ApiError {
        match self {
            Self::InvalidCredentials => ApiError::new("auth", "invalid_credentials", &[]),
            Self::AccountLocked { minutes } => ApiError::new(
                "auth",
                "account_locked",
                &[("minutes", minutes.to_string())],
            ),
            Self::AccountInactive => ApiError::new("auth", "account_inactive", &[]),
            Self::NotLoggedIn => ApiError::new("auth", "not_logged_in", &[]),
            Self::SessionLocked => ApiError::new("auth", "session_locked", &[]),
            Self::Forbidden { permission } => ApiError::new(
                "auth",
                "forbidden",
                &[("permission", permission.as_str().to_string())],
            ),
            Self::WrongCurrentPassword => ApiError::new("auth", "wrong_current_password", &[]),
        }
    }
}

/// Who is acting, with the permissions of their role at login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i32>,
    pub property_id: i32,
    pub username: String,
    pub permissions: BTreeSet<Permission>,
}

impl Actor {
    /// Refuses with `Forbidden` unless the actor holds `permission`.
    pub fn require(&self, permission: Permission) -> Result<(), AuthError> {
        if self.permissions.contains(&permission) {
            Ok(())
        } else {
            Err(AuthError::Forbidden { permission })
        }
    }

    /// Someone not (yet) identified, e.g. a failed login under a typed user name.
    pub fn anonymous(property_id: i32, username: &str) -> Self {
        Self {
            user_id: None,
            property_id,
            username: username.chars().take(40).collect(),
            permissions: BTreeSet::new(),
        }
    }

    /// The application itself, for scheduled work such as the daily backup.
    pub fn system(property_id: i32, permissions: &[Permission]) -> Self {
        Self {
            user_id: None,
            property_id,
            username: "system".into(),
            permissions: permissions.iter().copied().collect(),
        }
    }
}

fn hasher() -> Argon2<'static> {
    // OWASP minimum for Argon2id: 19 MiB memory, 2 iterations, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password with Argon2id and a random salt (runs off the async threads).
pub async fn hash_password(password: &str) -> Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
            .map_err(|e| Error::Internal(e.to_string()))?;
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| Error::Internal(e.to_string()))
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// Checks a password against a stored hash (runs off the async threads).
pub async fn verify_password(password: &str, hash: &str) -> bool {
    let (password, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

/// A hash of a random password, verified against when the user name is unknown, so that a
/// wrong name and a wrong password take the same time.
async fn decoy_hash() -> String {
    static DECOY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DECOY
        .get_or_init(|| async {
            hash_password(&hex::encode(rand::random::<[u8; 16]>()))
                .await
                .unwrap_or_default()
        })
        .await
        .clone()
}

/// The permissions of a role.
pub async fn role_permissions(
    conn: &impl ConnectionTrait,
    role_id: i32,
) -> Result<BTreeSet<Permission>> {
    let rows = role_permission::Entity::find()
        .filter(role_permission::Column::RoleId.eq(role_id))
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r.permission.parse().ok())
        .collect())
}

/// Builds the actor of a user from their current role.
pub async fn actor_for(conn: &impl ConnectionTrait, user: &staff_user::Model) -> Result<Actor> {
    Ok(Actor {
        user_id: Some(user.id),
        property_id: user.property_id,
        username: user.username.clone(),
        permissions: role_permissions(conn, user.role_id).await?,
    })
}

/// Finds a user by name (case-insensitive) in a property.
pub async fn find_user(
    conn: &impl ConnectionTrait,
    property_id: i32,
    username: &str,
) -> Result<Option<staff_user::Model>> {
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::PropertyId.eq(property_id))
        .filter(staff_user::Column::Username.eq(username.trim().to_lowercase()))
        .one(conn)
        .await?)
}

fn minutes_left(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let secs = (until - now).num_seconds().max(0);
    (secs + 59) / 60
}

/// Logs a user in. Ten failures in a row lock the account for fifteen minutes; every attempt
/// is in the audit trail. Errors never tell whether the user name exists.
pub async fn login(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    property_id: i32,
    username: &str,
    password: &str,
) -> Result<staff_user::Model> {
    let Some(user) = find_user(db, property_id, username).await? else {
        let _ = verify_password(password, &decoy_hash().await).await;
        let who = Actor::anonymous(property_id, username.trim());
        audit::record(
            db,
            now,
            &who,
            "auth.login_failed",
            "staff_user",
            "",
            "unknown user name",
        )
        .await?;
        return Err(AuthError::InvalidCredentials.into());
    };
    if let Some(until) = user.locked_until.filter(|u| *u > now) {
        let who = Actor::anonymous(property_id, &user.username);
        audit::record(
            db,
            now,
            &who,
            "auth.login_failed",
            "staff_user",
            user.id,
            "account locked",
        )
        .await?;
        return Err(AuthError::AccountLocked {
            minutes: minutes_left(until, now),
        }
        .into());
    }
    let ok = verify_password(password, &user.password_hash).await;
    let txn = db.begin().await?;
    let who = Actor {
        user_id: Some(user.id),
        ..Actor::anonymous(property_id, &user.username)
    };
    let mut m: staff_user::ActiveModel = user.clone().into();
    if !ok {
        let failures = if user.locked_until.is_some() {
            1
        } else {
            user.failed_attempts + 1
        };
        m.failed_attempts = Set(failures);
        m.locked_until = Set(None);
        let locked = failures >= MAX_FAILED_ATTEMPTS;
        if locked {
            m.locked_until = Set(Some(now + Duration::minutes(LOCKOUT_MINUTES)));
            m.failed_attempts = Set(0);
        }
        m.update(&txn).await?;
        audit::record(
            &txn,
            now,
            &who,
            "auth.login_failed",
            "staff_user",
            user.id,
            format!("wrong password ({failures} in a row)"),
        )
        .await?;
        if locked {
            audit::record(
                &txn,
                now,
                &who,
                "auth.lockout",
                "staff_user",
                user.id,
                format!("locked for {LOCKOUT_MINUTES} minutes"),
            )
            .await?;
        }
        txn.commit().await?;
        return Err(if locked {
            AuthError::AccountLocked {
                minutes: LOCKOUT_MINUTES,
            }
        } else {
            AuthError::InvalidCredentials
        }
        .into());
    }
    if !user.active {
        audit::record(
            &txn,
            now,
            &who,
            "auth.login_failed",
            "staff_user",
            user.id,
            "account deactivated",
        )
        .await?;
        txn.commit().await?;
        return Err(AuthError::AccountInactive.into());
    }
    m.failed_attempts = Set(0);
    m.locked_until = Set(None);
    m.last_login_at = Set(Some(now));
    let user = m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        &who,
        "auth.login",
        "staff_user",
        user.id,
        "logged in",
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// Changes the actor's own password after checking the current one.
pub async fn change_password(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    current: &str,
    next: &str,
) -> Result<()> {
    let user_id = actor.user_id.ok_or(AuthError::NotLoggedIn)?;
    let user = staff_user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(AuthError::NotLoggedIn)?;
    if !verify_password(current, &user.password_hash).await {
        audit::record(
            db,
            now,
            actor,
            "auth.password_change_failed",
            "staff_user",
            user_id,
            "wrong current password",
        )
        .await?;
        return Err(AuthError::WrongCurrentPassword.into());
    }
    validate::new_password("newPassword", next)?;
    let hash = hash_password(next).await?;
    let txn = db.begin().await?;
    let mut m: staff_user::ActiveModel = user.into();
    m.password_hash = Set(hash);
    m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        actor,
        "auth.password_changed",
        "staff_user",
        user_id,
        "own password changed",
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_with_owasp_parameters_and_salted() {
        let a = hash_password("correct horse battery").await.unwrap();
        let b = hash_password("correct horse battery").await.unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b);
        assert!(verify_password("correct horse battery", &a).await);
        assert!(!verify_password("wrong", &a).await);
    }

    #[test]
    fn lock_minutes_round_up() {
        let now = Utc::now();
        assert_eq!(minutes_left(now + Duration::seconds(61), now), 2);
        assert_eq!(minutes_left(now, now), 0);
    }
}
