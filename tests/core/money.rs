//! Money is stored exactly on both backends: integer minor units, never REAL.

use innkeep_core::entity::property;
use innkeep_core::money;
use innkeep_core::property::{self as hotel, PropertyInput};
use innkeep_tests::{fresh_db, hotel, t0};
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, Statement};
use std::str::FromStr;

fn input(limit: &str, digits: u8) -> PropertyInput {
    PropertyInput {
        name: "Test Inn".into(),
        address: "1 Harbour Rd".into(),
        phone: "+86 20 1234 5678".into(),
        email: "desk@testinn.example".into(),
        taxpayer_id: "91440101MA5XXXXX1X".into(),
        currency: "cny".into(),
        currency_digits: digits,
        time_zone: "Asia/Shanghai".into(),
        check_in_time: "14:00".into(),
        check_out_time: "12:00".into(),
        folio_credit_limit: limit.into(),
    }
}

#[tokio::test]
async fn amounts_keep_their_scale_through_the_database() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let v = hotel::update(&t.db.conn, t0(), &admin, input("249", 2))
        .await
        .unwrap();
    assert_eq!(v.folio_credit_limit.to_string(), "249.00");
    assert_eq!(v.currency, "CNY");
    let again: hotel::PropertyView = hotel::get(&t.db.conn, admin.property_id)
        .await
        .unwrap()
        .into();
    assert_eq!(
        serde_json::to_value(&again).unwrap()["folioCreditLimit"],
        "249.00"
    );
}

#[tokio::test]
async fn sums_in_sql_are_exact() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let base = hotel::get(&t.db.conn, admin.property_id).await.unwrap();
    for amount in ["0.10", "0.20"] {
        property::ActiveModel {
            name: Set(format!("Annex {amount}")),
            folio_credit_limit_minor: Set(money::to_minor(
                "amount",
                Decimal::from_str(amount).unwrap(),
                2,
            )
            .unwrap()),
            created_at: Set(t0()),
            id: sea_orm::NotSet,
            ..property::ActiveModel::from(base.clone())
        }
        .insert(&t.db.conn)
        .await
        .unwrap();
    }
    let backend = t.db.conn.get_database_backend();
    let row = t
        .db
        .conn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT CAST(SUM(folio_credit_limit_minor) AS BIGINT) AS total FROM property WHERE name LIKE 'Annex%'",
        ))
        .await
        .unwrap()
        .unwrap();
    let total: i64 = row.try_get("", "total").unwrap();
    assert_eq!(total, 30);
    assert_eq!(money::from_minor(total, 2).to_string(), "0.30");
    assert_eq!(
        property::Entity::find()
            .all(&t.db.conn)
            .await
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn bad_amounts_are_refused_and_nothing_is_written() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    for (limit, key) in [
        ("abc", "errors.validation.invalid"),
        ("-5", "errors.validation.invalid"),
        ("1.005", "errors.validation.invalid"),
        ("", "errors.validation.required"),
    ] {
        let e = hotel::update(&t.db.conn, t0(), &admin, input(limit, 2))
            .await
            .unwrap_err();
        assert_eq!(e.to_api().key, key, "limit {limit:?}");
        assert_eq!(e.to_api().params["field"], "folioCreditLimit");
    }
    let p = hotel::get(&t.db.conn, admin.property_id).await.unwrap();
    assert_eq!(p.name, "Test Inn 测试酒店");
}
