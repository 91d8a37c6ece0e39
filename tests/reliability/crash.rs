//! A desk process killed with SIGKILL at random moments while it books, checks guests in,
//! posts charges, checks out with invoices, runs the night audit and makes backups. It writes
//! each operation to a journal (and fsyncs it) once the commit has returned; after every kill
//! the database must open sound, with every journalled operation in it and the hotel's books
//! in order: closed folios balance, invoice numbers have no gaps, no room is given twice for a
//! night, and the business date follows the closed dates.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, NaiveDate};
use innkeep_core::auth::Actor;
use innkeep_core::backup::{self, BackupKind};
use innkeep_core::clock::ManualClock;
use innkeep_core::db::{Backend, Db};
use innkeep_core::entity::{
    backup as backup_row, folio, invoice, night_audit as closed, number_series, posting, property,
    reservation, reservation_night, room, room_type, stay,
};
use innkeep_core::folios::{self, ChargeInput};
use innkeep_core::invoices::Buyer;
use innkeep_core::night_audit::{self, RunInput};
use innkeep_core::reservations;
use innkeep_core::stays::{self, CheckOutInput, Settlement};
use innkeep_tests::{backend, booking, fresh_db, hotel, rooms_and_rates, t0};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::common::{admin_of, child, integrity, name_of, open_named, seed, size};

const CHILD_DB: &str = "INNKEEP_CRASH_DB";
const CHILD_JOURNAL: &str = "INNKEEP_CRASH_JOURNAL";
const CHILD_BACKUPS: &str = "INNKEEP_CRASH_BACKUPS";
/// A child left alone (its parent gone) stops by itself after this long.
const CHILD_LIFETIME: Duration = Duration::from_secs(120);

/// Operations seen committed, one line each, fsynced.
struct Journal(std::fs::File);

impl Journal {
    fn committed(&mut self, line: String) {
        writeln!(self.0, "{line}").unwrap();
        self.0.flush().unwrap();
        self.0.sync_all().unwrap();
    }
}

async fn business_date(db: &Db) -> NaiveDate {
    property::Entity::find()
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap()
        .business_date
}

/// A room of type STD free on every night of `arrival..departure`.
async fn free_room(db: &Db, arrival: NaiveDate, departure: NaiveDate) -> i32 {
    let std = room_type::Entity::find()
        .filter(room_type::Column::Code.eq("STD"))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let taken: Vec<Option<i32>> = reservation_night::Entity::find()
        .filter(reservation_night::Column::Night.gte(arrival))
        .filter(reservation_night::Column::Night.lt(departure))
        .all(&db.conn)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.room_id)
        .collect();
    room::Entity::find()
        .filter(room::Column::RoomTypeId.eq(std.id))
        .all(&db.conn)
        .await
        .unwrap()
        .into_iter()
        .find(|r| !taken.contains(&Some(r.id)))
        .expect("a free STD room")
        .id
}

/// One operation of the desk's day, chosen by what the hotel needs next: two arrivals booked
/// for today (one for a night, one for two), arrivals checked in, a minibar charge for each
/// guest leaving tomorrow and their check-out with an invoice, then the night audit, and (on
/// SQLite) a backup every third business date.
async fn next_operation(
    db: &Db,
    admin: &Actor,
    clock: &ManualClock,
    folder: &Path,
    rng: &mut StdRng,
    journal: &mut Journal,
) {
    let today = business_date(db).await;
    let std = room_type::Entity::find()
        .filter(room_type::Column::Code.eq("STD"))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let plan = innkeep_core::entity::rate_plan::Entity::find()
        .filter(innkeep_core::entity::rate_plan::Column::RoomTypeId.eq(std.id))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let arriving = reservation::Entity::find()
        .filter(reservation::Column::Arrival.eq(today))
        .all(&db.conn)
        .await
        .unwrap();
    if arriving.len() < 2 {
        let nights = if arriving.is_empty() { 1 } else { 2 };
        let departure = today + Days::new(nights);
        let mut b = booking(std.id, plan.id, today, nights as i64);
        b.rooms[0].room_id = Some(free_room(db, today, departure).await);
        let made = reservations::create(&db.conn, t0(), admin, b)
            .await
            .unwrap();
        journal.committed(format!("booked {}", made[0].id));
        return;
    }
    if let Some(r) = arriving.iter().find(|r| r.state == "confirmed") {
        innkeep_tests::check_in(db, admin, r.id, None).await;
        journal.committed(format!("checked_in {}", r.id));
        return;
    }
    let leaving = reservation::Entity::find()
        .filter(reservation::Column::State.eq("checked_in"))
        .filter(reservation::Column::Departure.eq(today + Days::new(1)))
        .one(&db.conn)
        .await
        .unwrap();
    if let Some(r) = leaving {
        let folios = folios::list_folios(&db.conn, admin, r.id).await.unwrap();
        let charge = ChargeInput {
            charge_code: "MINIBAR".into(),
            amount: format!("{}.50", rng.random_range(5..60)),
            quantity: rng.random_range(1..3),
            description: String::new(),
            night: None,
        };
        let posted = folios::post_charge(&db.conn, t0(), admin, folios[0].id, charge)
            .await
            .unwrap();
        journal.committed(format!("posted {}", posted.id));
        let out = stays::check_out(
            &db.conn,
            t0(),
            admin,
            CheckOutInput {
                reservation_id: r.id,
                apply_deposit: true,
                deposit_refund_method: Some("cash".into()),
                settlements: folios
                    .iter()
                    .map(|f| Settlement {
                        folio_id: f.id,
                        method: "cash".into(),
                        card_brand: String::new(),
                        card_last4: String::new(),
                        auth_code: String::new(),
                        reference: String::new(),
                    })
                    .collect(),
                invoice: Some(Buyer {
                    name: "王芳".into(),
                    taxpayer_id: String::new(),
                }),
            },
        )
        .await
        .unwrap();
        let numbers: Vec<String> = out.invoices.into_iter().map(|i| i.number).collect();
        journal.committed(format!("checked_out {} {}", r.id, numbers.join(" ")));
        return;
    }
    let run = RunInput {
        business_date: today,
        acknowledged: true,
    };
    night_audit::run(&db.conn, clock, admin, run, |_| {})
        .await
        .unwrap();
    journal.committed(format!("audit {today}"));
    if db.backend == Backend::Embedded && today.ordinal() % 3 == 0 {
        let b = backup::create(db, t0(), admin, folder, BackupKind::Manual, &|_| {})
            .await
            .unwrap();
        journal.committed(format!("backup {} {}", b.id, b.path));
    }
}

/// Runs in the child process only: the desk's day, over and over, until killed.
#[tokio::test]
async fn child_works_at_the_desk_until_killed() {
    let (Ok(name), Ok(journal), Ok(folder), Ok(seed)) = (
        std::env::var(CHILD_DB),
        std::env::var(CHILD_JOURNAL),
        std::env::var(CHILD_BACKUPS),
        std::env::var("INNKEEP_SOAK_SEED"),
    ) else {
        return;
    };
    let db = open_named(&name).await;
    let admin = admin_of(&db).await;
    let clock = ManualClock::new(t0());
    let mut rng = StdRng::seed_from_u64(seed.parse().unwrap());
    let file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(journal)
        .unwrap();
    let mut journal = Journal(file);
    let started = Instant::now();
    while started.elapsed() < CHILD_LIFETIME {
        next_operation(
            &db,
            &admin,
            &clock,
            Path::new(&folder),
            &mut rng,
            &mut journal,
        )
        .await;
    }
}

/// The complete lines of the journal (a line cut by the kill is not yet a report).
fn journal_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let complete = match text.rfind('\n') {
        Some(end) => &text[..=end],
        None => "",
    };
    complete.lines().map(str::to_string).collect()
}

/// Everything that must hold after a kill; returns what went wrong, one line per finding.
async fn findings(db: &Db, journal: &[String], first_date: NaiveDate) -> Vec<String> {
    let mut wrong = Vec::new();
    let sound = integrity(db).await;
    if sound != "ok" {
        wrong.push(format!("integrity_check: {sound}"));
    }
    let reservations: HashMap<i32, reservation::Model> = reservation::Entity::find()
        .all(&db.conn)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let invoices = invoice::Entity::find().all(&db.conn).await.unwrap();
    let audits = closed::Entity::find().all(&db.conn).await.unwrap();
    let stays = stay::Entity::find().all(&db.conn).await.unwrap();

    // Every operation the child saw committed is there.
    let state_of = |id: &str| {
        let id: i32 = id.parse().unwrap();
        reservations.get(&id).map(|r| r.state.as_str())
    };
    for line in journal {
        let words: Vec<&str> = line.split(' ').collect();
        let present = match words[..] {
            ["booked", id] => state_of(id).is_some(),
            ["checked_in", id] => {
                matches!(state_of(id), Some("checked_in" | "checked_out"))
                    && stays.iter().any(|s| s.reservation_id.to_string() == id)
            }
            ["posted", id] => posting::Entity::find_by_id(id.parse::<i32>().unwrap())
                .one(&db.conn)
                .await
                .unwrap()
                .is_some(),
            ["checked_out", id, ref numbers @ ..] => {
                state_of(id) == Some("checked_out")
                    && numbers
                        .iter()
                        .all(|n| invoices.iter().any(|i| i.number == *n))
            }
            ["audit", date] => audits.iter().any(|a| a.business_date.to_string() == date),
            ["backup", id, ..] => backup_row::Entity::find_by_id(id.parse::<i32>().unwrap())
                .one(&db.conn)
                .await
                .unwrap()
                .is_some(),
            _ => false,
        };
        if !present {
            wrong.push(format!("journalled but missing: {line}"));
        }
    }

    // Every closed folio balances to zero.
    let closed_folios = folio::Entity::find()
        .filter(folio::Column::State.eq("closed"))
        .all(&db.conn)
        .await
        .unwrap();
    for f in &closed_folios {
        let totals = folios::folio_balance(&db.conn, f.id).await.unwrap();
        if !totals.balance.is_zero() {
            wrong.push(format!("closed folio {} owes {}", f.number, totals.balance));
        }
    }

    // Invoice numbers run without gaps up to the series' next number (the series is created
    // with the first invoice).
    let series = number_series::Entity::find()
        .filter(number_series::Column::Code.eq("INV"))
        .one(&db.conn)
        .await
        .unwrap();
    match series {
        None if !invoices.is_empty() => wrong.push("invoices without their series".into()),
        None => {}
        Some(series) => {
            let mut numbers: Vec<i64> = invoices
                .iter()
                .filter_map(|i| i.number.strip_prefix(series.prefix.as_str()))
                .map(|n| n.parse().unwrap())
                .collect();
            numbers.sort_unstable();
            let first = numbers.first().copied().unwrap_or(series.next_number);
            let expected: Vec<i64> = (first..series.next_number).collect();
            if numbers != expected {
                wrong.push(format!(
                    "invoice numbers {numbers:?}, series next {}",
                    series.next_number
                ));
            }
        }
    }

    // No room holds two stays or bookings on one night.
    let mut held: BTreeMap<(i32, NaiveDate), Vec<i32>> = BTreeMap::new();
    for s in &stays {
        let r = &reservations[&s.reservation_id];
        for night in r.arrival.iter_days().take_while(|d| *d < r.departure) {
            held.entry((s.room_id, night)).or_default().push(r.id);
        }
    }
    for r in reservations.values().filter(|r| r.state == "confirmed") {
        if let Some(room) = r.room_id {
            for night in r.arrival.iter_days().take_while(|d| *d < r.departure) {
                held.entry((room, night)).or_default().push(r.id);
            }
        }
    }
    for ((room, night), ids) in held.iter().filter(|(_, ids)| ids.len() > 1) {
        wrong.push(format!("room id {room} held by {ids:?} on {night}"));
    }

    // The business date follows the closed dates, one audit per date, none skipped.
    let mut dates: Vec<NaiveDate> = audits.iter().map(|a| a.business_date).collect();
    dates.sort_unstable();
    let expected: Vec<NaiveDate> = first_date.iter_days().take(dates.len()).collect();
    let open = business_date(db).await;
    let next = dates.last().map_or(first_date, |d| *d + Days::new(1));
    if dates != expected || open != next {
        wrong.push(format!("business date {open} after closed dates {dates:?}"));
    }
    wrong
}

/// Keeps the newest backup file and removes the others (the disk stays small over a soak).
fn prune_backups(folder: &Path, journal: &[String]) -> Option<PathBuf> {
    let newest = journal
        .iter()
        .rev()
        .find_map(|l| l.strip_prefix("backup "))
        .and_then(|rest| rest.split_once(' '))
        .map(|(_, path)| PathBuf::from(path));
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let p = entry.path();
        let keep = newest
            .as_ref()
            .is_some_and(|n| p == *n || p.to_string_lossy() == format!("{}.sha256", n.display()));
        if !keep {
            let _ = std::fs::remove_file(p);
        }
    }
    newest
}

#[tokio::test]
async fn a_desk_killed_at_random_moments_loses_nothing_it_reported_committed() {
    let test = match backend() {
        Backend::Embedded => "crash (SQLite)",
        Backend::Postgres => "crash (PostgreSQL, no backups: they are the server's)",
    };
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    rooms_and_rates(&t.db, &admin).await;
    let first_date = business_date(&t.db).await;
    let name = name_of(&t.db).await;
    t.db.conn.close().await.unwrap();
    let journal = t.dir.path().join("journal.txt");
    let folder = t.dir.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    let kills = size("KILLS", 20);
    let seed = seed(test);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut seen = 0;
    for kill in 0..kills {
        let mut desk = child("crash::child_works_at_the_desk_until_killed")
            .env(CHILD_DB, &name)
            .env(CHILD_JOURNAL, &journal)
            .env(CHILD_BACKUPS, &folder)
            .env("INNKEEP_SOAK_SEED", (seed ^ kill).to_string())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the desk commits something, then let it run a random while longer.
        let started = Instant::now();
        while journal_lines(&journal).len() == seen {
            assert!(
                desk.try_wait().unwrap().is_none(),
                "the desk process ended by itself (kill {kill})"
            );
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the desk committed nothing in two minutes"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..400)));
        assert!(
            desk.try_wait().unwrap().is_none(),
            "the desk process ended by itself (kill {kill})"
        );
        desk.kill().unwrap(); // SIGKILL
        desk.wait().unwrap();

        let lines = journal_lines(&journal);
        seen = lines.len();
        let db = open_named(&name).await;
        let wrong = findings(&db, &lines, first_date).await;
        if let Some(newest) = prune_backups(&folder, &lines)
            && newest.exists()
        {
            backup::verify_file(&newest).await.unwrap();
        }
        db.conn.close().await.unwrap();
        assert!(
            wrong.is_empty(),
            "after kill {} (seed {seed}, last journalled: {:?}):\n{}",
            kill + 1,
            lines.last(),
            wrong.join("\n")
        );
    }
    let lines = journal_lines(&journal);
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for l in &lines {
        *by_kind.entry(l.split(' ').next().unwrap()).or_default() += 1;
    }
    let db = open_named(&name).await;
    println!(
        "{test}: {kills} kills, {} operations journalled {by_kind:?}, business date {} → {}; every check held after every kill",
        lines.len(),
        first_date,
        business_date(&db).await
    );
}
