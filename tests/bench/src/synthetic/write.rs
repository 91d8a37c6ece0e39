//! Writing a planned history in bulk with the rows the core itself would have written: guests,
//! bookings with their nights, stays, folios, the nightly room charges and the payments dated
//! the business date they happened on (the database only takes postings on the open date, so
//! the date is moved day by day, as night audits would), invoices numbered without gaps, one
//! audit row per closed date, and the number series left where the core continues.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use innkeep_core::auth::Actor;
use innkeep_core::db::Backend;
use innkeep_core::entity::{
    folio, guest, invoice, night_audit, number_series, posting, property, reservation,
    reservation_night, stay, stay_guest,
};
use innkeep_core::error::Result;
use innkeep_core::{folios, invoices, series};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    TransactionTrait,
};

use super::history::{Fate, METHODS, Stay};
use super::hotel::Room;
use super::people::Person;

const CHUNK: usize = 400;
const SOURCES: [&str; 5] = ["phone", "ota", "website", "walk_in", "company"];

/// 14:00 in Shanghai (06:00 UTC) on `day`.
fn at(day: NaiveDate, hour_utc: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(hour_utc, 0, 0).unwrap_or_default())
}

async fn insert<E, A>(conn: &impl ConnectionTrait, rows: Vec<A>) -> Result<()>
where
    E: EntityTrait,
    A: sea_orm::ActiveModelTrait<Entity = E> + Send,
{
    // Chunks taken from an iterator: splitting the vector would copy the rest every time.
    let mut rows = rows.into_iter();
    loop {
        let chunk: Vec<A> = rows.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            return Ok(());
        }
        E::insert_many(chunk).exec_without_returning(conn).await?;
    }
}

/// What was written, for the summary line.
#[derive(Debug, Default)]
pub struct Written {
    pub guests: usize,
    pub reservations: usize,
    pub nights: usize,
    pub postings: usize,
    pub invoices: usize,
}

/// Writes the guests and the planned stays; `progress` is told how many steps are done.
#[allow(clippy::too_many_arguments)]
pub async fn write(
    db: &DatabaseConnection,
    backend: Backend,
    actor: &Actor,
    rooms: &[Room],
    stays: &[Stay],
    people: &mut dyn FnMut(u64) -> Person,
    extra_guests: usize,
    start: NaiveDate,
    today: NaiveDate,
    progress: &dyn Fn(u64),
) -> Result<Written> {
    let pid = actor.property_id;
    let mut w = Written::default();
    let txn = db.begin().await?;
    if backend == Backend::Embedded {
        // Years of history go into indexes keyed by names, phones and dates in random order: with
        // SQLite's default 2 MB page cache every insert would spill pages to the WAL and read them
        // back. A 1 GB cache for this one connection keeps the whole index working set in memory.
        // Each multi-row INSERT also keeps a statement journal; in memory, not in a temp file.
        txn.execute_unprepared("PRAGMA cache_size = -1048576")
            .await?;
        txn.execute_unprepared("PRAGMA temp_store = MEMORY").await?;
    }
    let room_code = folios::code::ROOM;
    let room_code_id = innkeep_core::entity::charge_code::Entity::find()
        .filter(innkeep_core::entity::charge_code::Column::PropertyId.eq(pid))
        .filter(innkeep_core::entity::charge_code::Column::Code.eq(room_code))
        .one(&txn)
        .await?
        .map(|c| c.id);

    // Guests: one per booking, then those without one.
    let mut names = Vec::with_capacity(stays.len());
    let total_guests = stays.len() + extra_guests;
    let mut batch = Vec::with_capacity(CHUNK);
    for k in 0..total_guests {
        let p = people(k as u64);
        if k < stays.len() {
            names.push(p.name.clone());
        }
        batch.push(guest::ActiveModel {
            id: Set(i32::try_from(k + 1).unwrap_or(i32::MAX)),
            property_id: Set(pid),
            name: Set(p.name),
            name_pinyin: Set(p.name_pinyin),
            pinyin_initials: Set(p.pinyin_initials),
            phone: Set(p.phone),
            email: Set(String::new()),
            id_type: Set(p.id_type.into()),
            id_number: Set(p.id_number),
            nationality: Set(p.nationality.into()),
            id_region: Set(p.id_region),
            birth_date: Set(p.birth_date),
            preferences: Set("{}".into()),
            created_at: Set(at(start, 6)),
        });
        if batch.len() == CHUNK {
            insert(&txn, std::mem::take(&mut batch)).await?;
            progress(CHUNK as u64);
        }
    }
    insert(&txn, batch).await?;
    w.guests = total_guests;

    // Bookings, their nights, stays and folios.
    let mut reservations = Vec::new();
    let mut nights = Vec::new();
    let mut stay_rows = Vec::new();
    let mut stay_guests = Vec::new();
    let mut folio_rows = Vec::new();
    let mut folio_of = vec![0i32; stays.len()];
    let (mut night_id, mut folio_no) = (0i64, 0i64);
    for (i, s) in stays.iter().enumerate() {
        let id = i32::try_from(i + 1).unwrap_or(i32::MAX);
        let room = rooms[s.room];
        let booked = at(s.arrival - Days::new(u64::from(s.lead_days)), 2);
        reservations.push(reservation::ActiveModel {
            id: Set(id),
            property_id: Set(pid),
            booking_no: Set(series::format(
                series::BOOKING.1,
                i as i64 + 1,
                series::BOOKING.2,
            )),
            room_type_id: Set(room.type_id),
            room_id: Set(s.fate.holds_nights().then_some(room.id)),
            rate_plan_id: Set(room.plan_id),
            guest_id: Set(id),
            arrival: Set(s.arrival),
            departure: Set(s.departure),
            adults: Set(if s.lead_days % 3 == 0 { 1 } else { 2 }),
            children: Set(0),
            state: Set(s.fate.state().into()),
            source: Set(SOURCES[s.method % SOURCES.len()].into()),
            source_detail: Set(String::new()),
            special_requests: Set(String::new()),
            notes: Set(String::new()),
            promotion_id: Set(None),
            total_minor: Set(room.price_minor * s.nights() as i64),
            cancel_fee_minor: Set(None),
            overbooked: Set(false),
            guarantee: Set("none".into()),
            deposit_due_minor: Set(0),
            created_at: Set(booked),
            updated_at: Set(booked),
        });
        if s.fate.holds_nights() {
            for n in 0..s.nights() {
                night_id += 1;
                nights.push(reservation_night::ActiveModel {
                    id: Set(night_id),
                    property_id: Set(pid),
                    reservation_id: Set(id),
                    night: Set(s.arrival + Days::new(n)),
                    room_type_id: Set(room.type_id),
                    room_id: Set(Some(room.id)),
                    price_minor: Set(room.price_minor),
                    discount_minor: Set(0),
                    amount_minor: Set(room.price_minor),
                    tax_minor: Set(room.tax_minor),
                });
            }
        }
        if s.fate.stayed() {
            let out = s.fate == Fate::CheckedOut;
            stay_rows.push(stay::ActiveModel {
                id: Set(id),
                property_id: Set(pid),
                reservation_id: Set(id),
                room_id: Set(room.id),
                key_card: Set(String::new()),
                checked_in_on: Set(s.arrival),
                checked_in_at: Set(at(s.arrival, 6)),
                checked_in_by: Set(actor.user_id),
                checked_out_on: Set(out.then_some(s.departure)),
                checked_out_at: Set(out.then(|| at(s.departure, 4))),
                checked_out_by: Set(out.then_some(actor.user_id).flatten()),
            });
            stay_guests.push(stay_guest::ActiveModel {
                id: Set(id),
                stay_id: Set(id),
                guest_id: Set(id),
                is_primary: Set(true),
            });
            folio_no += 1;
            folio_of[i] = i32::try_from(folio_no).unwrap_or(i32::MAX);
            folio_rows.push(folio::ActiveModel {
                id: Set(folio_of[i]),
                property_id: Set(pid),
                reservation_id: Set(id),
                number: Set(series::format(
                    folios::FOLIO_SERIES.1,
                    folio_no,
                    folios::FOLIO_SERIES.2,
                )),
                label: Set(String::new()),
                payer_name: Set(String::new()),
                company_account: Set(false),
                credit_limit_minor: Set(None),
                state: Set(if out { "closed" } else { "open" }.into()),
                opened_at: Set(at(s.arrival, 6)),
                closed_at: Set(out.then(|| at(s.departure, 4))),
            });
        }
    }
    w.reservations = reservations.len();
    w.nights = nights.len();
    for rows in [reservations.len(), nights.len()] {
        progress(rows as u64);
    }
    insert(&txn, reservations).await?;
    insert(&txn, nights).await?;
    insert(&txn, stay_rows).await?;
    insert(&txn, stay_guests).await?;
    insert(&txn, folio_rows).await?;

    // Day by day: the room nights the audit posts, the payments and invoices of check-outs.
    let days = usize::try_from((today - start).num_days()).unwrap_or(0) + 1;
    let mut charged: Vec<Vec<usize>> = vec![Vec::new(); days];
    let mut leaving: Vec<Vec<usize>> = vec![Vec::new(); days];
    for (i, s) in stays.iter().enumerate().filter(|(_, s)| s.fate.stayed()) {
        for n in 0..s.nights() {
            let d = s.arrival + Days::new(n);
            if d < today && d >= start {
                charged[(d - start).num_days() as usize].push(i);
            }
        }
        if s.fate == Fate::CheckedOut && s.departure <= today {
            leaving[(s.departure - start).num_days() as usize].push(i);
        }
    }
    let (mut posting_id, mut invoice_no) = (0i32, 0i64);
    for (offset, (charges, outs)) in charged.iter().zip(&leaving).enumerate() {
        let day = start + Days::new(offset as u64);
        property::Entity::update_many()
            .col_expr(property::Column::BusinessDate, Expr::value(day))
            .filter(property::Column::Id.eq(pid))
            .exec(&txn)
            .await?;
        let mut postings = Vec::with_capacity(charges.len() + outs.len());
        let mut invoice_rows = Vec::with_capacity(outs.len());
        for &i in charges {
            let room = rooms[stays[i].room];
            posting_id += 1;
            postings.push(row(posting_id, pid, folio_of[i], day, actor).charge(
                room_code_id,
                room.price_minor,
                room.tax_minor,
                day,
            ));
        }
        for &i in outs {
            let s = stays[i];
            let room = rooms[s.room];
            let total = room.price_minor * s.nights() as i64;
            posting_id += 1;
            postings.push(
                row(posting_id, pid, folio_of[i], day, actor).payment(METHODS[s.method].0, -total),
            );
            invoice_no += 1;
            invoice_rows.push(invoice::ActiveModel {
                id: Set(i32::try_from(invoice_no).unwrap_or(i32::MAX)),
                property_id: Set(pid),
                folio_id: Set(folio_of[i]),
                kind: Set(invoices::kind::INVOICE.into()),
                number: Set(series::format(
                    invoices::INVOICE_SERIES.1,
                    invoice_no,
                    invoices::INVOICE_SERIES.2,
                )),
                business_date: Set(day),
                issued_at: Set(at(day, 4)),
                user_id: Set(actor.user_id),
                buyer_name: Set(names[i].clone()),
                taxpayer_id: Set(String::new()),
                total_minor: Set(total),
                tax_minor: Set(room.tax_minor * s.nights() as i64),
                credits_id: Set(None),
                reason: Set(String::new()),
                last_posting_id: Set(Some(posting_id)),
            });
        }
        w.postings += postings.len();
        w.invoices += invoice_rows.len();
        progress((postings.len() + invoice_rows.len()) as u64);
        insert(&txn, postings).await?;
        insert(&txn, invoice_rows).await?;
        if day < today {
            insert(
                &txn,
                vec![night_audit::ActiveModel {
                    property_id: Set(pid),
                    business_date: Set(day),
                    started_at: Set(at(day, 16)),
                    finished_at: Set(at(day, 16)),
                    user_id: Set(actor.user_id),
                    summary: Set("{}".into()),
                    ..Default::default()
                }],
            )
            .await?;
        }
    }

    let counters = [
        (series::BOOKING, stays.len() as i64),
        (folios::FOLIO_SERIES, folio_no),
        (invoices::INVOICE_SERIES, invoice_no),
    ];
    for ((code, prefix, width), used) in counters {
        number_series::Entity::delete_many()
            .filter(number_series::Column::PropertyId.eq(pid))
            .filter(number_series::Column::Code.eq(code))
            .exec(&txn)
            .await?;
        insert(
            &txn,
            vec![number_series::ActiveModel {
                property_id: Set(pid),
                code: Set(code.into()),
                prefix: Set(prefix.into()),
                next_number: Set(used + 1),
                width: Set(width),
            }],
        )
        .await?;
    }
    if backend == Backend::Postgres {
        for table in [
            "guest",
            "reservation",
            "reservation_night",
            "stay",
            "stay_guest",
            "folio",
            "posting",
            "invoice",
            "night_audit",
        ] {
            txn.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 GREATEST((SELECT MAX(id) FROM {table}), 1))"
            ))
            .await?;
        }
    }
    txn.commit().await?;
    Ok(w)
}

/// A posting's common columns.
struct PostingRow(posting::ActiveModel);

fn row(id: i32, property_id: i32, folio_id: i32, day: NaiveDate, actor: &Actor) -> PostingRow {
    PostingRow(posting::ActiveModel {
        id: Set(id),
        property_id: Set(property_id),
        folio_id: Set(folio_id),
        business_date: Set(day),
        posted_at: Set(at(day, 16)),
        user_id: Set(actor.user_id),
        description: Set(String::new()),
        reference: Set(String::new()),
        card_brand: Set(String::new()),
        card_last4: Set(String::new()),
        auth_code: Set(String::new()),
        voids_id: Set(None),
        adjusts_id: Set(None),
        reason: Set(String::new()),
        ..Default::default()
    })
}

impl PostingRow {
    fn charge(
        self,
        code: Option<i32>,
        amount: i64,
        tax: i64,
        night: NaiveDate,
    ) -> posting::ActiveModel {
        let mut m = self.0;
        m.kind = Set(folios::kind::CHARGE.into());
        m.charge_code_id = Set(code);
        m.payment_method = Set(String::new());
        m.amount_minor = Set(amount);
        m.tax_minor = Set(tax);
        m.night = Set(Some(night));
        m
    }

    fn payment(self, method: &str, amount: i64) -> posting::ActiveModel {
        let mut m = self.0;
        m.kind = Set(folios::kind::PAYMENT.into());
        m.charge_code_id = Set(None);
        m.payment_method = Set(method.into());
        m.amount_minor = Set(amount);
        m.tax_minor = Set(0);
        m.night = Set(None);
        m
    }
}
