//! The audit trail records who did what, is append-only in the database, and filters.

use chrono::{Duration, NaiveDate};
use innkeep_core::audit::{self, AuditFilter};
use innkeep_core::auth;
use innkeep_tests::{fresh_db, hotel, staff, t0};
use sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn logins_failures_and_lockouts_are_recorded() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    auth::login(
        &t.db.conn,
        t0(),
        admin.property_id,
        "admin",
        innkeep_tests::PASSWORD,
    )
    .await
    .unwrap();
    let _ = auth::login(&t.db.conn, t0(), admin.property_id, "admin", "guess").await;
    let _ = auth::login(&t.db.conn, t0(), admin.property_id, "nobody", "guess").await;
    for _ in 0..10 {
        let _ = auth::login(&t.db.conn, t0(), admin.property_id, "admin", "guess").await;
    }
    let page = audit::list(
        &t.db.conn,
        &admin,
        &AuditFilter {
            limit: 100,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let actions: Vec<&str> = page.entries.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"setup.completed"));
    assert!(actions.contains(&"auth.login"));
    assert!(actions.contains(&"auth.lockout"));
    let failed = page
        .entries
        .iter()
        .filter(|e| e.action == "auth.login_failed")
        .count();
    assert_eq!(failed, 12);
    assert!(
        page.entries
            .iter()
            .any(|e| e.action == "auth.login_failed" && e.username == "nobody")
    );
    assert!(page.actions.contains(&"auth.lockout".to_string()));
    // Newest first.
    assert!(page.entries.windows(2).all(|w| w[0].at >= w[1].at));
}

#[tokio::test]
async fn the_database_refuses_to_edit_or_delete_the_trail() {
    let t = fresh_db().await;
    hotel(&t.db).await;
    let b = t.db.conn.get_database_backend();
    let update =
        t.db.conn
            .execute_raw(Statement::from_string(
                b,
                "UPDATE audit_entry SET summary = 'nothing happened'",
            ))
            .await;
    assert!(update.is_err(), "update must be refused");
    let delete =
        t.db.conn
            .execute_raw(Statement::from_string(b, "DELETE FROM audit_entry"))
            .await;
    assert!(delete.is_err(), "delete must be refused");
}

#[tokio::test]
async fn filters_by_user_action_and_date() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let li = staff(&t.db, &admin, "li", "front_desk").await;
    audit::record(
        &t.db.conn,
        t0() + Duration::days(1),
        &li,
        "test.one",
        "x",
        1,
        "day two",
    )
    .await
    .unwrap();
    audit::record(
        &t.db.conn,
        t0() + Duration::days(3),
        &li,
        "test.two",
        "x",
        2,
        "day four",
    )
    .await
    .unwrap();
    let by_user = AuditFilter {
        user_id: li.user_id,
        limit: 50,
        ..Default::default()
    };
    assert_eq!(
        audit::list(&t.db.conn, &admin, &by_user)
            .await
            .unwrap()
            .total,
        2
    );
    let by_action = AuditFilter {
        action: Some("test.two".into()),
        limit: 50,
        ..Default::default()
    };
    assert_eq!(
        audit::list(&t.db.conn, &admin, &by_action)
            .await
            .unwrap()
            .entries[0]
            .summary,
        "day four"
    );
    let day = NaiveDate::from_ymd_opt(2026, 11, 24);
    let by_date = AuditFilter {
        user_id: li.user_id,
        from: day,
        to: day,
        limit: 50,
        ..Default::default()
    };
    let page = audit::list(&t.db.conn, &admin, &by_date).await.unwrap();
    assert_eq!(
        page.entries
            .iter()
            .map(|e| e.summary.as_str())
            .collect::<Vec<_>>(),
        ["day two"]
    );
    let paged = AuditFilter {
        limit: 1,
        offset: 1,
        ..Default::default()
    };
    let p = audit::list(&t.db.conn, &admin, &paged).await.unwrap();
    assert_eq!(p.entries.len(), 1);
    assert!(p.total >= 3);
}
