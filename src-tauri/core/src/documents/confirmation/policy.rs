//! The rate plan's cancellation policy and no-show rule in words, Chinese and English, with the
//! deadline as a hotel-local date and time and the fee as an amount where the nights are known.

use chrono::{NaiveTime, TimeDelta};

use super::data::{Confirmation, Stay};
use crate::documents::format;
use crate::pricing::{self, CancellationFee, NoShowRule};
use crate::reservations::state;

/// What `fee` charges, in both languages, with its amount for this stay when known.
fn charge(c: &Confirmation, stay: &Stay, fee: &CancellationFee) -> (String, String) {
    let amount = stay.quote.as_ref().map(|q| {
        let rule = NoShowRule { fee: fee.clone() };
        format::money(
            pricing::no_show_fee(&rule, q, c.digits),
            c.digits,
            &c.currency,
        )
    });
    let with = |text: String, open: &str, close: &str| match &amount {
        Some(a) => format!("{text}{open}{a}{close}"),
        None => text,
    };
    let (zh, en) = match fee {
        CancellationFee::None => ("不收费".to_string(), "nothing".to_string()),
        CancellationFee::FirstNight => ("首晚房费".into(), "the first night".into()),
        CancellationFee::Percent(p) => (
            format!("房费总额的 {}%", format::percent(*p)),
            format!("{}% of the stay", format::percent(*p)),
        ),
        CancellationFee::WholeStay => ("全部房费".into(), "the whole stay".into()),
    };
    (with(zh, "（", "）"), with(en, " (", ")"))
}

/// How long before the check-in time cancelling stays free: "2 天 / 2 days", "6 小时 / 6 hours".
fn span(hours: u32) -> (String, String) {
    if hours > 0 && hours.is_multiple_of(24) {
        let days = hours / 24;
        let plural = if days == 1 { "day" } else { "days" };
        (format!("{days} 天"), format!("{days} {plural}"))
    } else {
        let plural = if hours == 1 { "hour" } else { "hours" };
        (format!("{hours} 小时"), format!("{hours} {plural}"))
    }
}

/// The policy of one stay as two sentences pairs: (Chinese, English).
pub(crate) fn describe(c: &Confirmation, stay: &Stay) -> (String, String) {
    if stay.state == state::TENTATIVE {
        return (
            "暂定预订：确认之前可随时免费取消。".into(),
            "Tentative booking: it may be cancelled free of charge until it is confirmed.".into(),
        );
    }
    let (cancel_zh, cancel_en) = cancellation(c, stay);
    let (no_show_zh, no_show_en) = match &stay.no_show.fee {
        CancellationFee::None => (
            "未到不收费。".to_string(),
            "A no-show is not charged.".to_string(),
        ),
        fee => {
            let (zh, en) = charge(c, stay, fee);
            (
                format!("如未取消且未入住（未到），收取{zh}。"),
                format!("If you do not arrive and have not cancelled (no-show), {en} is charged."),
            )
        }
    };
    (
        format!("{cancel_zh}{no_show_zh}"),
        format!("{cancel_en} {no_show_en}"),
    )
}

fn cancellation(c: &Confirmation, stay: &Stay) -> (String, String) {
    let policy = &stay.policy;
    if policy.fee == CancellationFee::None {
        return (
            "可随时免费取消。".into(),
            "Cancellation is free of charge at any time.".into(),
        );
    }
    let (fee_zh, fee_en) = charge(c, stay, &policy.fee);
    let check_in = NaiveTime::parse_from_str(&c.check_in, "%H:%M").unwrap_or(NaiveTime::MIN);
    let arrival_at = stay.arrival.and_time(check_in);
    let hours = policy.free_until_hours_before;
    let deadline = arrival_at
        .checked_sub_signed(TimeDelta::hours(i64::from(hours)))
        .unwrap_or(arrival_at)
        .format("%Y-%m-%d %H:%M");
    if hours == 0 {
        return (
            format!(
                "抵店当日 {} 前可免费取消；此后取消收取{fee_zh}。",
                c.check_in
            ),
            format!(
                "Free cancellation until {} on the day of arrival; later cancellations are charged {fee_en}.",
                c.check_in
            ),
        );
    }
    let (span_zh, span_en) = span(hours);
    (
        format!(
            "抵店前 {span_zh}（{deadline} 前，酒店当地时间）可免费取消；此后取消收取{fee_zh}。"
        ),
        format!(
            "Free cancellation until {span_en} before arrival ({deadline}, hotel time); later cancellations are charged {fee_en}."
        ),
    )
}
