//! Every core operation checks its permission itself: a user calling it directly without the
//! permission is refused with a clear error, whatever the UI shows.

use innkeep_core::audit::{self, AuditFilter};
use innkeep_core::auth::AuthError;
use innkeep_core::backup::{self, BackupKind};
use innkeep_core::permission::Permission;
use innkeep_core::property::{self, PropertyInput};
use innkeep_core::roles::{self, RoleInput};
use innkeep_core::users::{self, NewUser};
use innkeep_core::{Error, dashboard, settings};
use innkeep_tests::{PASSWORD, fresh_db, hotel, staff, t0};

fn forbidden(e: Error, permission: Permission) {
    match e {
        Error::Auth(AuthError::Forbidden { permission: p }) => assert_eq!(p, permission),
        other => panic!("expected forbidden {}, got {other}", permission.as_str()),
    }
    let api = Error::Auth(AuthError::Forbidden { permission }).to_api();
    assert_eq!(api.code, "forbidden");
    assert_eq!(api.key, "errors.auth.forbidden");
    assert_eq!(
        api.params.get("permission").map(String::as_str),
        Some(permission.as_str())
    );
}

#[tokio::test]
async fn front_desk_cannot_manage_users_roles_settings_or_audit() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let role_id = admin.permissions.len() as i32; // any id: the check comes first
    let input = NewUser {
        username: "x1".into(),
        display_name: "X".into(),
        password: PASSWORD.into(),
        role_id,
    };
    forbidden(
        users::create(&t.db.conn, t0(), &desk, input)
            .await
            .unwrap_err(),
        Permission::UsersManage,
    );
    forbidden(
        users::list(&t.db.conn, &desk).await.unwrap_err(),
        Permission::UsersView,
    );
    forbidden(
        users::reset_password(&t.db.conn, t0(), &desk, 1, "whatever-long-1")
            .await
            .unwrap_err(),
        Permission::UsersManage,
    );
    let role = RoleInput {
        id: None,
        name: "Sneaky".into(),
        permissions: vec![Permission::UsersManage],
    };
    forbidden(
        roles::save(&t.db.conn, t0(), &desk, role)
            .await
            .unwrap_err(),
        Permission::RolesManage,
    );
    forbidden(
        audit::list(
            &t.db.conn,
            &desk,
            &AuditFilter {
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap_err(),
        Permission::AuditView,
    );
    let s = settings::SettingsView {
        idle_lock_minutes: 240,
    };
    forbidden(
        settings::update(&t.db.conn, t0(), &desk, s)
            .await
            .unwrap_err(),
        Permission::SettingsManage,
    );
    let p: PropertyInput = PropertyInput {
        name: "Mine now".into(),
        address: String::new(),
        phone: String::new(),
        email: String::new(),
        taxpayer_id: String::new(),
        currency: "CNY".into(),
        currency_digits: 2,
        time_zone: "Asia/Shanghai".into(),
        check_in_time: "14:00".into(),
        check_out_time: "12:00".into(),
        folio_credit_limit: "0".into(),
    };
    forbidden(
        property::update(&t.db.conn, t0(), &desk, p)
            .await
            .unwrap_err(),
        Permission::SettingsManage,
    );
    forbidden(
        backup::create(
            &t.db,
            t0(),
            &desk,
            t.dir.path(),
            BackupKind::Manual,
            &|_| {},
        )
        .await
        .unwrap_err(),
        Permission::BackupsManage,
    );
    // What front desk may do, it can.
    dashboard::today(&t.db.conn, &desk).await.unwrap();
}

#[tokio::test]
async fn housekeeping_sees_only_its_board() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let hk = staff(&t.db, &admin, "zhao", "housekeeping").await;
    assert_eq!(
        hk.permissions.iter().copied().collect::<Vec<_>>(),
        vec![Permission::HousekeepingUpdate]
    );
    forbidden(
        dashboard::today(&t.db.conn, &hk).await.unwrap_err(),
        Permission::DashboardView,
    );
}

#[tokio::test]
async fn a_refusal_changes_nothing() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let desk = staff(&t.db, &admin, "li", "front_desk").await;
    let before = users::list(&t.db.conn, &admin).await.unwrap();
    let input = NewUser {
        username: "ghost".into(),
        display_name: "G".into(),
        password: PASSWORD.into(),
        role_id: 1,
    };
    assert!(users::create(&t.db.conn, t0(), &desk, input).await.is_err());
    assert_eq!(users::list(&t.db.conn, &admin).await.unwrap(), before);
}
