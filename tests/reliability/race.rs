//! 32 terminals booking, moving, re-rooming and cancelling on a hot spot of ten rooms over a few
//! nights at once, each on a connection of its own (on SQLite also from processes of their
//! own): no room is ever given twice for a night, the type is never sold beyond its rooms, and
//! every refusal is one the desk is meant to see.

use std::collections::{BTreeMap, HashMap};
use std::process::Stdio;

use chrono::{Days, NaiveDate};
use innkeep_core::auth::Actor;
use innkeep_core::db::{Backend, Db};
use innkeep_core::entity::{rate_plan, reservation, reservation_night, room, room_type};
use innkeep_core::rates::{self, RatePlanInput};
use innkeep_core::reservations;
use innkeep_core::rooms::{self, BulkRooms, RoomTypeInput};
use innkeep_tests::{backend, booking, fresh_db, hotel, t0};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::common::{admin_of, child, integrity, name_of, open_named, seed, size};

const WRITERS: u64 = 32;
/// Processes sharing the writers in the SQLite multi-process run.
const PROCESSES: u64 = 4;
/// The refusals a desk may see when terminals compete: sold out, the room taken meanwhile,
/// the overbooking limit, and a busy database (try again).
const REFUSALS: [&str; 4] = [
    "errors.reservation.sold_out",
    "errors.reservation.room_taken",
    "errors.reservation.overbook_limit",
    "errors.db.busy",
];

/// The ten rooms everyone wants, on the nights from `first` on.
#[derive(Debug, Clone)]
struct Spot {
    type_id: i32,
    plan_id: i32,
    rooms: Vec<i32>,
    first: NaiveDate,
}

/// The hot spot's first night: two days after the test clock, past the free-cancel window.
fn first_night() -> NaiveDate {
    t0().date_naive() + Days::new(2)
}

/// Creates the hot spot: type HOT, rooms 301–310, no overbooking, one rate plan.
async fn make_spot(db: &Db, admin: &Actor) -> Spot {
    let t = rooms::save_type(
        &db.conn,
        t0(),
        admin,
        RoomTypeInput {
            id: None,
            code: "HOT".into(),
            name_zh: "热门房".into(),
            name_en: "Hot spot".into(),
            area_m2: 20,
            bed_type: "queen".into(),
            max_adults: 2,
            max_children: 1,
            facilities: vec![],
            overbook_rooms: 0,
            overbook_percent: 0,
            active: true,
        },
    )
    .await
    .unwrap();
    let type_id = t.id.unwrap();
    let bulk = BulkRooms {
        from: 301,
        to: 310,
        floor: 3,
        room_type_id: type_id,
        features: vec![],
    };
    rooms::create_rooms(&db.conn, t0(), admin, bulk)
        .await
        .unwrap();
    rates::save(
        &db.conn,
        t0(),
        admin,
        RatePlanInput {
            id: None,
            room_type_id: type_id,
            code: "BAR".into(),
            name_zh: "门市价".into(),
            name_en: "BAR".into(),
            kind: "standard".into(),
            base_price: "399".into(),
            tax_inclusive: true,
            tax_percent: "6".into(),
            min_stay: 1,
            max_stay: Some(14),
            cancel_free_hours: 24,
            cancel_fee: "first_night".into(),
            cancel_fee_percent: "0".into(),
            no_show_fee: "first_night".into(),
            no_show_fee_percent: "0".into(),
            rules: vec![],
            active: true,
        },
    )
    .await
    .unwrap();
    spot_of(db).await
}

/// The hot spot as another process finds it.
async fn spot_of(db: &Db) -> Spot {
    let t = room_type::Entity::find()
        .filter(room_type::Column::Code.eq("HOT"))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let plan = rate_plan::Entity::find()
        .filter(rate_plan::Column::RoomTypeId.eq(t.id))
        .one(&db.conn)
        .await
        .unwrap()
        .unwrap();
    let rooms = room::Entity::find()
        .filter(room::Column::RoomTypeId.eq(t.id))
        .all(&db.conn)
        .await
        .unwrap();
    Spot {
        type_id: t.id,
        plan_id: plan.id,
        rooms: rooms.into_iter().map(|r| r.id).collect(),
        first: first_night(),
    }
}

/// What the writers did: successes and refusals by kind, and anything else (a failure).
#[derive(Debug, Default)]
struct Tally {
    done: BTreeMap<String, u64>,
    refused: BTreeMap<String, u64>,
    unhandled: Vec<String>,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        for (k, n) in other.done {
            *self.done.entry(k).or_default() += n;
        }
        for (k, n) in other.refused {
            *self.refused.entry(k).or_default() += n;
        }
        self.unhandled.extend(other.unhandled);
    }

    fn attempts(&self) -> u64 {
        self.done.values().sum::<u64>()
            + self.refused.values().sum::<u64>()
            + self.unhandled.len() as u64
    }

    /// One line a record for the parent process.
    fn to_text(&self) -> String {
        let mut out = String::new();
        for (k, n) in &self.done {
            out += &format!("done\t{k}\t{n}\n");
        }
        for (k, n) in &self.refused {
            out += &format!("refused\t{k}\t{n}\n");
        }
        for m in &self.unhandled {
            out += &format!("unhandled\t{}\n", m.replace(['\n', '\t'], " "));
        }
        out
    }

    fn from_text(text: &str) -> Tally {
        let mut t = Tally::default();
        for line in text.lines() {
            let parts: Vec<&str> = line.splitn(3, '\t').collect();
            match parts[..] {
                ["done", k, n] => *t.done.entry(k.into()).or_default() += n.parse::<u64>().unwrap(),
                ["refused", k, n] => {
                    *t.refused.entry(k.into()).or_default() += n.parse::<u64>().unwrap()
                }
                ["unhandled", m] => t.unhandled.push(m.into()),
                _ => panic!("unreadable tally line {line:?}"),
            }
        }
        t
    }
}

/// One terminal: `attempts` random bookings, date changes, room assignments and cancellations
/// of its own bookings on the hot spot.
async fn writer(db: Db, admin: Actor, spot: Spot, seed: u64, attempts: u64) -> Tally {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut mine: Vec<i32> = Vec::new();
    let mut tally = Tally::default();
    for _ in 0..attempts {
        let pick = rng.random_range(0..10);
        let arrival = spot.first + Days::new(rng.random_range(0..3));
        let departure = arrival + Days::new(rng.random_range(1..=2));
        let room = spot.rooms[rng.random_range(0..spot.rooms.len())];
        let which = rng.random_range(0..mine.len().max(1));
        let (what, outcome) = if mine.is_empty() || pick < 5 {
            let mut b = booking(
                spot.type_id,
                spot.plan_id,
                arrival,
                (departure - arrival).num_days(),
            );
            if rng.random_bool(0.5) {
                b.rooms[0].room_id = Some(room);
            }
            let made = reservations::create(&db.conn, t0(), &admin, b).await;
            ("book", made.map(|v| mine.push(v[0].id)))
        } else if pick < 7 {
            let changed = reservations::change_dates(
                &db.conn,
                t0(),
                &admin,
                mine[which],
                arrival,
                departure,
                false,
            )
            .await;
            ("change dates", changed.map(drop))
        } else if pick < 9 {
            let cancelled =
                reservations::cancel(&db.conn, t0(), &admin, mine[which], "race test").await;
            (
                "cancel",
                cancelled.map(|_| {
                    mine.swap_remove(which);
                }),
            )
        } else {
            let assigned =
                reservations::assign_room(&db.conn, t0(), &admin, mine[which], Some(room), false)
                    .await;
            ("assign room", assigned.map(drop))
        };
        match outcome {
            Ok(()) => *tally.done.entry(what.into()).or_default() += 1,
            Err(e) => {
                let key = e.to_api().key;
                if REFUSALS.contains(&key.as_str()) {
                    *tally.refused.entry(key).or_default() += 1;
                } else {
                    tally.unhandled.push(format!("{what}: {key}: {e}"));
                }
            }
        }
    }
    tally
}

/// What the hot spot looks like afterwards.
#[derive(Debug)]
struct Afterwards {
    integrity: String,
    /// Pairs of live reservations holding one room on one night.
    overlaps: Vec<String>,
    /// Nights sold beyond the type's rooms.
    oversold: Vec<String>,
    /// Reservations whose stored nights disagree with their dates, room or state.
    inconsistent: Vec<String>,
    live: usize,
    busiest_night: usize,
}

async fn afterwards(db: &Db, spot: &Spot) -> Afterwards {
    let all = reservation::Entity::find()
        .filter(reservation::Column::RoomTypeId.eq(spot.type_id))
        .all(&db.conn)
        .await
        .unwrap();
    let nights = reservation_night::Entity::find()
        .filter(reservation_night::Column::RoomTypeId.eq(spot.type_id))
        .all(&db.conn)
        .await
        .unwrap();
    let live: Vec<&reservation::Model> = all.iter().filter(|r| r.state == "confirmed").collect();
    let mut overlaps = Vec::new();
    for (i, a) in live.iter().enumerate() {
        for b in &live[i + 1..] {
            if a.room_id.is_some()
                && a.room_id == b.room_id
                && a.arrival < b.departure
                && b.arrival < a.departure
            {
                overlaps.push(format!("{} and {} in room id {:?}", a.id, b.id, a.room_id));
            }
        }
    }
    let mut by_room_night: HashMap<(i32, NaiveDate), usize> = HashMap::new();
    let mut by_night: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let mut by_reservation: HashMap<i32, Vec<&reservation_night::Model>> = HashMap::new();
    for n in &nights {
        if let Some(room) = n.room_id {
            *by_room_night.entry((room, n.night)).or_default() += 1;
        }
        *by_night.entry(n.night).or_default() += 1;
        by_reservation.entry(n.reservation_id).or_default().push(n);
    }
    overlaps.extend(
        by_room_night
            .iter()
            .filter(|(_, n)| **n > 1)
            .map(|((room, night), n)| format!("room id {room} sold {n} times on {night}")),
    );
    let oversold = by_night
        .iter()
        .filter(|(_, n)| **n > spot.rooms.len())
        .map(|(night, n)| format!("{n} of {} rooms sold on {night}", spot.rooms.len()))
        .collect();
    let mut inconsistent = Vec::new();
    for r in &all {
        let held = by_reservation.get(&r.id).map(Vec::as_slice).unwrap_or(&[]);
        let expected = if r.state == "confirmed" {
            (r.departure - r.arrival).num_days() as usize
        } else {
            0
        };
        let right_nights = held.len() == expected
            && held
                .iter()
                .all(|n| n.night >= r.arrival && n.night < r.departure && n.room_id == r.room_id);
        if !right_nights {
            inconsistent.push(format!(
                "reservation {} ({}, {}–{}, room {:?}) holds {} nights",
                r.id,
                r.state,
                r.arrival,
                r.departure,
                r.room_id,
                held.len()
            ));
        }
    }
    Afterwards {
        integrity: integrity(db).await,
        overlaps,
        oversold,
        inconsistent,
        live: live.len(),
        busiest_night: by_night.values().copied().max().unwrap_or(0),
    }
}

fn report(test: &str, writers: u64, tally: &Tally, after: &Afterwards) {
    println!(
        "{test}: {writers} writers, {} attempts; done {:?}; refused {:?}; unhandled {}",
        tally.attempts(),
        tally.done,
        tally.refused,
        tally.unhandled.len()
    );
    println!(
        "{test}: afterwards {} live bookings, busiest night {} of 10 rooms, integrity_check {}",
        after.live,
        after.busiest_night,
        if backend() == Backend::Embedded {
            after.integrity.as_str()
        } else {
            "(SQLite only)"
        }
    );
    for m in tally.unhandled.iter().take(10) {
        println!("{test}: unhandled: {m}");
    }
}

fn assert_sound(tally: &Tally, after: &Afterwards) {
    assert!(
        tally.unhandled.is_empty(),
        "errors the desk cannot act on: {:?}",
        &tally.unhandled[..tally.unhandled.len().min(10)]
    );
    assert_eq!(after.integrity, "ok");
    assert!(
        after.overlaps.is_empty(),
        "double-booked: {:?}",
        after.overlaps
    );
    assert!(after.oversold.is_empty(), "oversold: {:?}", after.oversold);
    assert!(
        after.inconsistent.is_empty(),
        "half-written: {:?}",
        after.inconsistent
    );
    assert!(tally.done.get("book").copied().unwrap_or(0) > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn writers_on_connections_of_their_own_never_double_sell() {
    let test = match backend() {
        Backend::Embedded => "race (SQLite, separate connections)",
        Backend::Postgres => "race (PostgreSQL, separate connections)",
    };
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let spot = make_spot(&t.db, &admin).await;
    let name = name_of(&t.db).await;
    let attempts = size("ATTEMPTS", 30);
    let seed = seed(test);
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let db = open_named(&name).await;
        writers.push(tokio::spawn(writer(
            db,
            admin.clone(),
            spot.clone(),
            seed ^ w,
            attempts,
        )));
    }
    let mut tally = Tally::default();
    for w in writers {
        tally.add(w.await.unwrap());
    }
    let after = afterwards(&t.db, &spot).await;
    report(test, WRITERS, &tally, &after);
    assert_eq!(tally.attempts(), WRITERS * attempts);
    assert_sound(&tally, &after);
}

const CHILD_DB: &str = "INNKEEP_RACE_DB";
const CHILD_OUT: &str = "INNKEEP_RACE_OUT";
const CHILD_SEED: &str = "INNKEEP_RACE_SEED";

/// Runs in a child process only: `WRITERS / PROCESSES` writers on the named SQLite file, each
/// with its own connection, writing their tally to the file named by `CHILD_OUT`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn child_writers_of_one_process() {
    let (Ok(name), Ok(out), Ok(seed)) = (
        std::env::var(CHILD_DB),
        std::env::var(CHILD_OUT),
        std::env::var(CHILD_SEED),
    ) else {
        return;
    };
    let seed: u64 = seed.parse().unwrap();
    let first = open_named(&name).await;
    let admin = admin_of(&first).await;
    let spot = spot_of(&first).await;
    let attempts = size("ATTEMPTS", 30);
    let mut writers = Vec::new();
    for w in 0..WRITERS / PROCESSES {
        let db = open_named(&name).await;
        writers.push(tokio::spawn(writer(
            db,
            admin.clone(),
            spot.clone(),
            seed ^ w,
            attempts,
        )));
    }
    let mut tally = Tally::default();
    for w in writers {
        tally.add(w.await.unwrap());
    }
    std::fs::write(out, tally.to_text()).unwrap();
}

#[tokio::test]
async fn writers_in_processes_of_their_own_never_double_sell() {
    if backend() != Backend::Embedded {
        return; // PostgreSQL's terminals are the connections of the test above.
    }
    let test = "race (SQLite, separate processes)";
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let spot = make_spot(&t.db, &admin).await;
    let name = name_of(&t.db).await;
    let seed = seed(test);
    let mut children = Vec::new();
    for p in 0..PROCESSES {
        let out = t.dir.path().join(format!("tally-{p}.txt"));
        let process = child("race::child_writers_of_one_process")
            .env(CHILD_DB, &name)
            .env(CHILD_OUT, &out)
            .env(CHILD_SEED, (seed ^ (p << 32)).to_string())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        children.push((process, out));
    }
    let mut tally = Tally::default();
    for (mut process, out) in children {
        let status = process.wait().unwrap();
        assert!(status.success(), "a writer process failed: {status}");
        tally.add(Tally::from_text(&std::fs::read_to_string(out).unwrap()));
    }
    let after = afterwards(&t.db, &spot).await;
    report(test, WRITERS, &tally, &after);
    assert_eq!(tally.attempts(), WRITERS * size("ATTEMPTS", 30));
    assert_sound(&tally, &after);
}
