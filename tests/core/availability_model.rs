//! Availability against a simple reference model: random sequences of bookings and
//! cancellations on a real database; after each, every type and night must match the counts
//! the model keeps by hand.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use innkeep_core::availability;
use innkeep_core::reservations;
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, t0};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    /// Book type 0 (STD, 5 rooms, overbook 1) or 1 (DLX, 2 rooms), from day `start` for `nights`.
    Book {
        dlx: bool,
        start: u32,
        nights: u32,
        overbook: bool,
    },
    /// Cancel the n-th booking made so far (if any is still active).
    Cancel { nth: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<bool>(), 0..6_u32, 1..4_u32, any::<bool>()).prop_map(|(dlx, start, nights, overbook)| Op::Book { dlx, start, nights, overbook }),
        1 => (0..20_usize).prop_map(|nth| Op::Cancel { nth }),
    ]
}

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap() + Duration::days(i64::from(n))
}

async fn run(ops: Vec<Op>) {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, std_plan, dlx, dlx_plan) = rooms_and_rates(&t.db, &admin).await;
    let capacity = HashMap::from([(std, (5_i32, 1_i32)), (dlx, (2, 0))]);
    let mut sold: HashMap<(i32, NaiveDate), i32> = HashMap::new();
    let mut made: Vec<(i32, i32, u32, u32, bool)> = Vec::new(); // (id, type, start, nights, active)
    for op in ops {
        match op {
            Op::Book {
                dlx: is_dlx,
                start,
                nights,
                overbook,
            } => {
                let (type_id, plan) = if is_dlx {
                    (dlx, dlx_plan)
                } else {
                    (std, std_plan)
                };
                let (rooms, limit) = capacity[&type_id];
                let mut input = booking(type_id, plan, day(start), i64::from(nights));
                input.confirm_overbooking = overbook;
                let nights_of = (start..start + nights).map(day).collect::<Vec<_>>();
                let max_sold = nights_of
                    .iter()
                    .map(|d| sold.get(&(type_id, *d)).copied().unwrap_or(0))
                    .max()
                    .unwrap_or(0);
                let expect_ok = max_sold < rooms || (overbook && max_sold < rooms + limit);
                match reservations::create(&t.db.conn, t0(), &admin, input).await {
                    Ok(v) => {
                        assert!(expect_ok, "booked beyond the model's limit");
                        for d in &nights_of {
                            *sold.entry((type_id, *d)).or_default() += 1;
                        }
                        made.push((v[0].id, type_id, start, nights, true));
                    }
                    Err(e) => assert!(!expect_ok, "refused although the model has room: {e}"),
                }
            }
            Op::Cancel { nth } => {
                if let Some(m) = made.get_mut(nth).filter(|m| m.4) {
                    reservations::cancel(&t.db.conn, t0(), &admin, m.0, "changed plans")
                        .await
                        .unwrap();
                    m.4 = false;
                    for d in (m.2..m.2 + m.3).map(day) {
                        *sold.entry((m.1, d)).or_default() -= 1;
                    }
                }
            }
        }
        let a = availability::for_range(&t.db.conn, admin.property_id, day(0), day(10))
            .await
            .unwrap();
        for n in a {
            let (rooms, limit) = capacity[&n.room_type_id];
            let s = sold.get(&(n.room_type_id, n.night)).copied().unwrap_or(0);
            assert_eq!(
                (n.sold as i32, n.available, n.sellable),
                (s, rooms - s, rooms - s + limit),
                "{n:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn availability_matches_a_reference_model(ops in prop::collection::vec(op(), 1..25)) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(run(ops));
    }
}
