//! Staff accounts managed by the administrator: create, change role or deactivate, reset a
//! password, lift a lockout. There is never a default account or password.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::auth::{self, Actor};
use crate::entity::{role, role_permission, staff_user};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};

/// A staff account as the UI shows it (never the hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UserView {
    pub id: i32,
    pub username: String,
    pub display_name: String,
    pub role_id: i32,
    /// The role's code: built-in roles (`front_desk`, …) are shown translated by it.
    pub role_code: String,
    pub role_name: String,
    pub active: bool,
    pub locked_until: Option<DateTime<Utc>>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub language: String,
}

/// A new staff account.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub role_id: i32,
}

/// Changes to an account.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UserUpdate {
    pub id: i32,
    pub display_name: String,
    pub role_id: i32,
    pub active: bool,
}

/// Builds the view of a user.
pub async fn view(conn: &impl ConnectionTrait, user: staff_user::Model) -> Result<UserView> {
    let (role_code, role_name) = role::Entity::find_by_id(user.role_id)
        .one(conn)
        .await?
        .map(|r| (r.code, r.name))
        .unwrap_or_default();
    Ok(UserView {
        id: user.id,
        username: user.username,
        display_name: user.display_name,
        role_id: user.role_id,
        role_code,
        role_name,
        active: user.active,
        locked_until: user.locked_until,
        last_login_at: user.last_login_at,
        language: user.language,
    })
}

/// Lists the hotel's staff (permission `users.view`).
pub async fn list(conn: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<UserView>> {
    actor.require(Permission::UsersView)?;
    let users = staff_user::Entity::find()
        .filter(staff_user::Column::PropertyId.eq(actor.property_id))
        .order_by_asc(staff_user::Column::Username)
        .all(conn)
        .await?;
    let mut out = Vec::with_capacity(users.len());
    for u in users {
        out.push(view(conn, u).await?);
    }
    Ok(out)
}

async fn role_in_property(
    conn: &impl ConnectionTrait,
    property_id: i32,
    role_id: i32,
) -> Result<role::Model> {
    role::Entity::find_by_id(role_id)
        .one(conn)
        .await?
        .filter(|r| r.property_id == property_id)
        .ok_or_else(|| Invalid::new("roleId", Rule::Required).into())
}

/// Inserts a user without permission checks: for the first-run administrator and the demo hotel.
pub async fn insert(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    property_id: i32,
    input: &NewUser,
    language: &str,
) -> Result<staff_user::Model> {
    let username = validate::username(&input.username)?;
    let display_name = validate::text("displayName", &input.display_name, 80)?;
    validate::new_password("password", &input.password)?;
    role_in_property(conn, property_id, input.role_id).await?;
    if auth::find_user(conn, property_id, &username)
        .await?
        .is_some()
    {
        return Err(Invalid::new("username", Rule::Duplicate { value: username }).into());
    }
    let hash = auth::hash_password(&input.password).await?;
    Ok(staff_user::ActiveModel {
        property_id: Set(property_id),
        username: Set(username),
        display_name: Set(display_name),
        password_hash: Set(hash),
        role_id: Set(input.role_id),
        active: Set(true),
        failed_attempts: Set(0),
        locked_until: Set(None),
        last_login_at: Set(None),
        language: Set(language.to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// Creates a staff account (permission `users.manage`).
pub async fn create(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: NewUser,
) -> Result<UserView> {
    actor.require(Permission::UsersManage)?;
    let txn = db.begin().await?;
    let user = insert(&txn, now, actor.property_id, &input, "zh-CN").await?;
    let role = role_in_property(&txn, actor.property_id, user.role_id).await?;
    audit::record(
        &txn,
        now,
        actor,
        "user.created",
        "staff_user",
        user.id,
        format!("{} ({})", user.username, role.name),
    )
    .await?;
    let v = view(&txn, user).await?;
    txn.commit().await?;
    Ok(v)
}

async fn load(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<staff_user::Model> {
    staff_user::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|u| u.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "user" })
}

/// Active users, other than `except`, whose role can manage users.
async fn other_user_admins(
    conn: &impl ConnectionTrait,
    property_id: i32,
    except: i32,
) -> Result<u64> {
    let roles: Vec<i32> = role_permission::Entity::find()
        .filter(role_permission::Column::Permission.eq(Permission::UsersManage.as_str()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.role_id)
        .collect();
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::PropertyId.eq(property_id))
        .filter(staff_user::Column::Active.eq(true))
        .filter(staff_user::Column::Id.ne(except))
        .filter(staff_user::Column::RoleId.is_in(roles))
        .count(conn)
        .await?)
}

/// Changes display name, role or active flag (permission `users.manage`). The last active
/// user who can manage users cannot be deactivated or moved to a weaker role.
pub async fn update(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: UserUpdate,
) -> Result<UserView> {
    actor.require(Permission::UsersManage)?;
    let txn = db.begin().await?;
    let user = load(&txn, actor, input.id).await?;
    let role = role_in_property(&txn, actor.property_id, input.role_id).await?;
    let keeps_admin = input.active
        && auth::role_permissions(&txn, role.id)
            .await?
            .contains(&Permission::UsersManage);
    if !keeps_admin && other_user_admins(&txn, actor.property_id, user.id).await? == 0 {
        return Err(Error::LastAdmin);
    }
    let display_name = validate::text("displayName", &input.display_name, 80)?;
    let summary = format!(
        "{}: role {}, {}",
        user.username,
        role.name,
        if input.active {
            "active"
        } else {
            "deactivated"
        }
    );
    let mut m: staff_user::ActiveModel = user.into();
    m.display_name = Set(display_name);
    m.role_id = Set(role.id);
    m.active = Set(input.active);
    let saved = m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        actor,
        "user.updated",
        "staff_user",
        saved.id,
        summary,
    )
    .await?;
    let v = view(&txn, saved).await?;
    txn.commit().await?;
    Ok(v)
}

/// Sets a new password for another user (permission `users.manage`) and lifts any lockout.
pub async fn reset_password(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
    password: &str,
) -> Result<()> {
    actor.require(Permission::UsersManage)?;
    validate::new_password("password", password)?;
    let hash = auth::hash_password(password).await?;
    let txn = db.begin().await?;
    let user = load(&txn, actor, id).await?;
    let name = user.username.clone();
    let mut m: staff_user::ActiveModel = user.into();
    m.password_hash = Set(hash);
    m.failed_attempts = Set(0);
    m.locked_until = Set(None);
    m.update(&txn).await?;
    audit::record(
        &txn,
        now,
        actor,
        "user.password_reset",
        "staff_user",
        id,
        name,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Lifts a lockout before its fifteen minutes are over (permission `users.manage`).
pub async fn unlock(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
) -> Result<UserView> {
    actor.require(Permission::UsersManage)?;
    let txn = db.begin().await?;
    let user = load(&txn, actor, id).await?;
    let name = user.username.clone();
    let mut m: staff_user::ActiveModel = user.into();
    m.failed_attempts = Set(0);
    m.locked_until = Set(None);
    let saved = m.update(&txn).await?;
    audit::record(&txn, now, actor, "user.unlocked", "staff_user", id, name).await?;
    let v = view(&txn, saved).await?;
    txn.commit().await?;
    Ok(v)
}

/// Whether any staff account exists (first run creates the administrator otherwise).
pub async fn any(conn: &impl ConnectionTrait) -> Result<bool> {
    Ok(staff_user::Entity::find().count(conn).await? > 0)
}
