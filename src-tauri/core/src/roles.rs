//! Roles and their permission sets. New hotels get the defaults of domain.md; the
//! administrator edits them or adds new ones. Built-in roles can be edited but not deleted.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::auth::{self, Actor};
use crate::entity::{role, role_permission, staff_user};
use crate::error::{Error, Result};
use crate::permission::{DEFAULT_ROLES, Permission};
use crate::validate;

/// A role with its permissions and how many users hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoleView {
    pub id: i32,
    pub code: String,
    pub name: String,
    pub builtin: bool,
    pub permissions: Vec<Permission>,
    pub user_count: u32,
}

/// A role to create (`id` null) or change.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoleInput {
    pub id: Option<i32>,
    pub name: String,
    pub permissions: Vec<Permission>,
}

/// Creates the default roles of a new property; returns the administrator role's id.
pub async fn create_defaults(conn: &impl ConnectionTrait, property_id: i32) -> Result<i32> {
    let mut admin = 0;
    for d in DEFAULT_ROLES {
        let r = role::ActiveModel {
            property_id: Set(property_id),
            code: Set(d.code.into()),
            name: Set(d.name.into()),
            builtin: Set(true),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        set_permissions(conn, r.id, d.permissions).await?;
        if d.code == crate::permission::ADMINISTRATOR {
            admin = r.id;
        }
    }
    Ok(admin)
}

async fn set_permissions(
    conn: &impl ConnectionTrait,
    role_id: i32,
    permissions: &[Permission],
) -> Result<()> {
    role_permission::Entity::delete_many()
        .filter(role_permission::Column::RoleId.eq(role_id))
        .exec(conn)
        .await?;
    let rows: Vec<_> = permissions
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|p| role_permission::ActiveModel {
            role_id: Set(role_id),
            permission: Set(p.as_str().into()),
        })
        .collect();
    if !rows.is_empty() {
        role_permission::Entity::insert_many(rows)
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Finds a role by its code.
pub async fn by_code(
    conn: &impl ConnectionTrait,
    property_id: i32,
    code: &str,
) -> Result<Option<role::Model>> {
    Ok(role::Entity::find()
        .filter(role::Column::PropertyId.eq(property_id))
        .filter(role::Column::Code.eq(code))
        .one(conn)
        .await?)
}

async fn view(conn: &impl ConnectionTrait, r: role::Model) -> Result<RoleView> {
    let permissions = auth::role_permissions(conn, r.id)
        .await?
        .into_iter()
        .collect();
    let users = staff_user::Entity::find()
        .filter(staff_user::Column::RoleId.eq(r.id))
        .count(conn)
        .await?;
    Ok(RoleView {
        id: r.id,
        code: r.code,
        name: r.name,
        builtin: r.builtin,
        permissions,
        user_count: u32::try_from(users).unwrap_or(u32::MAX),
    })
}

/// Lists the roles (permission `users.view`).
pub async fn list(conn: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<RoleView>> {
    actor.require(Permission::UsersView)?;
    let roles = role::Entity::find()
        .filter(role::Column::PropertyId.eq(actor.property_id))
        .order_by_asc(role::Column::Id)
        .all(conn)
        .await?;
    let mut out = Vec::with_capacity(roles.len());
    for r in roles {
        out.push(view(conn, r).await?);
    }
    Ok(out)
}

/// Creates or changes a role (permission `roles.manage`). Taking `users.manage` away from the
/// role of the last user who has it is refused.
pub async fn save(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    input: RoleInput,
) -> Result<RoleView> {
    actor.require(Permission::RolesManage)?;
    let name = validate::text("roleName", &input.name, 80)?;
    let txn = db.begin().await?;
    let saved = match input.id {
        Some(id) => {
            let existing = role::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|r| r.property_id == actor.property_id)
                .ok_or(Error::NotFound { entity: "role" })?;
            let mut m: role::ActiveModel = existing.into();
            m.name = Set(name);
            m.update(&txn).await?
        }
        None => {
            let code = format!("custom_{}", now.timestamp_millis());
            role::ActiveModel {
                property_id: Set(actor.property_id),
                code: Set(code),
                name: Set(name),
                builtin: Set(false),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    set_permissions(&txn, saved.id, &input.permissions).await?;
    if !input.permissions.contains(&Permission::UsersManage)
        && !any_user_admin(&txn, actor.property_id).await?
    {
        return Err(Error::LastAdmin);
    }
    let list: Vec<&str> = input.permissions.iter().map(|p| p.as_str()).collect();
    let action = if input.id.is_some() {
        "role.updated"
    } else {
        "role.created"
    };
    audit::record(
        &txn,
        now,
        actor,
        action,
        "role",
        saved.id,
        format!("{}: {}", saved.name, list.join(", ")),
    )
    .await?;
    let v = view(&txn, saved).await?;
    txn.commit().await?;
    Ok(v)
}

async fn any_user_admin(conn: &impl ConnectionTrait, property_id: i32) -> Result<bool> {
    let users = staff_user::Entity::find()
        .filter(staff_user::Column::PropertyId.eq(property_id))
        .filter(staff_user::Column::Active.eq(true))
        .all(conn)
        .await?;
    for u in users {
        if auth::role_permissions(conn, u.role_id)
            .await?
            .contains(&Permission::UsersManage)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Deletes a custom role nobody holds (permission `roles.manage`).
pub async fn delete(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i32,
) -> Result<()> {
    actor.require(Permission::RolesManage)?;
    let txn = db.begin().await?;
    let r = role::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "role" })?;
    if r.builtin {
        return Err(Error::RoleBuiltin);
    }
    let holders = staff_user::Entity::find()
        .filter(staff_user::Column::RoleId.eq(id))
        .count(&txn)
        .await?;
    if holders > 0 {
        return Err(Error::RoleInUse { count: holders });
    }
    let name = r.name.clone();
    r.delete(&txn).await?;
    audit::record(&txn, now, actor, "role.deleted", "role", id, name).await?;
    txn.commit().await?;
    Ok(())
}
