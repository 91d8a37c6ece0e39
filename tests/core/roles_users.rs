//! Managing staff and roles, with the guards that keep a hotel from locking itself out.

use innkeep_core::Error;
use innkeep_core::permission::Permission;
use innkeep_core::roles::{self, RoleInput};
use innkeep_core::users::{self, NewUser, UserUpdate};
use innkeep_core::{audit, auth};
use innkeep_tests::{PASSWORD, fresh_db, hotel, staff, t0};

#[tokio::test]
async fn new_hotels_get_the_five_default_roles() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let list = roles::list(&t.db.conn, &admin).await.unwrap();
    let codes: Vec<&str> = list.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "front_desk",
            "finance",
            "housekeeping",
            "manager",
            "administrator"
        ]
    );
    assert!(list.iter().all(|r| r.builtin));
    assert_eq!(list[4].user_count, 1);
    assert_eq!(list[4].permissions.len(), Permission::ALL.len());
}

#[tokio::test]
async fn the_administrator_creates_users_and_duplicates_are_refused() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let fd = roles::by_code(&t.db.conn, admin.property_id, "front_desk")
        .await
        .unwrap()
        .unwrap();
    let input = NewUser {
        username: "Li.Na".into(),
        display_name: "李娜".into(),
        password: PASSWORD.into(),
        role_id: fd.id,
    };
    let v = users::create(&t.db.conn, t0(), &admin, input.clone())
        .await
        .unwrap();
    assert_eq!(
        (v.username.as_str(), v.role_name.as_str()),
        ("li.na", "Front desk")
    );
    let dup = users::create(
        &t.db.conn,
        t0(),
        &admin,
        NewUser {
            username: "LI.NA".into(),
            ..input
        },
    )
    .await
    .unwrap_err();
    assert_eq!(dup.to_api().key, "errors.validation.duplicate");
    auth::login(&t.db.conn, t0(), admin.property_id, "li.na", PASSWORD)
        .await
        .unwrap();
}

#[tokio::test]
async fn deactivated_users_cannot_log_in_and_the_last_admin_stays() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let li = staff(&t.db, &admin, "li", "front_desk").await;
    let fd = roles::by_code(&t.db.conn, admin.property_id, "front_desk")
        .await
        .unwrap()
        .unwrap();
    users::update(
        &t.db.conn,
        t0(),
        &admin,
        UserUpdate {
            id: li.user_id.unwrap(),
            display_name: "Li".into(),
            role_id: fd.id,
            active: false,
        },
    )
    .await
    .unwrap();
    let e = auth::login(&t.db.conn, t0(), admin.property_id, "li", PASSWORD)
        .await
        .unwrap_err();
    assert_eq!(e.to_api().key, "errors.auth.account_inactive");
    let demote = UserUpdate {
        id: admin.user_id.unwrap(),
        display_name: "Admin".into(),
        role_id: fd.id,
        active: true,
    };
    assert!(matches!(
        users::update(&t.db.conn, t0(), &admin, demote)
            .await
            .unwrap_err(),
        Error::LastAdmin
    ));
}

#[tokio::test]
async fn custom_roles_are_created_edited_and_deleted_builtins_are_kept() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let night = RoleInput {
        id: None,
        name: "Night auditor".into(),
        permissions: vec![Permission::NightAuditRun, Permission::DashboardView],
    };
    let r = roles::save(&t.db.conn, t0(), &admin, night).await.unwrap();
    assert_eq!(
        r.permissions,
        [Permission::DashboardView, Permission::NightAuditRun]
    );
    let edited = roles::save(
        &t.db.conn,
        t0(),
        &admin,
        RoleInput {
            id: Some(r.id),
            name: "Night audit".into(),
            permissions: vec![Permission::NightAuditRun],
        },
    )
    .await
    .unwrap();
    assert_eq!(edited.permissions, [Permission::NightAuditRun]);
    let admin_role = roles::by_code(&t.db.conn, admin.property_id, "administrator")
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(
        roles::delete(&t.db.conn, t0(), &admin, admin_role.id)
            .await
            .unwrap_err(),
        Error::RoleBuiltin
    ));
    let strip = RoleInput {
        id: Some(admin_role.id),
        name: "Administrator".into(),
        permissions: vec![Permission::DashboardView],
    };
    assert!(matches!(
        roles::save(&t.db.conn, t0(), &admin, strip)
            .await
            .unwrap_err(),
        Error::LastAdmin
    ));
    roles::delete(&t.db.conn, t0(), &admin, r.id).await.unwrap();
    let page = audit::list(
        &t.db.conn,
        &admin,
        &audit::AuditFilter {
            limit: 50,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    for action in ["role.created", "role.updated", "role.deleted"] {
        assert!(page.entries.iter().any(|e| e.action == action), "{action}");
    }
}

#[tokio::test]
async fn a_role_in_use_cannot_be_deleted() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let r = roles::save(
        &t.db.conn,
        t0(),
        &admin,
        RoleInput {
            id: None,
            name: "Trainee".into(),
            permissions: vec![],
        },
    )
    .await
    .unwrap();
    let input = NewUser {
        username: "trainee".into(),
        display_name: "T".into(),
        password: PASSWORD.into(),
        role_id: r.id,
    };
    users::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap();
    let e = roles::delete(&t.db.conn, t0(), &admin, r.id)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::RoleInUse { count: 1 }));
    assert_eq!(e.to_api().params["count"], "1");
}
