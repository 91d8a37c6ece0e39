//! Quotes as the front desk sees them: prices, tax, restrictions, promotions and changes.

use std::str::FromStr;

use chrono::Weekday::{Fri, Sat, Thu};
use chrono::{NaiveDateTime, TimeDelta};

use super::*;

mod fees;
mod properties;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn terms(base: &str) -> RatePlanTerms {
    RatePlanTerms {
        base_price: d(base),
        tax_inclusive: true,
        tax_rate: d("0.06"),
        rules: vec![],
        min_stay: 1,
        max_stay: None,
        currency_digits: 2,
    }
}

fn rule(
    from: Option<&str>,
    to: Option<&str>,
    weekdays: WeekdaySet,
    price: Option<&str>,
) -> PriceRule {
    PriceRule {
        from: from.map(day),
        to: to.map(day),
        weekdays,
        price: price.map(d),
        closed_to_arrival: false,
        closed_to_departure: false,
    }
}

fn promo(kind: Discount) -> Promotion {
    Promotion {
        code: "AUTUMN".into(),
        kind,
        valid_from: day("2026-09-01"),
        valid_to: day("2026-09-30"),
        remaining_uses: Some(5),
    }
}

const BOOKED: &str = "2026-09-15";

/// Quotes 2026-10-01 (a Thursday) to `departure` with no promotion.
fn stay(t: &RatePlanTerms, departure: &str) -> Result<Quote> {
    quote(t, day("2026-10-01"), day(departure), None, day(BOOKED))
}

fn amounts(q: &Quote) -> Vec<String> {
    q.nights.iter().map(|n| n.amount.to_string()).collect()
}

#[test]
fn weekend_nights_cost_the_weekend_price() {
    let mut t = terms("300");
    t.rules
        .push(rule(None, None, WeekdaySet::of(&[Fri, Sat]), Some("380")));
    let q = stay(&t, "2026-10-05").unwrap();
    assert_eq!(amounts(&q), ["300.00", "380.00", "380.00", "300.00"]);
    assert_eq!(q.nights[1].source, PriceSource::Rule(0));
    assert_eq!(q.nights[3].source, PriceSource::Base);
    assert_eq!(q.total.to_string(), "1360.00");
}

#[test]
fn the_narrowest_date_range_sets_the_price() {
    let mut t = terms("300");
    t.rules = vec![
        rule(
            Some("2026-10-01"),
            Some("2026-10-07"),
            WeekdaySet::ALL,
            Some("500"),
        ),
        rule(None, None, WeekdaySet::of(&[Fri, Sat]), Some("380")),
        rule(
            Some("2026-10-03"),
            Some("2026-10-03"),
            WeekdaySet::ALL,
            Some("450"),
        ),
        rule(
            Some("2026-10-01"),
            Some("2026-10-07"),
            WeekdaySet::of(&[Thu, Fri]),
            Some("520"),
        ),
        rule(None, Some("2026-12-31"), WeekdaySet::ALL, None),
    ];
    let q = quote(&t, day("2026-10-01"), day("2026-10-10"), None, day(BOOKED)).unwrap();
    // Thu/Fri in the golden week: the later of two equal seasons; Sat 3rd: its one-day rule;
    // Sun–Wed: the season; Thu 8th: base; Fri/Sat after the season: the weekend rule.
    assert_eq!(
        amounts(&q),
        [
            "520.00", "520.00", "450.00", "500.00", "500.00", "500.00", "500.00", "300.00",
            "380.00"
        ]
    );
    assert_eq!(q.nights[2].source, PriceSource::Rule(2));
    assert_eq!(q.nights[8].source, PriceSource::Rule(1));
}

#[test]
fn tax_inclusive_prices_split_out_the_tax() {
    let q = stay(&terms("299"), "2026-10-02").unwrap();
    let n = &q.nights[0];
    assert_eq!(
        (n.amount.to_string(), n.tax.to_string(), n.net.to_string()),
        ("299.00".into(), "16.92".into(), "282.08".into())
    );
    assert_eq!(
        (q.total, q.tax_total, q.net_total),
        (d("299"), d("16.92"), d("282.08"))
    );
}

#[test]
fn tax_exclusive_prices_add_the_tax() {
    let mut t = terms("299");
    t.tax_inclusive = false;
    let q = stay(&t, "2026-10-03").unwrap();
    assert_eq!(
        (q.nights[0].net, q.nights[0].tax, q.nights[0].amount),
        (d("299"), d("17.94"), d("316.94"))
    );
    assert_eq!(
        (q.net_total, q.tax_total, q.total),
        (d("598"), d("35.88"), d("633.88"))
    );
}

#[test]
fn stays_outside_the_length_limits_are_refused() {
    let mut t = terms("300");
    t.min_stay = 2;
    t.max_stay = Some(7);
    assert_eq!(
        stay(&t, "2026-10-02"),
        Err(PricingError::StayTooShort { min: 2 })
    );
    assert_eq!(
        stay(&t, "2026-10-09"),
        Err(PricingError::StayTooLong { max: 7 })
    );
    assert_eq!(stay(&t, "2026-10-08").unwrap().nights.len(), 7);
    assert_eq!(
        stay(&t, "2026-10-01"),
        Err(PricingError::DepartureNotAfterArrival)
    );
    let api = PricingError::StayTooShort { min: 2 }.to_api();
    assert_eq!(api.key, "errors.pricing.stay_too_short");
    assert_eq!(api.params["min"], "2");
    assert_eq!(api.params["field"], "departure");
}

#[test]
fn closed_dates_refuse_arrivals_and_departures_but_not_stays_through_them() {
    let mut t = terms("300");
    let mut closed = rule(
        Some("2026-10-03"),
        Some("2026-10-03"),
        WeekdaySet::ALL,
        None,
    );
    closed.closed_to_arrival = true;
    closed.closed_to_departure = true;
    t.rules.push(closed);
    let err = quote(&t, day("2026-10-03"), day("2026-10-05"), None, day(BOOKED)).unwrap_err();
    assert_eq!(
        err,
        PricingError::ClosedToArrival {
            date: day("2026-10-03")
        }
    );
    assert_eq!(err.field(), "arrival");
    assert_eq!(err.to_api().params["date"], "2026-10-03");
    assert_eq!(
        stay(&t, "2026-10-03").unwrap_err().to_api().key,
        "errors.pricing.closed_to_departure"
    );
    // Staying through the closed date is fine, and a closure alone does not change the price.
    assert_eq!(stay(&t, "2026-10-05").unwrap().total, d("1200"));
}

#[test]
fn a_percent_promotion_takes_off_every_night() {
    let p = promo(Discount::Percent(d("10")));
    let q = quote(
        &terms("299"),
        day("2026-10-01"),
        day("2026-10-03"),
        Some(&p),
        day(BOOKED),
    )
    .unwrap();
    assert_eq!(q.nights[0].discount, d("29.90"));
    assert_eq!(q.nights[0].amount, d("269.10"));
    assert_eq!((q.discount_total, q.total), (d("59.80"), d("538.20")));
    assert_eq!(q.promotion.as_deref(), Some("AUTUMN"));
}

#[test]
fn an_amount_promotion_is_spread_exactly_over_the_nights() {
    let p = promo(Discount::Amount(d("100")));
    let q = quote(
        &terms("333.33"),
        day("2026-10-01"),
        day("2026-10-04"),
        Some(&p),
        day(BOOKED),
    )
    .unwrap();
    let discounts: Vec<String> = q.nights.iter().map(|n| n.discount.to_string()).collect();
    assert_eq!(discounts, ["33.34", "33.33", "33.33"]);
    assert_eq!((q.discount_total, q.total), (d("100.00"), d("899.99")));
}

#[test]
fn an_amount_larger_than_the_stay_makes_it_free_but_never_negative() {
    let mut t = terms("100");
    t.rules
        .push(rule(None, None, WeekdaySet::of(&[Fri]), Some("500")));
    let p = promo(Discount::Amount(d("550")));
    let q = quote(
        &t,
        day("2026-10-01"),
        day("2026-10-03"),
        Some(&p),
        day(BOOKED),
    )
    .unwrap();
    assert_eq!(amounts(&q), ["0.00", "50.00"]);
    let p = promo(Discount::Amount(d("1000")));
    let q = quote(
        &t,
        day("2026-10-01"),
        day("2026-10-03"),
        Some(&p),
        day(BOOKED),
    )
    .unwrap();
    assert_eq!((q.total, q.discount_total), (d("0"), d("600")));
}

#[test]
fn expired_or_used_up_promotions_are_refused() {
    let t = terms("300");
    let mut p = promo(Discount::Percent(d("10")));
    let on = |p: &Promotion, today: &str| {
        quote(
            &t,
            day("2026-10-01"),
            day("2026-10-02"),
            Some(p),
            day(today),
        )
    };
    let not_valid = Err(PricingError::PromotionNotValid {
        code: "AUTUMN".into(),
    });
    assert_eq!(on(&p, "2026-10-01"), not_valid);
    assert_eq!(on(&p, "2026-08-31"), not_valid);
    assert!(on(&p, "2026-09-30").is_ok());
    p.remaining_uses = Some(0);
    let err = on(&p, "2026-09-30").unwrap_err();
    assert_eq!(
        err,
        PricingError::PromotionUsedUp {
            code: "AUTUMN".into()
        }
    );
    assert_eq!(
        (err.field(), err.to_api().params["code"].as_str()),
        ("promotion", "AUTUMN")
    );
    p.remaining_uses = None;
    p.kind = Discount::Amount(d("-50"));
    assert_eq!(on(&p, "2026-09-30"), not_valid);
}

#[test]
fn negative_prices_are_refused() {
    let mut t = terms("300");
    t.rules.push(rule(None, None, WeekdaySet::ALL, Some("-1")));
    assert_eq!(stay(&t, "2026-10-02"), Err(PricingError::NegativePrice));
    assert_eq!(
        PricingError::NegativePrice.to_api().key,
        "errors.pricing.negative_price"
    );
}

#[test]
fn a_changed_stay_keeps_the_booked_price_of_its_unchanged_nights() {
    let booked = stay(&terms("300"), "2026-10-04").unwrap();
    let mut raised = terms("350");
    raised
        .rules
        .push(rule(None, None, WeekdaySet::ALL, Some("360")));
    let longer = requote(
        &raised,
        &booked,
        day("2026-10-01"),
        day("2026-10-05"),
        None,
        day(BOOKED),
    )
    .unwrap();
    assert_eq!(amounts(&longer), ["300.00", "300.00", "300.00", "360.00"]);
    assert_eq!(longer.total, d("1260"));
    let moved = requote(
        &raised,
        &booked,
        day("2026-10-02"),
        day("2026-10-04"),
        None,
        day(BOOKED),
    )
    .unwrap();
    assert_eq!(
        (moved.nights[0].night, moved.total),
        (day("2026-10-02"), d("600"))
    );
}

#[test]
fn a_changed_stay_keeps_its_promotion_and_checks_only_moved_dates() {
    let p = promo(Discount::Amount(d("100")));
    let mut t = terms("300");
    let booked = quote(
        &t,
        day("2026-10-01"),
        day("2026-10-03"),
        Some(&p),
        day(BOOKED),
    )
    .unwrap();
    let mut closed = rule(
        Some("2026-09-30"),
        Some("2026-10-01"),
        WeekdaySet::ALL,
        None,
    );
    closed.closed_to_arrival = true;
    t.rules.push(closed);
    let mut used = p.clone();
    used.remaining_uses = Some(0);
    // The promotion has expired and is used up, the arrival day is now closed: the extension
    // still goes through and the 100 off the stay is not given twice.
    let later = day("2026-10-02");
    let longer = requote(
        &t,
        &booked,
        day("2026-10-01"),
        day("2026-10-04"),
        Some(&used),
        later,
    )
    .unwrap();
    assert_eq!((longer.discount_total, longer.total), (d("100"), d("800")));
    let moved = requote(
        &t,
        &booked,
        day("2026-09-30"),
        day("2026-10-03"),
        Some(&used),
        later,
    );
    assert_eq!(
        moved,
        Err(PricingError::ClosedToArrival {
            date: day("2026-09-30")
        })
    );
    let other = Promotion {
        code: "WINTER".into(),
        ..used
    };
    let err = requote(
        &t,
        &booked,
        day("2026-10-01"),
        day("2026-10-04"),
        Some(&other),
        later,
    );
    assert_eq!(
        err,
        Err(PricingError::PromotionNotValid {
            code: "WINTER".into()
        })
    );
}

#[test]
fn quotes_cross_to_the_ui_as_decimal_strings() {
    let json = serde_json::to_value(stay(&terms("299"), "2026-10-02").unwrap()).unwrap();
    assert_eq!(json["netTotal"], "282.08");
    assert_eq!(json["nights"][0]["night"], "2026-10-01");
    assert_eq!(json["nights"][0]["source"], "base");
    let fee = serde_json::to_value(CancellationFee::Percent(d("50"))).unwrap();
    assert_eq!(fee["percent"], "50");
}
