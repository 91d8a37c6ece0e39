//! The guest folio on A4 in Chinese and English: the hotel, the guest and the stay, every
//! posting in order with charges and payments in their own columns, a running total carried
//! to the next page on long folios ("转下页 Carried forward" / "承前页 Brought forward"), the tax
//! split by rate, payments by method and the balance.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;

use super::account::{self, Hotel, Line, StayFacts};
use super::blocks::{self, Total};
use super::format::{amount, date};
use super::layout::{Align, LEFT, Layout, RIGHT, Style, WIDTH};
use super::table::{Column, Table};
use crate::auth::Actor;
use crate::entity::folio;
use crate::error::{Error, Result};
use crate::permission::Permission;

const TITLE_ZH: &str = "宾客账单";
const TITLE_EN: &str = "Guest folio";

struct Doc {
    hotel: Hotel,
    folio: folio::Model,
    stay: StayFacts,
    lines: Vec<Line>,
}

/// The folio `folio_id` as a PDF (permission `folios.post`).
pub async fn folio_pdf(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    folio_id: i32,
) -> Result<Vec<u8>> {
    actor.require(Permission::FoliosPost)?;
    let hotel = account::hotel(conn, actor.property_id).await?;
    let folio = account::folio_of(conn, actor.property_id, folio_id).await?;
    let stay = account::stay_facts(conn, actor.property_id, folio.reservation_id).await?;
    let lines = account::lines(conn, folio.id, None, hotel.digits).await?;
    let doc = Doc {
        hotel,
        folio,
        stay,
        lines,
    };
    tokio::task::spawn_blocking(move || render(&doc))
        .await
        .map_err(|e| Error::Internal(format!("rendering the folio: {e}")))?
}

/// `folio-F000001.pdf`.
pub fn folio_file_name(number: &str) -> String {
    let safe: String = number
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("folio-{safe}.pdf")
}

fn render(d: &Doc) -> Result<Vec<u8>> {
    let mut l = Layout::new(&format!("{TITLE_ZH} {TITLE_EN} {}", d.folio.number))?;
    l.start_section(format!(
        "{} · {TITLE_ZH} {TITLE_EN} · {} · {}",
        d.hotel.letterhead.name, d.folio.number, d.stay.guest.name
    ));
    blocks::letterhead(&mut l, &d.hotel.letterhead, TITLE_ZH, TITLE_EN);
    facts(&mut l, d);
    postings(&mut l, d);
    totals(&mut l, d);
    taxes(&mut l, d);
    payments(&mut l, d);
    signature(&mut l);
    Ok(l.finish())
}

fn facts(l: &mut Layout, d: &Doc) {
    let s = &d.stay;
    let room = if s.room_number.is_empty() {
        format!("{} {}", s.type_zh, s.type_en)
    } else {
        format!("{} · {} {}", s.room_number, s.type_zh, s.type_en)
    };
    let folio = if d.folio.label.is_empty() {
        d.folio.number.clone()
    } else {
        format!("{} · {}", d.folio.number, d.folio.label)
    };
    let mut items = vec![
        ("宾客 Guest", s.guest.name.clone()),
        ("账单号 Folio", folio),
        ("房间 Room", room),
        ("预订号 Booking number", s.booking_no.clone()),
        ("抵店 Arrival", date(s.arrival)),
        ("离店 Departure", date(s.departure)),
    ];
    if !d.folio.payer_name.is_empty() {
        items.push(("付款方 Payer", d.folio.payer_name.clone()));
    }
    items.push(("打印日期 Printed", date(d.hotel.business_date)));
    blocks::facts(l, &items);
}

fn columns() -> Vec<Column> {
    let column = |zh, en, weight, align| Column {
        zh,
        en,
        weight,
        align,
    };
    vec![
        column("日期", "Date", 1.1, Align::Left),
        column("项目", "Item", 2.4, Align::Left),
        column("说明", "Details", 2.2, Align::Left),
        column("消费", "Charges", 1.2, Align::Right),
        column("付款", "Payments", 1.2, Align::Right),
    ]
}

/// A charge shows in the charges column, anything else (payments, deposits, refunds) in the
/// payments column with its sign turned: a payment of 100 reduces the balance by 100.
fn split(line: &Line) -> (Decimal, Decimal) {
    if line.code.is_some() {
        (line.amount, Decimal::ZERO)
    } else {
        (Decimal::ZERO, -line.amount)
    }
}

fn postings(l: &mut Layout, d: &Doc) {
    blocks::section_title(l, "账目明细", "Postings");
    let table = Table::new(LEFT, WIDTH, columns());
    table.head(l);
    let digits = d.hotel.digits;
    let show = |v: Decimal| {
        if v.is_zero() {
            String::new()
        } else {
            amount(v, digits)
        }
    };
    let (mut charges, mut paid) = (Decimal::ZERO, Decimal::ZERO);
    // Room for one row plus the carried-forward line under it.
    let reserve = 34.0;
    for line in &d.lines {
        let details: Vec<String> = [line.description.clone(), line.card.clone()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if !l.fits(reserve) {
            carry(l, &table, "转下页 Carried forward", charges, paid, digits);
            l.new_page();
            table.head(l);
            carry(l, &table, "承前页 Brought forward", charges, paid, digits);
        }
        let (c, p) = split(line);
        charges += c;
        paid += p;
        table.row(
            l,
            &[
                date(line.night.unwrap_or(line.date)),
                account::item(line),
                details.join(" · "),
                show(c),
                show(p),
            ],
            false,
        );
    }
    if d.lines.is_empty() {
        l.paragraph(
            LEFT,
            WIDTH,
            Style::new(9.0).grey(0.4),
            "暂无账目。 No postings yet.",
        );
    }
    l.y += 6.0;
}

fn carry(l: &mut Layout, table: &Table, label: &str, charges: Decimal, paid: Decimal, digits: u32) {
    table.row(
        l,
        &[
            String::new(),
            label.to_string(),
            String::new(),
            amount(charges, digits),
            amount(paid, digits),
        ],
        true,
    );
}

fn totals(l: &mut Layout, d: &Doc) {
    let digits = d.hotel.digits;
    let charges: Decimal = d.lines.iter().map(|x| split(x).0).sum();
    let paid: Decimal = d.lines.iter().map(|x| split(x).1).sum();
    blocks::totals(
        l,
        &[
            Total {
                label: "消费合计 Total charges".into(),
                amount: amount(charges, digits),
                strong: false,
            },
            Total {
                label: "付款合计 Total payments".into(),
                amount: amount(paid, digits),
                strong: false,
            },
            Total {
                label: format!("余额 Balance ({})", d.hotel.currency),
                amount: amount(charges - paid, digits),
                strong: true,
            },
        ],
    );
    l.y += 6.0;
}

fn taxes(l: &mut Layout, d: &Doc) {
    let mut by_rate: BTreeMap<i32, (String, Decimal, Decimal)> = BTreeMap::new();
    for line in &d.lines {
        if let Some(code) = &line.code {
            let e = by_rate
                .entry(code.tax_rate_bp)
                .or_insert_with(|| (code.rate(), Decimal::ZERO, Decimal::ZERO));
            e.1 += line.amount;
            e.2 += line.tax;
        }
    }
    if by_rate.is_empty() {
        return;
    }
    blocks::section_title(l, "税费明细（已含在消费中）", "Tax included in the charges");
    let column = |zh, en, align| Column {
        zh,
        en,
        weight: 1.0,
        align,
    };
    let table = Table::new(
        LEFT,
        WIDTH,
        vec![
            column("税率", "Tax rate", Align::Left),
            column("不含税金额", "Net", Align::Right),
            column("税额", "Tax", Align::Right),
            column("价税合计", "Amount", Align::Right),
        ],
    );
    table.head(l);
    let digits = d.hotel.digits;
    for (rate, gross, tax) in by_rate.values() {
        table.row(
            l,
            &[
                format!("{rate}%"),
                amount(*gross - *tax, digits),
                amount(*tax, digits),
                amount(*gross, digits),
            ],
            false,
        );
    }
    l.y += 6.0;
}

fn payments(l: &mut Layout, d: &Doc) {
    let mut by_method: BTreeMap<String, Decimal> = BTreeMap::new();
    for line in d.lines.iter().filter(|x| x.code.is_none()) {
        *by_method.entry(line.payment_method.clone()).or_default() -= line.amount;
    }
    if by_method.is_empty() {
        return;
    }
    blocks::section_title(l, "付款方式", "Payments by method");
    let lines: Vec<Total> = by_method
        .iter()
        .map(|(method, sum)| Total {
            label: account::method_label(method),
            amount: amount(*sum, d.hotel.digits),
            strong: false,
        })
        .collect();
    blocks::totals(l, &lines);
}

fn signature(l: &mut Layout) {
    l.y += 24.0;
    l.ensure(50.0);
    let style = Style::new(8.5).grey(0.3);
    l.text(LEFT, l.y, style, Align::Left, "宾客签名 Guest signature");
    l.rule(LEFT + 120.0, LEFT + 300.0, l.y + 2.0, 0.5, 0.3);
    l.text(RIGHT - 150.0, l.y, style, Align::Left, "日期 Date");
    l.rule(RIGHT - 100.0, RIGHT, l.y + 2.0, 0.5, 0.3);
    l.y += 20.0;
    l.paragraph(
        LEFT,
        WIDTH,
        Style::new(8.0).grey(0.4),
        "本人同意支付以上费用。 I agree to pay the charges above.",
    );
}
