//! Cancellation and no-show fees.

use chrono::Weekday::Thu;

use super::*;

fn fee_quote() -> Quote {
    let mut t = terms("300");
    t.rules
        .push(rule(None, None, WeekdaySet::of(&[Thu]), Some("299.99")));
    stay(&t, "2026-10-04").unwrap()
}

#[test]
fn cancelling_is_free_until_the_window_closes() {
    let q = fee_quote();
    let policy = CancellationPolicy {
        free_until_hours_before: 24,
        fee: CancellationFee::FirstNight,
    };
    let check_in = at("2026-10-01 14:00");
    let fee_at = |now: &str| cancellation_fee(&policy, &q, check_in, at(now), 2);
    assert_eq!(fee_at("2026-09-29 09:00"), d("0"));
    assert_eq!(fee_at("2026-09-30 14:00").to_string(), "0.00");
    assert_eq!(fee_at("2026-09-30 14:01"), d("299.99"));
    assert_eq!(fee_at("2026-10-02 08:00"), d("299.99"));
}

#[test]
fn each_fee_kind_charges_what_it_says() {
    let q = fee_quote();
    assert_eq!(q.total, d("899.99"));
    let late = |fee| {
        let policy = CancellationPolicy {
            free_until_hours_before: 48,
            fee,
        };
        cancellation_fee(
            &policy,
            &q,
            at("2026-10-01 14:00"),
            at("2026-10-01 10:00"),
            2,
        )
    };
    assert_eq!(late(CancellationFee::None), d("0"));
    assert_eq!(late(CancellationFee::FirstNight), d("299.99"));
    assert_eq!(
        late(CancellationFee::Percent(d("50"))).to_string(),
        "450.00"
    );
    assert_eq!(late(CancellationFee::Percent(d("150"))), d("899.99"));
    assert_eq!(late(CancellationFee::WholeStay), d("899.99"));
    let no_show = NoShowRule {
        fee: CancellationFee::Percent(d("10")),
    };
    assert_eq!(no_show_fee(&no_show, &q, 2), d("90.00"));
}
