//! Writes the demo hotel's sample documents into a folder: `cargo xtask demo-documents DIR`.
//!
//! The demo hotel is installed into a throwaway SQLite database at a fixed moment (so the
//! files come out the same every time), a two-room weekend booking with special requests is
//! added to it, and every document is rendered from the database as the app renders it:
//! confirmation.pdf, and of the demo's checked-out stay folio.pdf, invoice.pdf, credit-note.pdf
//! and registration-card.pdf, and audit-report.pdf of the day the demo's night audit closed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc, Weekday};
use innkeep_core::auth::{self, Actor};
use innkeep_core::entity::{folio, night_audit, rate_plan, room_type};
use innkeep_core::guests::NewGuest;
use innkeep_core::invoices::{self, InvoiceFilter};
use innkeep_core::reservations::{self, BookingInput, RoomRequest};
use innkeep_core::{db, demo, documents, property};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// The moment the demo hotel is installed: its business date is 2026-11-23.
fn installed_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .unwrap_or_default()
}

/// Room type and rate plan ids of a demo room type code.
async fn plan_of(conn: &DatabaseConnection, code: &str) -> Result<(i32, i32), String> {
    let t = room_type::Entity::find()
        .filter(room_type::Column::Code.eq(code))
        .one(conn)
        .await
        .map_err(|e| e.to_string())?
        .ok_or(format!("no demo room type {code}"))?;
    let plan = rate_plan::Entity::find()
        .filter(rate_plan::Column::RoomTypeId.eq(t.id))
        .one(conn)
        .await
        .map_err(|e| e.to_string())?
        .ok_or(format!("no rate plan for {code}"))?;
    Ok((t.id, plan.id))
}

/// A booking that shows what a confirmation can hold: two rooms over a weekend.
async fn sample_booking(conn: &DatabaseConnection, actor: &Actor) -> Result<String, String> {
    let today = property::get(conn, actor.property_id)
        .await
        .map_err(|e| e.to_string())?
        .business_date;
    let mut arrival = today + Duration::days(7);
    while arrival.weekday() != Weekday::Thu {
        arrival += Duration::days(1);
    }
    let (dlx, dlx_plan) = plan_of(conn, "DLX").await?;
    let (ste, ste_plan) = plan_of(conn, "STE").await?;
    let room = |room_type_id, rate_plan_id, adults, children| RoomRequest {
        room_type_id,
        rate_plan_id,
        adults,
        children,
        room_id: None,
    };
    let input = BookingInput {
        guest_id: None,
        new_guest: Some(NewGuest {
            name: "李华 Li Hua".into(),
            phone: "13912345678".into(),
            email: "lihua@example.com".into(),
            ..Default::default()
        }),
        arrival,
        departure: arrival + Duration::days(3),
        rooms: vec![room(dlx, dlx_plan, 2, 0), room(ste, ste_plan, 2, 1)],
        source: "website".into(),
        source_detail: String::new(),
        special_requests: "两间房请安排在同一楼层；套房需要一张婴儿床。预计晚上 21:00 左右抵达。 \
             Both rooms on the same floor, please; a baby cot in the suite. Arriving around 9 pm."
            .into(),
        notes: String::new(),
        promotion_code: None,
        tentative: false,
        confirm_overbooking: false,
        guarantee: "deposit".into(),
        deposit_due: "500".into(),
    };
    let made = reservations::create(conn, installed_at(), actor, input)
        .await
        .map_err(|e| e.to_string())?;
    made.first()
        .map(|r| r.booking_no.clone())
        .ok_or_else(|| "the sample booking made no reservation".into())
}

/// The demo hotel's checked-out stay: its folio, its invoice, a credit note cancelling that
/// invoice (the corrected invoice follows it) and its registration card.
async fn stay_documents(
    conn: &DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<(&'static str, Vec<u8>, std::time::Duration)>, String> {
    let err = |e: innkeep_core::Error| e.to_string();
    let first = invoices::list_invoices(conn, actor, &InvoiceFilter::default())
        .await
        .map_err(err)?
        .into_iter()
        .find(|i| i.kind == invoices::kind::INVOICE)
        .ok_or("the demo hotel has no invoice")?;
    let folio_id = first.folio_id;
    let reservation_id = folio::Entity::find_by_id(folio_id)
        .one(conn)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no demo folio")?
        .reservation_id;
    let mut out = Vec::new();
    let started = Instant::now();
    let bytes = documents::folio_pdf(conn, actor, folio_id)
        .await
        .map_err(err)?;
    out.push(("folio.pdf", bytes, started.elapsed()));
    let started = Instant::now();
    let bytes = documents::invoice_pdf(conn, actor, first.id)
        .await
        .map_err(err)?;
    out.push(("invoice.pdf", bytes, started.elapsed()));
    let credit = invoices::credit_note(
        conn,
        installed_at(),
        actor,
        first.id,
        "购买方名称有误 Wrong buyer name",
    )
    .await
    .map_err(err)?;
    let started = Instant::now();
    let bytes = documents::invoice_pdf(conn, actor, credit.id)
        .await
        .map_err(err)?;
    out.push(("credit-note.pdf", bytes, started.elapsed()));
    let started = Instant::now();
    let bytes = documents::registration_card_pdf(conn, actor, reservation_id)
        .await
        .map_err(err)?;
    out.push(("registration-card.pdf", bytes, started.elapsed()));
    Ok(out)
}

async fn write_all(dir: &Path, work: &Path) -> Result<(), String> {
    let db = db::open_embedded(&work.join("demo.sqlite3"))
        .await
        .map_err(|e| e.to_string())?;
    let conn = &db.conn;
    demo::seed_if_empty(conn, installed_at())
        .await
        .map_err(|e| e.to_string())?;
    let hotel = property::current(conn)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo hotel was not installed")?;
    let admin = auth::find_user(conn, hotel.id, "admin")
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo has no administrator")?;
    let actor = auth::actor_for(conn, &admin)
        .await
        .map_err(|e| e.to_string())?;
    let booking = sample_booking(conn, &actor).await?;
    let mut samples = Vec::new();
    let started = Instant::now();
    let confirmation = documents::confirmation_pdf(conn, &actor, &booking)
        .await
        .map_err(|e| e.to_string())?;
    samples.push(("confirmation.pdf", confirmation, started.elapsed()));
    let stay = stay_documents(conn, &actor).await?;
    samples.extend(stay);
    let closed = night_audit::Entity::find()
        .one(conn)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo hotel has no closed day")?;
    let started = Instant::now();
    let report = documents::audit_report_pdf(conn, &actor, closed.business_date)
        .await
        .map_err(|e| e.to_string())?;
    samples.push(("audit-report.pdf", report, started.elapsed()));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, bytes, took) in samples {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        println!(
            "{} — {:.1} KB, rendered in {} ms",
            path.display(),
            bytes.len() as f64 / 1024.0,
            took.as_millis()
        );
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: demo_documents DIR");
        return ExitCode::FAILURE;
    };
    let work = std::env::temp_dir().join(format!("innkeep-demo-documents-{}", std::process::id()));
    let outcome = match std::fs::create_dir_all(&work) {
        Ok(()) => write_all(&dir, &work).await,
        Err(e) => Err(format!("{}: {e}", work.display())),
    };
    let _ = std::fs::remove_dir_all(&work);
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demo documents: {e}");
            ExitCode::FAILURE
        }
    }
}
