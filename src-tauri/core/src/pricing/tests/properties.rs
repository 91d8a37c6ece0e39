//! Properties every quote keeps, whatever the terms, dates and promotion.

use proptest::prelude::*;

use super::*;

fn any_terms() -> impl Strategy<Value = RatePlanTerms> {
    let any_rule = (
        proptest::option::of(0i64..60),
        proptest::option::of(0i64..60),
        0u8..128,
        proptest::option::of(0i64..200_000),
    )
        .prop_map(|(from, len, days, price)| {
            let start = day("2026-10-01");
            let from = from.map(|f| start + TimeDelta::days(f));
            PriceRule {
                from,
                to: len.map(|l| from.unwrap_or(start) + TimeDelta::days(l)),
                weekdays: WeekdaySet(days),
                price: price.map(|p| Decimal::new(p, 2)),
                closed_to_arrival: false,
                closed_to_departure: false,
            }
        });
    (
        0i64..200_000,
        any::<bool>(),
        0i64..=30,
        proptest::collection::vec(any_rule, 0..5),
        0u32..=2,
    )
        .prop_map(|(base, tax_inclusive, rate, rules, digits)| RatePlanTerms {
            base_price: Decimal::new(base, 2),
            tax_inclusive,
            tax_rate: Decimal::new(rate, 2),
            rules,
            min_stay: 0,
            max_stay: None,
            currency_digits: digits,
        })
}

fn any_promotion() -> impl Strategy<Value = Option<Promotion>> {
    proptest::option::of(prop_oneof![
        (0i64..=12_000).prop_map(|p| Discount::Percent(Decimal::new(p, 2))),
        (0i64..2_000_000).prop_map(|a| Discount::Amount(Decimal::new(a, 2))),
    ])
    .prop_map(|kind| kind.map(promo))
}

proptest! {
    #[test]
    fn quotes_add_up_cover_every_night_and_never_go_negative(
        t in any_terms(), offset in 0i64..60, nights in 1i64..30, p in any_promotion(),
    ) {
        let arrival = day("2026-10-01") + TimeDelta::days(offset);
        let departure = arrival + TimeDelta::days(nights);
        let q = quote(&t, arrival, departure, p.as_ref(), day(BOOKED)).unwrap();

        let amounts: Decimal = q.nights.iter().map(|n| n.amount).sum();
        prop_assert_eq!(q.total, amounts);
        prop_assert_eq!(q.total, q.net_total + q.tax_total);

        let dates: Vec<NaiveDate> = q.nights.iter().map(|n| n.night).collect();
        let expected: Vec<NaiveDate> = arrival.iter_days().take(nights as usize).collect();
        prop_assert_eq!(dates, expected);

        let listed: Decimal = q.nights.iter().map(|n| n.price).sum();
        for n in &q.nights {
            prop_assert!(n.amount >= Decimal::ZERO && n.net >= Decimal::ZERO);
            prop_assert!(n.discount >= Decimal::ZERO && n.discount <= n.price);
            prop_assert_eq!(n.amount, n.net + n.tax);
        }
        prop_assert!(q.discount_total <= listed);
        if let Some(Discount::Amount(a)) = p.map(|p| p.kind) {
            prop_assert_eq!(q.discount_total, round(a, t.currency_digits).min(listed));
        }
    }

    #[test]
    fn requoting_the_same_stay_changes_nothing(
        t in any_terms(), nights in 1i64..30, p in any_promotion(),
    ) {
        let arrival = day("2026-10-01");
        let departure = arrival + TimeDelta::days(nights);
        let q = quote(&t, arrival, departure, p.as_ref(), day(BOOKED)).unwrap();
        let again = requote(&t, &q, arrival, departure, p.as_ref(), day(BOOKED)).unwrap();
        prop_assert_eq!(again, q);
    }
}
