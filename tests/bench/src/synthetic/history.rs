//! Years of a hotel's life laid down room by room: stays one after another with gaps between
//! them (geometric lengths and gaps, so occupancy and average length of stay come out as asked),
//! each made a booking with its own guest. Past stays are checked out, paid and invoiced; stays
//! over the business date are in the house; later ones are confirmed. A few past bookings were
//! cancelled or did not show up.

use chrono::{Days, NaiveDate};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::hotel::Room;

/// How a generated booking ended up.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fate {
    CheckedOut,
    InHouse,
    Confirmed,
    Cancelled,
    NoShow,
}

impl Fate {
    pub fn state(self) -> &'static str {
        match self {
            Fate::CheckedOut => "checked_out",
            Fate::InHouse => "checked_in",
            Fate::Confirmed => "confirmed",
            Fate::Cancelled => "cancelled",
            Fate::NoShow => "no_show",
        }
    }

    /// Holds its nights (inventory) and, once arrived, a room.
    pub fn holds_nights(self) -> bool {
        matches!(self, Fate::CheckedOut | Fate::InHouse | Fate::Confirmed)
    }

    pub fn stayed(self) -> bool {
        matches!(self, Fate::CheckedOut | Fate::InHouse)
    }
}

/// One generated booking.
#[derive(Clone, Copy, Debug)]
pub struct Stay {
    pub room: usize,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub fate: Fate,
    /// Days between booking and arrival.
    pub lead_days: u32,
    /// Index into the payment methods.
    pub method: usize,
}

impl Stay {
    pub fn nights(&self) -> u64 {
        (self.departure - self.arrival).num_days().unsigned_abs()
    }
}

/// Payment methods and how often guests use them (per mille, cumulative order).
pub const METHODS: [(&str, u32); 5] = [
    ("wechat_pay", 450),
    ("alipay", 300),
    ("bank_card", 150),
    ("cash", 80),
    ("company_account", 20),
];

/// A geometric count with the given mean (0, 1, 2 …).
fn geometric(rng: &mut StdRng, mean: f64) -> u64 {
    let p = 1.0 / (1.0 + mean);
    let mut n = 0;
    while !rng.random_bool(p) && n < 60 {
        n += 1;
    }
    n
}

fn method(rng: &mut StdRng) -> usize {
    let mut roll = rng.random_range(0..1000);
    for (i, (_, share)) in METHODS.iter().enumerate() {
        if roll < *share {
            return i;
        }
        roll -= share;
    }
    0
}

/// The stays of every room from `start` until `horizon`, sorted by arrival (then room).
/// `occupancy` is the share of room nights sold, `mean_nights` the average length of stay.
pub fn plan(
    seed: u64,
    rooms: &[Room],
    start: NaiveDate,
    today: NaiveDate,
    horizon: NaiveDate,
    occupancy: f64,
    mean_nights: f64,
) -> Vec<Stay> {
    // Cancelled and no-show bookings leave their slot empty; sell a little more to make up.
    let sold = occupancy / 0.93;
    let mean_gap = mean_nights * (1.0 - sold) / sold;
    let mut out = Vec::new();
    for (index, _) in rooms.iter().enumerate() {
        let mut rng =
            StdRng::seed_from_u64(seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut day = start + Days::new(geometric(&mut rng, mean_gap));
        while day < horizon {
            let nights = 1 + geometric(&mut rng, mean_nights - 1.0);
            let departure = day + Days::new(nights);
            let roll = rng.random_range(0..100);
            let fate = if departure <= today {
                match roll {
                    0..=4 => Fate::Cancelled,
                    5..=6 => Fate::NoShow,
                    _ => Fate::CheckedOut,
                }
            } else if day < today || (day == today && roll < 50) {
                Fate::InHouse
            } else {
                Fate::Confirmed
            };
            out.push(Stay {
                room: index,
                arrival: day,
                departure,
                fate,
                lead_days: u32::try_from(geometric(&mut rng, 12.0)).unwrap_or(0),
                method: method(&mut rng),
            });
            day = departure + Days::new(geometric(&mut rng, mean_gap));
        }
    }
    out.sort_by_key(|s| (s.arrival, s.room));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rooms(n: usize) -> Vec<Room> {
        (0..n)
            .map(|i| Room {
                id: i32::try_from(i).unwrap_or(0) + 1,
                type_id: 1,
                plan_id: 1,
                price_minor: 38800,
                tax_minor: 2196,
            })
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn the_peer_hotel_sells_seventy_percent_at_about_one_point_seven_four_nights() {
        let (start, today) = (day(2024, 11, 23), day(2026, 11, 23));
        let stays = plan(7, &rooms(50), start, today, today, 0.70, 1.74);
        let sold: u64 = stays
            .iter()
            .filter(|s| s.fate.holds_nights())
            .map(Stay::nights)
            .sum();
        let room_nights = 50 * (today - start).num_days() as u64;
        let occupancy = sold as f64 / room_nights as f64;
        assert!((0.66..0.74).contains(&occupancy), "occupancy {occupancy}");
        let mean = stays.iter().map(Stay::nights).sum::<u64>() as f64 / stays.len() as f64;
        assert!((1.6..1.9).contains(&mean), "mean stay {mean}");
        assert!(
            (13_500..16_000).contains(&stays.len()),
            "{} bookings",
            stays.len()
        );
        // Deterministic: the same seed gives the same hotel.
        let again = plan(7, &rooms(50), start, today, today, 0.70, 1.74);
        assert_eq!(again.len(), stays.len());
        assert_eq!(again[100].arrival, stays[100].arrival);
    }

    #[test]
    fn no_room_holds_two_stays_on_one_night() {
        let (start, today) = (day(2025, 1, 1), day(2026, 1, 1));
        let stays = plan(3, &rooms(5), start, today, day(2026, 3, 1), 0.9, 2.5);
        let mut taken = std::collections::HashSet::new();
        for s in stays.iter().filter(|s| s.fate.holds_nights()) {
            for n in 0..s.nights() {
                assert!(taken.insert((s.room, s.arrival + Days::new(n))), "{s:?}");
            }
        }
    }
}
