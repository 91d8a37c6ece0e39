//! The invoice (发票) and the credit note on A4 in Chinese and English: number, seller and
//! buyer with their taxpayer IDs, the stay, one line per charge code and tax rate with the tax
//! split out, and the totals. A credit note repeats the lines it cancels with negated amounts.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, EntityTrait};

use super::account::{self, Code, Hotel, StayFacts};
use super::blocks::{self, Total};
use super::format::{amount, date};
use super::layout::{Align, LEFT, Layout, Style, WIDTH};
use super::table::{Column, Table};
use crate::auth::Actor;
use crate::entity::{folio, invoice, staff_user};
use crate::error::{Error, Result};
use crate::invoices::kind;
use crate::permission::Permission;

/// One line of the invoice: a charge code with its sums.
#[derive(Debug, Clone)]
struct Item {
    code: Code,
    amount: Decimal,
    tax: Decimal,
}

struct Doc {
    hotel: Hotel,
    row: invoice::Model,
    credits: Option<invoice::Model>,
    folio: folio::Model,
    stay: StayFacts,
    items: Vec<Item>,
    issued_by: String,
}

impl Doc {
    fn is_credit(&self) -> bool {
        self.row.kind == kind::CREDIT_NOTE
    }

    fn titles(&self) -> (&'static str, &'static str) {
        if self.is_credit() {
            ("贷项通知单", "Credit note")
        } else {
            ("发票", "Invoice")
        }
    }
}

async fn load(conn: &impl ConnectionTrait, actor: &Actor, invoice_id: i32) -> Result<Doc> {
    let row = invoice::Entity::find_by_id(invoice_id)
        .one(conn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "invoice" })?;
    let hotel = account::hotel(conn, actor.property_id).await?;
    let folio = account::folio_of(conn, actor.property_id, row.folio_id).await?;
    let stay = account::stay_facts(conn, actor.property_id, folio.reservation_id).await?;
    let credits = match row.credits_id {
        Some(id) => invoice::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    let lines = account::lines(conn, folio.id, row.last_posting_id, hotel.digits).await?;
    let sign = if row.kind == kind::CREDIT_NOTE {
        Decimal::NEGATIVE_ONE
    } else {
        Decimal::ONE
    };
    let mut by_code: BTreeMap<Code, (Decimal, Decimal)> = BTreeMap::new();
    for l in lines {
        if let Some(code) = l.code {
            let e = by_code.entry(code).or_default();
            e.0 += l.amount * sign;
            e.1 += l.tax * sign;
        }
    }
    let items = by_code
        .into_iter()
        .filter(|(_, (a, t))| !a.is_zero() || !t.is_zero())
        .map(|(code, (amount, tax))| Item { code, amount, tax })
        .collect();
    let issued_by = match row.user_id {
        Some(id) => staff_user::Entity::find_by_id(id)
            .one(conn)
            .await?
            .map(|u| u.display_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(Doc {
        hotel,
        row,
        credits,
        folio,
        stay,
        items,
        issued_by,
    })
}

/// The invoice or credit note `invoice_id` as a PDF (permission `invoices.issue`).
pub async fn invoice_pdf(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    invoice_id: i32,
) -> Result<Vec<u8>> {
    actor.require(Permission::InvoicesIssue)?;
    let doc = load(conn, actor, invoice_id).await?;
    tokio::task::spawn_blocking(move || render(&doc))
        .await
        .map_err(|e| Error::Internal(format!("rendering the invoice: {e}")))?
}

/// `invoice-INV000001.pdf` or `credit-note-CN000001.pdf`.
pub fn invoice_file_name(kind_: &str, number: &str) -> String {
    let safe: String = number
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if kind_ == kind::CREDIT_NOTE {
        format!("credit-note-{safe}.pdf")
    } else {
        format!("invoice-{safe}.pdf")
    }
}

fn render(d: &Doc) -> Result<Vec<u8>> {
    let (zh, en) = d.titles();
    let mut l = Layout::new(&format!("{zh} {en} {}", d.row.number))?;
    l.start_section(format!(
        "{} · {zh} {en} · {}",
        d.hotel.letterhead.name, d.row.number
    ));
    blocks::letterhead(&mut l, &d.hotel.letterhead, zh, en);
    facts(&mut l, d);
    lines(&mut l, d);
    totals(&mut l, d);
    closing(&mut l, d);
    Ok(l.finish())
}

fn facts(l: &mut Layout, d: &Doc) {
    let (number_label, date_label) = if d.is_credit() {
        ("通知单号码 Credit note number", "开具日期 Date of issue")
    } else {
        ("发票号码 Invoice number", "开票日期 Date of issue")
    };
    let mut items = vec![
        (number_label, d.row.number.clone()),
        (date_label, date(d.row.business_date)),
    ];
    if let Some(original) = &d.credits {
        items.push(("冲销发票 Cancels invoice", original.number.clone()));
        items.push(("原因 Reason", d.row.reason.clone()));
    }
    blocks::facts(l, &items);
    blocks::section_title(l, "购买方与销售方", "Buyer and seller");
    let mut parties = vec![
        ("购买方名称 Buyer", d.row.buyer_name.clone()),
        ("销售方名称 Seller", d.hotel.letterhead.name.clone()),
    ];
    if !d.row.taxpayer_id.is_empty() || !d.hotel.taxpayer_id.is_empty() {
        let or_dash = |s: &str| {
            if s.is_empty() {
                "—".to_string()
            } else {
                s.to_string()
            }
        };
        parties.push((
            "纳税人识别号 Buyer's taxpayer ID",
            or_dash(&d.row.taxpayer_id),
        ));
        parties.push((
            "纳税人识别号 Seller's taxpayer ID",
            or_dash(&d.hotel.taxpayer_id),
        ));
    }
    blocks::facts(l, &parties);
    blocks::section_title(l, "住宿信息", "Stay");
    let s = &d.stay;
    let room = if s.room_number.is_empty() {
        format!("{} {}", s.type_zh, s.type_en)
    } else {
        format!("{} · {} {}", s.room_number, s.type_zh, s.type_en)
    };
    blocks::facts(
        l,
        &[
            ("宾客 Guest", s.guest.name.clone()),
            ("房间 Room", room),
            (
                "住店日期 Dates",
                format!("{} – {}", date(s.arrival), date(s.departure)),
            ),
            (
                "账单 / 预订 Folio / booking",
                format!("{} / {}", d.folio.number, s.booking_no),
            ),
        ],
    );
}

fn lines(l: &mut Layout, d: &Doc) {
    blocks::section_title(l, "项目明细", "Items");
    let column = |zh, en, weight, align| Column {
        zh,
        en,
        weight,
        align,
    };
    let table = Table::new(
        LEFT,
        WIDTH,
        vec![
            column("项目", "Item", 3.4, Align::Left),
            column("税率", "Tax rate", 0.9, Align::Right),
            column("不含税金额", "Net", 1.4, Align::Right),
            column("税额", "Tax", 1.2, Align::Right),
            column("价税合计", "Amount", 1.4, Align::Right),
        ],
    );
    table.head(l);
    let digits = d.hotel.digits;
    for i in &d.items {
        table.row(
            l,
            &[
                format!("{} {}", i.code.name_zh, i.code.name_en),
                format!("{}%", i.code.rate()),
                amount(i.amount - i.tax, digits),
                amount(i.tax, digits),
                amount(i.amount, digits),
            ],
            false,
        );
    }
    l.y += 6.0;
}

fn totals(l: &mut Layout, d: &Doc) {
    let digits = d.hotel.digits;
    let total: Decimal = d.items.iter().map(|i| i.amount).sum();
    let tax: Decimal = d.items.iter().map(|i| i.tax).sum();
    let mut by_rate: BTreeMap<i32, (String, Decimal)> = BTreeMap::new();
    for i in &d.items {
        let e = by_rate
            .entry(i.code.tax_rate_bp)
            .or_insert_with(|| (i.code.rate(), Decimal::ZERO));
        e.1 += i.tax;
    }
    let mut lines = vec![Total {
        label: "不含税合计 Net total".into(),
        amount: amount(total - tax, digits),
        strong: false,
    }];
    for (rate, t) in by_rate.values() {
        lines.push(Total {
            label: format!("税额 Tax {rate}%"),
            amount: amount(*t, digits),
            strong: false,
        });
    }
    lines.push(Total {
        label: format!("价税合计 Total ({})", d.hotel.currency),
        amount: amount(total, digits),
        strong: true,
    });
    blocks::totals(l, &lines);
}

fn closing(l: &mut Layout, d: &Doc) {
    l.y += 12.0;
    l.ensure(60.0);
    let style = Style::new(8.5).grey(0.3);
    if !d.issued_by.is_empty() {
        l.paragraph(
            LEFT,
            WIDTH,
            style,
            &format!("开票人 Issued by: {}", d.issued_by),
        );
    }
    let note = if d.is_credit() {
        "本贷项通知单冲销上述发票的全部金额。 This credit note cancels the whole amount of the invoice above."
    } else {
        "发票一经开具不得修改；如需更正，请开具贷项通知单并重新开具发票。 An issued invoice is never changed: a correction is a credit note and a new invoice."
    };
    l.paragraph(LEFT, WIDTH, style, note);
}
