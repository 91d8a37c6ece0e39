//! The year report and the daily roll-up under it: after real check-ins, postings and night
//! audits the roll-up holds what each audit's report shows, rebuilding it (as bulk loaders and
//! migration 000011 do) writes the same rows, the year adds the days up, and only those who may
//! see reports see it.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{Duration, NaiveDate};
use innkeep_core::auth::Actor;
use innkeep_core::clock::{Clock, ManualClock};
use innkeep_core::db::Db;
use innkeep_core::entity::{daily_code_figures, daily_figures};
use innkeep_core::folios::{self, PaymentInput};
use innkeep_core::night_audit::{self, AuditSummary};
use innkeep_core::reports::{self, rollup};
use innkeep_core::reservations;
use innkeep_migrations::{Migrator, MigratorTrait};
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::folios::charge;
use crate::night_audit::{check_in_fixture, day, input};

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Two guests in STD rooms 101 and 102 for the nights of 23 and 24 November, one arrival of
/// the 24th who never comes; breakfast, a typed room charge, a minibar charge voided, a payment
/// on the 23rd and food on the 24th; both dates closed by the night audit. Returns the
/// administrator and the two audits' summaries.
async fn two_closed_days(db: &Db) -> (Actor, Vec<AuditSummary>) {
    let admin = hotel(db).await;
    let (std, bar, _, _) = rooms_and_rates(db, &admin).await;
    let mut guests = Vec::new();
    for number in ["101", "102"] {
        let made = reservations::create(&db.conn, t0(), &admin, booking(std, bar, day(23), 2))
            .await
            .unwrap();
        check_in_fixture(db, &admin, made[0].id, number).await;
        guests.push(made[0].id);
    }
    reservations::create(&db.conn, t0(), &admin, booking(std, bar, day(24), 1))
        .await
        .unwrap();
    let first = folios::ensure_folio(&db.conn, t0(), &admin, guests[0])
        .await
        .unwrap();
    for (code, amount, quantity) in [("BREAKFAST", "58", 2), ("ROOM", "50", 1)] {
        folios::post_charge(
            &db.conn,
            t0(),
            &admin,
            first.id,
            charge(code, amount, quantity),
        )
        .await
        .unwrap();
    }
    let minibar = folios::post_charge(&db.conn, t0(), &admin, first.id, charge("MINIBAR", "20", 1))
        .await
        .unwrap();
    folios::void_posting(&db.conn, t0(), &admin, minibar.id, "not taken")
        .await
        .unwrap();
    let payment = PaymentInput {
        method: "wechat_pay".into(),
        amount: "100.00".into(),
        ..Default::default()
    };
    folios::post_payment(&db.conn, t0(), &admin, first.id, payment)
        .await
        .unwrap();
    let clock = ManualClock::new(t0());
    let mut summaries = Vec::new();
    let done = night_audit::run(&db.conn, &clock, &admin, input(day(23), true), |_| {})
        .await
        .unwrap();
    summaries.push(done.summary);
    clock.advance(Duration::days(1));
    let second = folios::ensure_folio(&db.conn, clock.now(), &admin, guests[1])
        .await
        .unwrap();
    folios::post_charge(
        &db.conn,
        clock.now(),
        &admin,
        second.id,
        charge("FB", "120", 1),
    )
    .await
    .unwrap();
    let done = night_audit::run(&db.conn, &clock, &admin, input(day(24), true), |_| {})
        .await
        .unwrap();
    summaries.push(done.summary);
    (admin, summaries)
}

async fn rollup_rows(db: &Db) -> (Vec<daily_figures::Model>, Vec<daily_code_figures::Model>) {
    let days = daily_figures::Entity::find()
        .order_by_asc(daily_figures::Column::BusinessDate)
        .all(&db.conn)
        .await
        .unwrap();
    let codes = daily_code_figures::Entity::find()
        .order_by_asc(daily_code_figures::Column::BusinessDate)
        .order_by_asc(daily_code_figures::Column::ChargeCodeId)
        .all(&db.conn)
        .await
        .unwrap();
    (days, codes)
}

async fn clear_rollup(db: &Db) {
    daily_code_figures::Entity::delete_many()
        .exec(&db.conn)
        .await
        .unwrap();
    daily_figures::Entity::delete_many()
        .exec(&db.conn)
        .await
        .unwrap();
}

fn minor(amount: &str) -> i64 {
    (dec(amount) * Decimal::ONE_HUNDRED).try_into().unwrap()
}

#[tokio::test]
async fn each_closed_day_rolls_up_what_its_audit_report_shows() {
    let t = fresh_db().await;
    let (admin, summaries) = two_closed_days(&t.db).await;
    let (days, codes) = rollup_rows(&t.db).await;
    assert_eq!(days.len(), 2, "one row per closed date");
    for (row, s) in days.iter().zip(&summaries) {
        assert_eq!(row.business_date, s.business_date);
        assert_eq!(
            (row.rooms_available, row.rooms_occupied),
            (
                i32::try_from(s.rooms_available).unwrap(),
                i32::try_from(s.rooms_occupied).unwrap()
            )
        );
        assert_eq!(row.room_revenue_minor, minor(&s.room_revenue));
        assert_eq!(row.revenue_minor, minor(&s.revenue_total));
        assert_eq!(row.payments_minor, minor(&s.payments_total));
        let tax: i64 = s.revenue.iter().map(|c| minor(&c.tax)).sum();
        assert_eq!(row.tax_minor, tax);
        let day_codes: Vec<_> = codes
            .iter()
            .filter(|c| c.business_date == s.business_date)
            .collect();
        assert_eq!(day_codes.len(), s.revenue.len(), "{}", s.business_date);
        for c in &s.revenue {
            let code_id = folios::list_charge_codes(&t.db.conn, &admin, true)
                .await
                .unwrap()
                .into_iter()
                .find(|k| k.code == c.code)
                .unwrap()
                .id;
            let r = day_codes
                .iter()
                .find(|r| r.charge_code_id == code_id)
                .unwrap();
            assert_eq!(
                (r.amount_minor, r.tax_minor),
                (minor(&c.amount), minor(&c.tax))
            );
        }
    }
    // The figures the manager read on the audit report of the 23rd.
    let first = &summaries[0];
    assert_eq!((first.rooms_occupied, first.rooms_available), (2, 7));
    assert_eq!(
        (first.room_revenue.as_str(), first.revenue_total.as_str()),
        ("598.00", "764.00")
    );
}

#[tokio::test]
async fn the_year_adds_up_the_closed_days() {
    let t = fresh_db().await;
    let (admin, summaries) = two_closed_days(&t.db).await;
    let report = reports::year(&t.db.conn, &admin, 2026).await.unwrap();
    assert_eq!(report.year, 2026);
    assert_eq!(report.currency, "CNY");
    assert_eq!(report.closed_through, Some(day(24)));
    assert_eq!(report.months.len(), 1);
    assert_eq!(report.months[0].month, 11);
    assert_eq!(
        report.months[0].figures, report.total,
        "one month: its total"
    );
    let y = &report.total;
    assert_eq!(y.days, 2);
    let sum =
        |f: fn(&AuditSummary) -> &str| -> Decimal { summaries.iter().map(|s| dec(f(s))).sum() };
    assert_eq!(
        y.rooms_available,
        summaries.iter().map(|s| s.rooms_available).sum::<u32>()
    );
    assert_eq!(
        y.rooms_sold,
        summaries.iter().map(|s| s.rooms_occupied).sum::<u32>()
    );
    assert_eq!(dec(&y.room_revenue), sum(|s| &s.room_revenue));
    assert_eq!(dec(&y.total_revenue), sum(|s| &s.revenue_total));
    // What the manager reads: 4 of 14 room nights sold at 299.
    assert_eq!((y.rooms_sold, y.rooms_available), (4, 14));
    assert_eq!(y.occupancy, "28.6");
    assert_eq!(
        (y.room_revenue.as_str(), y.adr.as_str(), y.revpar.as_str()),
        ("1196.00", "299.00", "85.43")
    );
    assert_eq!(
        (y.other_revenue.as_str(), y.total_revenue.as_str()),
        ("286.00", "1482.00")
    );
    let mut by_code: BTreeMap<String, Decimal> = BTreeMap::new();
    for s in &summaries {
        for c in &s.revenue {
            *by_code.entry(c.code.clone()).or_default() += dec(&c.amount);
        }
    }
    let shown: BTreeMap<String, Decimal> = y
        .revenue
        .iter()
        .map(|c| (c.code.clone(), dec(&c.amount)))
        .collect();
    assert_eq!(shown, by_code);
    let minibar = y.revenue.iter().find(|c| c.code == "MINIBAR").unwrap();
    assert_eq!(
        (minibar.amount.as_str(), minibar.name_zh.as_str()),
        ("0.00", "迷你吧"),
        "a voided charge nets to nothing"
    );
    assert_eq!(
        y.revenue.iter().find(|c| c.code == "ROOM").unwrap().amount,
        "1246.00",
        "the typed room charge is revenue of the code, not of a night"
    );
}

#[tokio::test]
async fn rebuild_writes_the_rows_the_audit_wrote() {
    let t = fresh_db().await;
    let (admin, _) = two_closed_days(&t.db).await;
    let written = rollup_rows(&t.db).await;
    let report = reports::year(&t.db.conn, &admin, 2026).await.unwrap();
    clear_rollup(&t.db).await;
    assert!(
        reports::year(&t.db.conn, &admin, 2026)
            .await
            .unwrap()
            .months
            .is_empty()
    );
    let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let n = rollup::rebuild(&t.db.conn, admin.property_id, from, to)
        .await
        .unwrap();
    assert_eq!(n, 2, "the two closed dates; the open 25th is left out");
    assert_eq!(rollup_rows(&t.db).await, written);
    assert_eq!(
        reports::year(&t.db.conn, &admin, 2026).await.unwrap(),
        report
    );
    // Rebuilding one day replaces only that day.
    let n = rollup::rebuild(&t.db.conn, admin.property_id, day(24), day(24))
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(rollup_rows(&t.db).await, written);
}

#[tokio::test]
async fn the_migration_backfills_days_closed_before_it() {
    let t = fresh_db().await;
    let (_, _) = two_closed_days(&t.db).await;
    let written = rollup_rows(&t.db).await;
    for sql in [
        "DROP TABLE daily_code_figures",
        "DROP TABLE daily_figures",
        "DELETE FROM seaql_migrations WHERE version = 'm20261124_000011_daily_rollup'",
    ] {
        t.db.conn.execute_unprepared(sql).await.unwrap();
    }
    Migrator::up(&t.db.conn, None).await.unwrap();
    assert_eq!(rollup_rows(&t.db).await, written);
}

#[tokio::test]
async fn a_year_without_closed_days_is_empty_and_housekeeping_may_not_see_it() {
    let t = fresh_db().await;
    let (admin, _) = two_closed_days(&t.db).await;
    let empty = reports::year(&t.db.conn, &admin, 2025).await.unwrap();
    assert_eq!(empty.closed_through, None);
    assert!(empty.months.is_empty());
    assert_eq!(empty.total.days, 0);
    assert_eq!(
        (
            empty.total.occupancy.as_str(),
            empty.total.adr.as_str(),
            empty.total.total_revenue.as_str()
        ),
        ("0.0", "0.00", "0.00")
    );
    assert!(empty.total.revenue.is_empty());

    let maid = staff(&t.db, &admin, "maid", "housekeeping").await;
    let e = reports::year(&t.db.conn, &maid, 2026)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["permission"].as_str()),
        ("errors.auth.forbidden", "reports.view")
    );
    let finance = staff(&t.db, &admin, "cashier", "finance").await;
    let seen = reports::year(&t.db.conn, &finance, 2026).await.unwrap();
    assert_eq!(seen.total.days, 2);
    let e = reports::year(&t.db.conn, &admin, 99_999)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["field"].as_str()),
        ("errors.validation.range", "year")
    );
}
