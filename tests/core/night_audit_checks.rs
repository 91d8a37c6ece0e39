//! The night audit's pre-checks name every kind of finding, and the audit report of the closed
//! date is a PDF with its figures.

use innkeep_core::clock::ManualClock;
use innkeep_core::db::Db;
use innkeep_core::documents::{self, Document};
use innkeep_core::entity::{folio, rate_plan, reservation, reservation_night, room_type};
use innkeep_core::folios;
use innkeep_core::night_audit;
use innkeep_core::reservations;
use innkeep_tests::{booking, fresh_db, t0};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::folios::charge;
use crate::night_audit::{check_in_fixture, day, input, scene};

#[tokio::test]
async fn pre_checks_name_departures_zero_rates_and_folios_over_their_limit() {
    let t = fresh_db().await;
    let (admin, _) = scene(&t.db, 2).await;
    let in_house: Vec<i32> = reservation::Entity::find()
        .filter(reservation::Column::State.eq("checked_in"))
        .order_by_asc(reservation::Column::Id)
        .all(&t.db.conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(in_house.len(), 2);
    // A comp room: the first in-house guest's night has no rate.
    let night = reservation_night::Entity::find()
        .filter(reservation_night::Column::ReservationId.eq(in_house[0]))
        .filter(reservation_night::Column::Night.eq(day(23)))
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    let mut comp: reservation_night::ActiveModel = night.into();
    comp.amount_minor = Set(0);
    comp.tax_minor = Set(0);
    comp.update(&t.db.conn).await.unwrap();
    // The second spends beyond a credit limit of 100.00.
    let f = folios::ensure_folio(&t.db.conn, t0(), &admin, in_house[1])
        .await
        .unwrap();
    let mut limited: folio::ActiveModel = f.clone().into();
    limited.credit_limit_minor = Set(Some(10_000));
    limited.update(&t.db.conn).await.unwrap();
    folios::post_charge(&t.db.conn, t0(), &admin, f.id, charge("MISC", "150", 1))
        .await
        .unwrap();
    // A guest who should have left today.
    let (std, bar) = standard_plan(&t.db).await;
    let staying = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, day(22), 1))
        .await
        .unwrap();
    // Checked in yesterday: the business date was the 22nd then.
    set_business_date(&t.db, admin.property_id, day(22)).await;
    check_in_fixture(&t.db, &admin, staying[0].id, "105").await;
    set_business_date(&t.db, admin.property_id, day(23)).await;

    let checks = night_audit::pre_checks(&t.db.conn, &admin).await.unwrap();
    assert_eq!(checks.departures.len(), 1);
    assert_eq!(checks.departures[0].room, "105");
    assert_eq!(checks.departures[0].departure, day(23));
    assert_eq!(checks.zero_rates.len(), 1);
    assert_eq!(checks.zero_rates[0].reservation_id, in_house[0]);
    assert_eq!(checks.over_limit.len(), 1);
    let over = &checks.over_limit[0];
    assert_eq!(
        (over.balance.as_str(), over.limit.as_str()),
        ("150.00", "100.00")
    );
    assert_eq!(over.folio_number, f.number);
    assert_eq!(checks.count(), 4, "the no-show arrival too");

    let clock = ManualClock::new(t0());
    let e = night_audit::run(&t.db.conn, &clock, &admin, input(day(23), false), |_| {})
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(
        (e.key.as_str(), e.params["count"].as_str()),
        ("errors.night_audit.not_acknowledged", "4")
    );
    let done = night_audit::run(&t.db.conn, &clock, &admin, input(day(23), true), |_| {})
        .await
        .unwrap();
    assert_eq!(done.summary.room_charges, 1, "no charge for the comp room");
    assert_eq!(done.summary.rooms_occupied, 2);
    assert_eq!(done.summary.acknowledged, 4);

    let report = Document::AuditReport {
        business_date: day(23),
    };
    let pdf = documents::document_pdf(&t.db.conn, &admin, &report)
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(
        documents::document_file_name(&t.db.conn, &admin, &report)
            .await
            .unwrap(),
        "audit-report-2026-11-23.pdf"
    );
    let open = Document::AuditReport {
        business_date: day(24),
    };
    let e = documents::document_pdf(&t.db.conn, &admin, &open)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.night_audit.not_closed");
}

/// The STD room type and its rate plan of the scene's hotel.
async fn standard_plan(db: &Db) -> (i32, i32) {
    let std = room_type::Entity::find()
        .filter(room_type::Column::Code.eq("STD"))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let plan = rate_plan::Entity::find()
        .filter(rate_plan::Column::RoomTypeId.eq(std.id))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    (std.id, plan.id)
}

async fn set_business_date(db: &innkeep_core::db::Db, property_id: i32, date: chrono::NaiveDate) {
    use sea_orm::ActiveModelTrait;
    let p = innkeep_core::entity::property::Entity::find_by_id(property_id)
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let mut m: innkeep_core::entity::property::ActiveModel = p.into();
    m.business_date = Set(date);
    m.update(&db.conn).await.unwrap();
}
