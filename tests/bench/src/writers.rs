//! Many terminals booking at once: `writers` tasks, each with its own connection pool to the
//! server (as separate front-desk PCs have), each making one-night bookings for a new guest
//! through the core's `reservations::create`, spread over the room types and a year of dates.

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use innkeep_core::auth::Actor;
use innkeep_core::guests::NewGuest;
use innkeep_core::reservations::{self, BookingInput, RoomRequest};

use crate::open_db;

/// What the writers did together.
pub struct Writers {
    pub writers: usize,
    pub booked: usize,
    pub refused: Vec<String>,
    pub wall: Duration,
    /// Every booking's time, sorted.
    pub latencies: Vec<Duration>,
}

impl Writers {
    pub fn per_second(&self) -> f64 {
        self.booked as f64 / self.wall.as_secs_f64().max(1e-9)
    }
}

/// A one-night booking for a new guest.
pub fn booking(type_id: i32, plan_id: i32, arrival: NaiveDate, n: usize) -> BookingInput {
    BookingInput {
        guest_id: None,
        new_guest: Some(NewGuest {
            name: format!("基准客人{n}"),
            phone: format!("139{n:08}"),
            ..Default::default()
        }),
        arrival,
        departure: arrival + Days::new(1),
        rooms: vec![RoomRequest {
            room_type_id: type_id,
            rate_plan_id: plan_id,
            adults: 2,
            children: 0,
            room_id: None,
        }],
        source: "phone".into(),
        source_detail: String::new(),
        special_requests: String::new(),
        notes: String::new(),
        promotion_code: None,
        tentative: false,
        confirm_overbooking: false,
        guarantee: "none".into(),
        deposit_due: "0".into(),
    }
}

/// `writers` terminals making `each` bookings, from `first` on; `plans` are (type, plan) pairs.
pub async fn run(
    url: &str,
    actor: &Actor,
    plans: &[(i32, i32)],
    first: NaiveDate,
    writers: usize,
    each: usize,
) -> Result<Writers, String> {
    let mut pools = Vec::with_capacity(writers);
    for _ in 0..writers {
        pools.push(open_db(url).await?);
    }
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(writers);
    for (w, db) in pools.into_iter().enumerate() {
        let actor = actor.clone();
        let plans = plans.to_vec();
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(each);
            let mut refused = Vec::new();
            for i in 0..each {
                let n = w * each + i;
                let (type_id, plan_id) = plans[n % plans.len()];
                let arrival = first + Days::new((n / plans.len() % 365) as u64);
                let input = booking(type_id, plan_id, arrival, 50_000_000 + n);
                let t = Instant::now();
                match reservations::create(&db.conn, Utc::now(), &actor, input).await {
                    Ok(_) => times.push(t.elapsed()),
                    Err(e) => refused.push(e.to_string()),
                }
            }
            (times, refused)
        }));
    }
    let mut out = Writers {
        writers,
        booked: 0,
        refused: Vec::new(),
        wall: Duration::ZERO,
        latencies: Vec::new(),
    };
    for task in tasks {
        let (times, refused) = task.await.map_err(|e| e.to_string())?;
        out.booked += times.len();
        out.latencies.extend(times);
        out.refused.extend(refused);
    }
    out.wall = started.elapsed();
    out.latencies.sort();
    Ok(out)
}
