//! The confirmation laid out: letterhead, the booking's facts, one priced table per room,
//! totals, the policy, special requests and the hotel's times.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::data::{Confirmation, Stay};
use super::policy;
use crate::documents::blocks::{self, Total};
use crate::documents::format::{self, amount, date, weekday};
use crate::documents::layout::{Align, LEFT, Layout, Style, WIDTH};
use crate::documents::table::{Column, Table};
use crate::reservations::state;

pub(crate) const TITLE_ZH: &str = "预订确认";
pub(crate) const TITLE_EN: &str = "Booking confirmation";
const CANCELLED_ZH: &str = "取消确认";
const CANCELLED_EN: &str = "Cancellation confirmation";

/// The document's title: a booking confirmation, or a cancellation's once every room is cancelled.
fn titles(c: &Confirmation) -> (&'static str, &'static str) {
    if c.cancelled() {
        (CANCELLED_ZH, CANCELLED_EN)
    } else {
        (TITLE_ZH, TITLE_EN)
    }
}

fn state_label(s: &str) -> &'static str {
    match s {
        state::TENTATIVE => "暂定 Tentative",
        state::CONFIRMED => "已确认 Confirmed",
        state::CHECKED_IN => "已入住 Checked in",
        state::CHECKED_OUT => "已离店 Checked out",
        state::CANCELLED => "已取消 Cancelled",
        state::NO_SHOW => "未到 No-show",
        _ => "—",
    }
}

/// Writes one confirmation as its own section (numbered on its own).
pub(crate) fn render(l: &mut Layout, c: &Confirmation) {
    let (title_zh, title_en) = titles(c);
    l.start_section(format!(
        "{} · {title_zh} {title_en} · {}",
        c.hotel.name, c.booking_no
    ));
    blocks::letterhead(l, &c.hotel, title_zh, title_en);
    greeting(l, c);
    facts(l, c);
    for (i, stay) in c.stays.iter().enumerate() {
        room(l, c, i, stay);
    }
    totals(l, c);
    policies(l, c);
    requests(l, c);
    closing(l, c);
}

fn greeting(l: &mut Layout, c: &Confirmation) {
    let body = Style::new(9.5).grey(0.1);
    l.paragraph(
        LEFT,
        WIDTH,
        body,
        &if c.cancelled() {
            format!(
                "尊敬的 {}：您在{}的预订已取消，详情如下。",
                c.guest, c.hotel.name
            )
        } else {
            format!(
                "尊敬的 {}：感谢您选择{}，现确认您的预订如下。",
                c.guest, c.hotel.name
            )
        },
    );
    l.paragraph(
        LEFT,
        WIDTH,
        body,
        &if c.cancelled() {
            format!(
                "Dear {}, your reservation at {} has been cancelled as follows.",
                c.guest, c.hotel.name
            )
        } else {
            format!(
                "Dear {}, thank you for choosing {}. We are pleased to confirm your reservation as follows.",
                c.guest, c.hotel.name
            )
        },
    );
    l.y += 10.0;
}

fn facts(l: &mut Layout, c: &Confirmation) {
    let (arrival, departure) = c.dates();
    let nights = (departure - arrival).num_days();
    let mut states: Vec<&str> = c.stays.iter().map(|s| state_label(&s.state)).collect();
    states.dedup();
    let contact: Vec<&str> = [c.guest_phone.as_str(), c.guest_email.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let mut items = vec![
        ("预订号 Booking number", c.booking_no.clone()),
        ("签发日期 Date of issue", date(c.issued)),
        ("宾客 Guest", c.guest.clone()),
        ("状态 Status", states.join(" / ")),
        (
            "抵店 Arrival",
            format!(
                "{} {} · {} 起 from {}",
                date(arrival),
                weekday(arrival),
                c.check_in,
                c.check_in
            ),
        ),
        (
            "离店 Departure",
            format!(
                "{} {} · {} 前 until {}",
                date(departure),
                weekday(departure),
                c.check_out,
                c.check_out
            ),
        ),
        ("间夜 Nights", nights.to_string()),
        (
            "房间数 Rooms",
            if c.cancelled() {
                c.stays.len()
            } else {
                c.active().count()
            }
            .to_string(),
        ),
    ];
    if !contact.is_empty() {
        items.push(("联系方式 Contact", contact.join(" · ")));
    }
    blocks::facts(l, &items);
}

fn room(l: &mut Layout, c: &Confirmation, index: usize, stay: &Stay) {
    let (zh, en) = if c.stays.len() > 1 {
        (
            format!("房间 {} · {}", index + 1, stay.type_zh),
            format!("Room {} · {}", index + 1, stay.type_en),
        )
    } else {
        (
            format!("客房 · {}", stay.type_zh),
            format!("Room · {}", stay.type_en),
        )
    };
    blocks::section_title(l, &zh, &en);
    let mut detail = vec![
        format!("{} {}", stay.plan_zh, stay.plan_en),
        format!("成人 Adults {}", stay.adults),
        format!("儿童 Children {}", stay.children),
    ];
    if let Some(n) = &stay.room_number {
        detail.push(format!("房号 Room no. {n}"));
    }
    if c.stays.len() > 1 {
        detail.push(format!("{} – {}", date(stay.arrival), date(stay.departure)));
    }
    if stay.state != state::CONFIRMED {
        detail.push(state_label(&stay.state).to_string());
    }
    l.paragraph(
        LEFT,
        WIDTH,
        Style::new(8.5).grey(0.3),
        &detail.join("  ·  "),
    );
    l.y += 8.0;
    if stay.state == state::CANCELLED || stay.state == state::NO_SHOW {
        let fee = stay.cancel_fee.unwrap_or(Decimal::ZERO);
        let note = if fee.is_zero() {
            format!("{} · 未收费 No charge", state_label(&stay.state))
        } else {
            let money = format::money(fee, c.digits, &c.currency);
            format!(
                "{} · 收取费用 Fee charged: {money}",
                state_label(&stay.state)
            )
        };
        l.paragraph(LEFT, WIDTH, Style::new(9.5), &note);
        return;
    }
    nights(l, c, stay);
}

fn nights(l: &mut Layout, c: &Confirmation, stay: &Stay) {
    let table = Table::new(
        LEFT,
        WIDTH,
        vec![
            Column {
                zh: "日期",
                en: "Date",
                weight: 1.3,
                align: Align::Left,
            },
            Column {
                zh: "星期",
                en: "Day",
                weight: 1.0,
                align: Align::Left,
            },
            Column {
                zh: "房价",
                en: "Rate",
                weight: 1.2,
                align: Align::Right,
            },
            Column {
                zh: "优惠",
                en: "Discount",
                weight: 1.2,
                align: Align::Right,
            },
            Column {
                zh: "金额",
                en: "Amount",
                weight: 1.3,
                align: Align::Right,
            },
        ],
    );
    table.head(l);
    let d = c.digits;
    match &stay.quote {
        Some(q) => {
            for n in &q.nights {
                let discount = if n.discount.is_zero() {
                    "—".to_string()
                } else {
                    amount(-n.discount, d)
                };
                table.row(
                    l,
                    &[
                        date(n.night),
                        weekday(n.night).to_string(),
                        amount(n.price, d),
                        discount,
                        amount(n.amount, d),
                    ],
                    false,
                );
            }
        }
        None => {
            let nights = (stay.departure - stay.arrival).num_days();
            table.row(
                l,
                &[
                    format!("{} – {}", date(stay.arrival), date(stay.departure)),
                    format!("{nights} 晚 nights"),
                    String::new(),
                    String::new(),
                    amount(stay.total, d),
                ],
                false,
            );
        }
    }
    l.y += 4.0;
}

/// Sums over the stays that count: listed prices, discounts, tax by mode and rate, totals.
fn totals(l: &mut Layout, c: &Confirmation) {
    if c.active().next().is_none() {
        return;
    }
    let d = c.digits;
    let mut listed = Decimal::ZERO;
    let mut discount = Decimal::ZERO;
    let mut total = Decimal::ZERO;
    let mut taxes: BTreeMap<(bool, String), Decimal> = BTreeMap::new();
    let mut codes: Vec<String> = Vec::new();
    for s in c.active() {
        total += s.total;
        match &s.quote {
            Some(q) => {
                listed += q.nights.iter().map(|n| n.price).sum::<Decimal>();
                discount += q.discount_total;
                *taxes
                    .entry((s.tax_inclusive, format::percent(s.tax_percent)))
                    .or_default() += q.tax_total;
            }
            None => listed += s.total,
        }
        if let Some(code) = s.promotion.clone().filter(|c| !codes.contains(c)) {
            codes.push(code);
        }
    }
    let mut lines = vec![Total {
        label: "房费 Room charges".into(),
        amount: amount(listed, d),
        strong: false,
    }];
    if !discount.is_zero() {
        lines.push(Total {
            label: format!("优惠 Promotion {}", codes.join(", ")),
            amount: amount(-discount, d),
            strong: false,
        });
    }
    for ((inclusive, rate), tax) in &taxes {
        if !inclusive && !tax.is_zero() {
            lines.push(Total {
                label: format!("税费 Tax {rate}%"),
                amount: amount(*tax, d),
                strong: false,
            });
        }
    }
    lines.push(Total {
        label: format!("总计 Total ({})", c.currency),
        amount: amount(total, d),
        strong: true,
    });
    for ((inclusive, rate), tax) in &taxes {
        if *inclusive && !tax.is_zero() {
            lines.push(Total {
                label: format!("其中含税 Including tax {rate}%"),
                amount: amount(*tax, d),
                strong: false,
            });
        }
    }
    if let Some(guarantee) = guarantee_label(&c.guarantee) {
        lines.push(Total {
            label: "担保方式 Guarantee".into(),
            amount: guarantee.into(),
            strong: false,
        });
    }
    if let Some(due) = c.deposit_due.filter(|d| !d.is_zero()) {
        lines.push(Total {
            label: "应付订金 Deposit due".into(),
            amount: amount(due, d),
            strong: true,
        });
    }
    l.y += 6.0;
    blocks::totals(l, &lines);
    l.y += 6.0;
}

/// How the booking is guaranteed, in both languages; `None` when it is not.
fn guarantee_label(guarantee: &str) -> Option<&'static str> {
    Some(match guarantee {
        "card" => "信用卡担保 Card on file",
        "deposit" => "订金担保 Deposit",
        "company" => "公司担保 Company",
        "prepaid" => "已预付 Prepaid",
        _ => return None,
    })
}

fn policies(l: &mut Layout, c: &Confirmation) {
    blocks::section_title(l, "取消及未到政策", "Cancellation and no-show policy");
    let texts: Vec<(String, String)> = c.stays.iter().map(|s| policy::describe(c, s)).collect();
    // One text for the whole booking when every room has the same terms.
    let same = texts.windows(2).all(|w| w[0] == w[1]);
    for (i, (zh, en)) in texts.iter().enumerate() {
        if same && i > 0 {
            break;
        }
        if !same {
            let style = Style::new(8.5).bold().grey(0.2);
            l.ensure(style.leading() * 3.0);
            let label = format!("房间 {} Room {}", i + 1, i + 1);
            l.text(LEFT, l.y, style, Align::Left, &label);
            l.y += style.leading();
        }
        l.paragraph(LEFT, WIDTH, Style::new(9.0), zh);
        l.paragraph(LEFT, WIDTH, Style::new(8.5).grey(0.3), en);
        l.y += 5.0;
    }
}

fn requests(l: &mut Layout, c: &Confirmation) {
    let mut texts: Vec<&str> = c
        .stays
        .iter()
        .map(|s| s.special_requests.trim())
        .filter(|s| !s.is_empty())
        .collect();
    texts.dedup();
    if texts.is_empty() {
        return;
    }
    blocks::section_title(l, "特殊要求", "Special requests");
    for t in texts {
        l.paragraph(LEFT, WIDTH, Style::new(9.0), t);
    }
    l.paragraph(
        LEFT,
        WIDTH,
        Style::new(8.0).grey(0.4),
        "特殊要求视当日情况尽量安排，恕不保证。 Special requests are subject to availability and cannot be guaranteed.",
    );
}

fn closing(l: &mut Layout, c: &Confirmation) {
    l.y += 14.0;
    l.ensure(40.0);
    let style = Style::new(9.0).grey(0.2);
    l.paragraph(
        LEFT,
        WIDTH,
        style,
        &format!(
            "入住时间 {} 起，退房时间 {} 前。 Check-in from {}, check-out until {}.",
            c.check_in, c.check_out, c.check_in, c.check_out
        ),
    );
    l.paragraph(
        LEFT,
        WIDTH,
        style,
        "我们期待您的光临。 We look forward to welcoming you.",
    );
}
