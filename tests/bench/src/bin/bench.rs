//! `cargo xtask bench [--size large|peer|…] [--db URL] [--out FILE]`: times the front desk's
//! hot paths on a synthetic hotel (seeded on first use into target/bench/), beside hand-written
//! SQL where the issue asks for the ratio, and writes the figures as a Markdown table.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use innkeep_bench::arg;
use innkeep_bench::measure::{self, Figures, Quantile};
use innkeep_bench::synthetic::{self, Size, Spec};
use innkeep_bench::writers::{self, booking};
use innkeep_bench::{audit, open_db, raw};
use innkeep_core::auth::{self, Actor};
use innkeep_core::db::{Backend, Db};
use innkeep_core::documents::{self, Document};
use innkeep_core::entity::{guest, invoice, staff_user};
use innkeep_core::guests;
use innkeep_core::reservations;
use innkeep_core::{availability, property, reports};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size = arg(&args, "--size")
        .and_then(|s| Size::parse(&s))
        .unwrap_or(Size::Large);
    let seed = 2026;
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let label = format!("{size:?}").to_lowercase();
    let url = arg(&args, "--db").unwrap_or_else(|| format!("sqlite:target/bench/{label}.db"));
    let out = arg(&args, "--out").unwrap_or_else(|| "tests/bench/RESULTS.md".into());
    let fresh = match url.strip_prefix("sqlite:") {
        Some(path) => !std::path::Path::new(path).exists(),
        None => true,
    };
    let db = open_db(&url).await.unwrap_or_else(|e| fail(&e));
    if fresh {
        let started = Instant::now();
        println!("seeding the {label} hotel into {url} …");
        let spec = Spec { size, seed, today };
        let w = synthetic::generate(&db, &spec, &|_, _| {})
            .await
            .unwrap_or_else(|e| fail(&e.to_string()));
        println!("seeded in {:.0} s: {w:?}", started.elapsed().as_secs_f64());
    }
    let actor = admin(&db).await;
    let backend = match db.backend {
        Backend::Embedded => "SQLite",
        Backend::Postgres => "PostgreSQL",
    };
    // `--only a,b` runs some measures and prints them without touching RESULTS.md.
    let only = arg(&args, "--only");
    let want = |name: &str| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|n| n == name))
    };
    let mut rows = Vec::new();
    if want("availability") {
        rows.push(availability_30(&db, &actor, today).await);
    }
    if want("tape-chart") {
        rows.push(tape_chart_31(&db, &actor, today).await);
    }
    if want("guest-search") {
        rows.extend(guest_search(&db, &actor).await);
    }
    if want("booking") {
        rows.extend(bookings(&db, &actor, today).await);
    }
    if want("year-report") {
        rows.push(year_report(&db, &actor, today).await);
    }
    if want("invoice") {
        rows.push(invoice_pdf(&db, &actor).await);
    }
    if db.backend == Backend::Postgres && want("writers") {
        rows.push(concurrent_writers(&url, &db, &actor, today).await);
    }
    // Last: the audit closes days (on SQLite it runs on a copy of the file).
    if want("night-audit") {
        rows.push(night_audits(&db, &actor, today).await);
    }
    if only.is_some() {
        rows.iter().for_each(|r| println!("{}", r.row()));
        return;
    }
    let counts = raw::counts(&db).await.unwrap_or_default();
    let mut text = format!(
        "\n## {label} hotel on {backend}\n\n{counts}\n\n\
         | Measure | Goal | Median | p95 | p99 | Result | Notes |\n\
         |---|---|---|---|---|---|---|\n"
    );
    for r in &rows {
        println!("{}", r.row());
        text.push_str(&r.row());
        text.push('\n');
    }
    let heading = format!("## {label} hotel on {backend}");
    match innkeep_bench::results::replace_section(&out, &heading, &text) {
        Ok(()) => println!("written: {out}"),
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("bench: {message}");
    std::process::exit(1)
}

async fn admin(db: &Db) -> Actor {
    let user = staff_user::Entity::find()
        .filter(staff_user::Column::Username.eq("admin"))
        .one(&db.conn)
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| fail("no administrator `admin`: not a synthetic hotel"));
    auth::actor_for(&db.conn, &user)
        .await
        .unwrap_or_else(|e| fail(&e.to_string()))
}

async fn availability_30(db: &Db, actor: &Actor, today: NaiveDate) -> Figures {
    let (from, to) = (today, today + Days::new(30));
    let normal = measure::time(300, |_| async {
        availability::for_range(&db.conn, actor.property_id, from, to)
            .await
            .unwrap_or_default()
    })
    .await;
    let by_sql = measure::time(300, |_| raw::availability(db, actor.property_id, from, to)).await;
    let mut core = availability::for_range(&db.conn, actor.property_id, from, to)
        .await
        .unwrap_or_default();
    let mut sql = raw::availability(db, actor.property_id, from, to).await;
    core.sort_by_key(|n| (n.room_type_id, n.night));
    sql.sort_by_key(|n| (n.room_type_id, n.night));
    let agree = !core.is_empty() && core == sql;
    let (_, note) = measure::ratio(&normal, &by_sql);
    Figures::of("Availability, 30 nights", 5.0, Quantile::P95, &normal)
        .note(format!("{note}; same answer: {agree}"))
}

async fn tape_chart_31(db: &Db, actor: &Actor, today: NaiveDate) -> Figures {
    let (from, to) = (today - Days::new(7), today + Days::new(24));
    let normal = measure::time(50, |_| async {
        reservations::tape_chart(&db.conn, actor, from, to)
            .await
            .map(|c| c.bars.len())
            .unwrap_or_default()
    })
    .await;
    let by_sql = measure::time(50, |_| raw::tape_bars(db, actor.property_id, from, to)).await;
    let core = reservations::tape_chart(&db.conn, actor, from, to)
        .await
        .map(|c| (c.rooms.len(), c.bars.len()))
        .unwrap_or_default();
    let sql = raw::tape_bars(db, actor.property_id, from, to).await;
    let (_, note) = measure::ratio(&normal, &by_sql);
    Figures::of(
        &format!("Tape chart, {} rooms × 31 days", core.0),
        15.0,
        Quantile::Median,
        &normal,
    )
    .note(format!(
        "{note}; same bars: {} ({} bars)",
        core.1 == sql,
        core.1
    ))
}

async fn guest_search(db: &Db, actor: &Actor) -> Vec<Figures> {
    let total = guest::Entity::find()
        .order_by_desc(guest::Column::Id)
        .one(&db.conn)
        .await
        .ok()
        .flatten()
        .map_or(1, |g| g.id);
    let sample = guest::Entity::find_by_id(total / 2)
        .one(&db.conn)
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| fail("no guests"));
    let phone_prefix: String = sample.phone.chars().take(7).collect();
    let mut out = Vec::new();
    for (what, text) in [
        ("name", sample.name.clone()),
        ("pinyin initials", sample.pinyin_initials.clone()),
        ("phone", phone_prefix),
        ("ID number", sample.id_number.clone()),
    ] {
        let times = measure::time(200, |_| guests::search(&db.conn, actor, &text)).await;
        let found = guests::search(&db.conn, actor, &text)
            .await
            .map(|g| g.len())
            .unwrap_or_default();
        out.push(
            Figures::of(
                &format!("Guest search by {what} ({total} profiles)"),
                5.0,
                Quantile::P95,
                &times,
            )
            .note(format!("“{text}”: {found} found (at most 50 shown)")),
        );
    }
    out
}

async fn bookings(db: &Db, actor: &Actor, today: NaiveDate) -> Vec<Figures> {
    let Some(&(type_id, plan_id)) = raw::plans(db, actor.property_id).await.first() else {
        fail("no rate plan")
    };
    let modes: &[&str] = match db.backend {
        Backend::Embedded => &["FULL", "NORMAL"],
        Backend::Postgres => &["(server default)"],
    };
    let mut out = Vec::new();
    for (m, mode) in modes.iter().enumerate() {
        if db.backend == Backend::Embedded {
            let _ = db
                .conn
                .execute_unprepared(&format!("PRAGMA synchronous = {mode}"))
                .await;
        }
        let base = today + Days::new(120 + 300 * m as u64);
        let times = measure::time(200, |i| {
            let input = booking(
                type_id,
                plan_id,
                base + Days::new((i % 250) as u64),
                i + 1000 * m,
            );
            async move {
                reservations::create(&db.conn, chrono::Utc::now(), actor, input)
                    .await
                    .map(|v| v.len())
                    .unwrap_or_else(|e| fail(&format!("booking refused: {e}")))
            }
        })
        .await;
        out.push(
            Figures::of(
                &format!("Create a booking, synchronous {mode}"),
                15.0,
                Quantile::P99,
                &times,
            )
            .note("one room, one night, a new guest; availability checked, nights written"),
        );
    }
    if db.backend == Backend::Embedded {
        let _ = db
            .conn
            .execute_unprepared("PRAGMA synchronous = FULL")
            .await;
    }
    out
}

async fn invoice_pdf(db: &Db, actor: &Actor) -> Figures {
    let last = invoice::Entity::find()
        .order_by_desc(invoice::Column::Id)
        .one(&db.conn)
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| fail("no invoice"));
    let doc = Document::Invoice { id: last.id };
    let mut size = 0;
    let times = measure::time(50, |_| async {
        documents::document_pdf(&db.conn, actor, &doc)
            .await
            .map(|b| b.len())
            .unwrap_or_else(|e| fail(&e.to_string()))
    })
    .await;
    if let Ok(bytes) = documents::document_pdf(&db.conn, actor, &doc).await {
        size = bytes.len();
    }
    let _ = property::current(&db.conn).await;
    let kb = size as f64 / 1024.0;
    let mut f = Figures::of("Invoice PDF", 20.0, Quantile::Median, &times).note(format!(
        "{kb:.1} KB (goal ≤ 60 KB), invoice {}",
        last.number
    ));
    f.met = f.met.map(|m| m && kb <= 60.0);
    f
}

async fn night_audits(db: &Db, actor: &Actor, today: NaiveDate) -> Figures {
    let a = audit::run(db, actor, today, 5)
        .await
        .unwrap_or_else(|e| fail(&e));
    Figures::of(
        &format!("Night audit, {} rooms", a.rooms),
        1000.0,
        Quantile::Median,
        &a.times,
    )
    .note(format!(
        "5 consecutive business dates from {today}; the first posted {} room nights and {} no-shows",
        a.room_charges, a.no_shows
    ))
}

async fn concurrent_writers(url: &str, db: &Db, actor: &Actor, today: NaiveDate) -> Figures {
    let plans = raw::plans(db, actor.property_id).await;
    let w = writers::run(url, actor, &plans, today + Days::new(700), 32, 60)
        .await
        .unwrap_or_else(|e| fail(&e));
    let rate = w.per_second();
    let mut f = Figures::of(
        &format!("{} concurrent booking writers", w.writers),
        20.0,
        Quantile::P95,
        &w.latencies,
    )
    .note(format!(
        "{} bookings in {:.2} s = {rate:.0} bookings/s (goal ≥ 500/s{}); {} refused{}",
        w.booked,
        w.wall.as_secs_f64(),
        if rate >= 500.0 {
            ", met"
        } else {
            ", **missed**"
        },
        w.refused.len(),
        w.refused
            .first()
            .map(|e| format!(" (first: {e})"))
            .unwrap_or_default()
    ));
    f.met = f.met.map(|m| m && rate >= 500.0 && w.refused.is_empty());
    f
}

async fn year_report(db: &Db, actor: &Actor, today: NaiveDate) -> Figures {
    use chrono::Datelike;
    // The last whole year before the business date.
    let year = today.year() - 1;
    let pid = actor.property_id;
    let normal = measure::time(100, |_| reports::year(&db.conn, actor, year)).await;
    let by_sql = measure::time(100, |_| raw::year_from_rollup(db, pid, year)).await;
    let from_source = measure::time(3, |_| raw::year_from_source(db, pid, year)).await;
    let report = reports::year(&db.conn, actor, year)
        .await
        .unwrap_or_else(|e| fail(&e.to_string()));
    let minor = |s: &str| {
        s.parse::<rust_decimal::Decimal>()
            .ok()
            .and_then(|d| innkeep_core::money::to_minor("amount", d, 2).ok())
            .unwrap_or(i64::MIN)
    };
    let core: Vec<raw::MonthRow> = report
        .months
        .iter()
        .map(|m| {
            let f = &m.figures;
            (
                m.month,
                i64::from(f.days),
                i64::from(f.rooms_available),
                i64::from(f.rooms_sold),
                minor(&f.room_revenue),
                minor(&f.total_revenue),
            )
        })
        .collect();
    let sql = raw::year_from_rollup(db, pid, year).await;
    let source = raw::year_from_source(db, pid, year).await;
    let same_source = core.len() == source.len()
        && core
            .iter()
            .zip(&source)
            .all(|(a, b)| (a.0, a.3, a.4, a.5) == (b.0, b.3, b.4, b.5));
    let (_, note) = measure::ratio(&normal, &by_sql);
    Figures::of(
        &format!("Year report {year} (occupancy and revenue by month)"),
        50.0,
        Quantile::Median,
        &normal,
    )
    .note(format!(
        "{note}; same answer: {}; {} rooms sold, occupancy {} %, total {}; from the postings and \
         room nights themselves (no roll-up) {:.0} ms, same figures: {same_source}",
        !core.is_empty() && core == sql,
        report.total.rooms_sold,
        report.total.occupancy,
        report.total.total_revenue,
        measure::quantile(&from_source, 0.5).as_secs_f64() * 1000.0
    ))
}
