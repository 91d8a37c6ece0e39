//! ID documents on guests: what each role sees of a stored number, what search finds, what is
//! stored from a resident ID, and that a bad number writes nothing.

use chrono::NaiveDate;
use innkeep_core::entity::guest;
use innkeep_core::guests::{self, NewGuest};
use innkeep_core::identity::{self, IdDocumentInput, IdDocumentKind};
use innkeep_core::reservations;
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, staff, t0};
use sea_orm::{EntityTrait, PaginatorTrait};

const ID: &str = "11010519491231002X";
const MASKED: &str = "110105********002X";

fn with_id(name: &str, kind: IdDocumentKind, number: &str) -> NewGuest {
    NewGuest {
        name: name.into(),
        phone: "13800138000".into(),
        email: String::new(),
        id_document: Some(IdDocumentInput {
            kind,
            number: number.into(),
        }),
        nationality: String::new(),
    }
}

#[tokio::test]
async fn a_resident_id_is_stored_whole_and_shown_by_role() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let desk = staff(&t.db, &admin, "desk", "front_desk").await;
    let manager = staff(&t.db, &admin, "boss", "manager").await;
    let input = with_id(
        "王芳",
        IdDocumentKind::ChinaResidentId,
        "110105 19491231 002x",
    );
    let g = guests::create(&t.db.conn, t0(), &desk, &input)
        .await
        .unwrap();

    let row = guest::Entity::find_by_id(g.id)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            row.id_type.as_str(),
            row.id_number.as_str(),
            row.id_region.as_str(),
            row.nationality.as_str()
        ),
        ("china_resident_id", ID, "110105", "CHN")
    );
    assert_eq!(row.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31));

    let seen = guests::get(&t.db.conn, &desk, g.id).await.unwrap();
    assert_eq!(
        seen.id_number, MASKED,
        "front desk lacks guests.view_documents"
    );
    assert_eq!(seen.birth_date, None);
    assert_eq!(seen.province.map(|p| p.name_zh), Some("北京市"));
    let seen = guests::get(&t.db.conn, &manager, g.id).await.unwrap();
    assert_eq!(seen.id_number, ID);
    assert_eq!(seen.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31));

    // The card in hand finds the guest for everyone; a prefix only for those who may see numbers.
    let found = guests::search(&t.db.conn, &desk, ID).await.unwrap();
    assert_eq!(
        found
            .iter()
            .map(|g| g.id_number.as_str())
            .collect::<Vec<_>>(),
        [MASKED]
    );
    assert!(
        guests::search(&t.db.conn, &desk, "11010519")
            .await
            .unwrap()
            .is_empty()
    );
    let found = guests::search(&t.db.conn, &manager, "11010519")
        .await
        .unwrap();
    assert_eq!(
        found
            .iter()
            .map(|g| g.id_number.as_str())
            .collect::<Vec<_>>(),
        [ID]
    );
    assert_eq!(identity::id_number_for(&desk, ID), MASKED);
    assert_eq!(identity::id_number_for(&admin, ID), ID);
}

#[tokio::test]
async fn a_bad_number_names_the_field_and_writes_nothing() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let mut input = booking(std, bar, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), 2);
    input.new_guest = Some(with_id(
        "王芳",
        IdDocumentKind::ChinaResidentId,
        "110105194912310021",
    ));
    let e = reservations::create(&t.db.conn, t0(), &admin, input)
        .await
        .unwrap_err()
        .to_api();
    assert_eq!(e.key, "errors.identity.resident_id_check_character");
    assert_eq!(e.params["field"], "idNumber");
    assert_eq!(guest::Entity::find().count(&t.db.conn).await.unwrap(), 0);

    // Born tomorrow at the hotel (2026-11-24 in Shanghai) is in the future.
    let tomorrow = format!(
        "11010520261124001{}",
        identity::check_character("11010520261124001").unwrap()
    );
    let e = guests::create(
        &t.db.conn,
        t0(),
        &admin,
        &with_id("李", IdDocumentKind::ChinaResidentId, &tomorrow),
    )
    .await
    .unwrap_err()
    .to_api();
    assert_eq!(e.key, "errors.identity.resident_id_birth_future");
}

#[tokio::test]
async fn editing_keeps_a_masked_number_and_checks_a_new_one() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let desk = staff(&t.db, &admin, "desk", "front_desk").await;
    let g = guests::create(
        &t.db.conn,
        t0(),
        &desk,
        &with_id("王芳", IdDocumentKind::ChinaResidentId, ID),
    )
    .await
    .unwrap();
    // The desk sees the masked number and sends it back unchanged with a new phone.
    let mut edit = with_id("王芳", IdDocumentKind::ChinaResidentId, MASKED);
    edit.phone = "13900000000".into();
    let v = guests::update(&t.db.conn, t0(), &desk, g.id, &edit)
        .await
        .unwrap();
    assert_eq!(
        (v.phone.as_str(), v.id_number.as_str()),
        ("13900000000", MASKED)
    );
    let row = guest::Entity::find_by_id(g.id)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.id_number, ID);

    // A passport replaces the resident ID: region and birth date go with it.
    let mut edit = with_id("王芳", IdDocumentKind::Passport, "E12345678");
    edit.nationality = "chn".into();
    guests::update(&t.db.conn, t0(), &admin, g.id, &edit)
        .await
        .unwrap();
    let row = guest::Entity::find_by_id(g.id)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            row.id_type.as_str(),
            row.id_number.as_str(),
            row.id_region.as_str(),
            row.nationality.as_str(),
            row.birth_date
        ),
        ("passport", "E12345678", "", "CHN", None)
    );

    // A wrong number changes nothing.
    let e = guests::update(
        &t.db.conn,
        t0(),
        &admin,
        g.id,
        &with_id("王", IdDocumentKind::HkMacauPermit, "X1"),
    )
    .await
    .unwrap_err()
    .to_api();
    assert_eq!(e.key, "errors.identity.number_format");
    let after = guest::Entity::find_by_id(g.id)
        .one(&t.db.conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (after.name.as_str(), after.id_number.as_str()),
        ("王芳", "E12345678")
    );
}

#[tokio::test]
async fn the_desk_may_check_documents_housekeeping_may_not() {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let desk = staff(&t.db, &admin, "desk", "front_desk").await;
    let maid = staff(&t.db, &admin, "maid", "housekeeping").await;
    let input = IdDocumentInput {
        kind: IdDocumentKind::ChinaResidentId,
        number: ID.into(),
    };
    let v = identity::check_document(&t.db.conn, t0(), &desk, &input)
        .await
        .unwrap();
    assert_eq!(v.province.map(|p| p.name_en), Some("Beijing"));
    let e = identity::check_document(&t.db.conn, t0(), &maid, &input)
        .await
        .unwrap_err();
    assert_eq!(e.to_api().code, "forbidden");
    let mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    assert_eq!(identity::read_mrz(&desk, mrz).unwrap().surname, "ERIKSSON");
    assert!(identity::read_mrz(&maid, mrz).is_err());
}
