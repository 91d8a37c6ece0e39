//! What the folio, invoice and registration card print about a stay, read from the database:
//! the hotel, the reservation with its guest, room and dates, and a folio's postings with their
//! charge codes. Bilingual labels of posting kinds and payment methods live here too.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::blocks::Letterhead;
use crate::entity::{charge_code, folio, guest, posting, reservation, room, room_type};
use crate::error::{Error, Result};
use crate::{money, property};

/// The hotel as a document prints it, with its money format.
#[derive(Debug, Clone)]
pub(crate) struct Hotel {
    pub letterhead: Letterhead,
    pub taxpayer_id: String,
    pub currency: String,
    pub digits: u32,
    pub business_date: NaiveDate,
}

/// One reservation as printed on its documents.
#[derive(Debug, Clone)]
pub(crate) struct StayFacts {
    pub booking_no: String,
    pub guest: guest::Model,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub room_number: String,
    pub type_zh: String,
    pub type_en: String,
    pub adults: i32,
    pub children: i32,
    pub reservation: reservation::Model,
}

/// One posting with what its charge code says.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub date: NaiveDate,
    /// The night a room charge is for, which the folio shows instead of the posting date.
    pub night: Option<NaiveDate>,
    pub kind: String,
    /// `None` for payments, deposits and refunds.
    pub code: Option<Code>,
    pub payment_method: String,
    pub card: String,
    pub description: String,
    pub amount: Decimal,
    pub tax: Decimal,
}

/// A charge code's names and tax rate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Code {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub tax_rate_bp: i32,
}

impl Code {
    /// The tax rate in percent, "6" or "13.5".
    pub(crate) fn rate(&self) -> String {
        super::format::percent(Decimal::new(i64::from(self.tax_rate_bp), 2))
    }
}

pub(crate) async fn hotel(conn: &impl ConnectionTrait, property_id: i32) -> Result<Hotel> {
    let p = property::get(conn, property_id).await?;
    Ok(Hotel {
        letterhead: Letterhead::of(&p),
        taxpayer_id: p.taxpayer_id.clone(),
        digits: property::digits(&p),
        currency: p.currency,
        business_date: p.business_date,
    })
}

pub(crate) async fn stay_facts(
    conn: &impl ConnectionTrait,
    property_id: i32,
    reservation_id: i32,
) -> Result<StayFacts> {
    let r = reservation::Entity::find_by_id(reservation_id)
        .filter(reservation::Column::PropertyId.eq(property_id))
        .one(conn)
        .await?
        .ok_or(Error::NotFound {
            entity: "reservation",
        })?;
    let g = guest::Entity::find_by_id(r.guest_id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound { entity: "guest" })?;
    let t = room_type::Entity::find_by_id(r.room_type_id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound {
            entity: "room type",
        })?;
    let room_number = match r.room_id {
        Some(id) => room::Entity::find_by_id(id)
            .one(conn)
            .await?
            .map(|m| m.number)
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(StayFacts {
        booking_no: r.booking_no.clone(),
        guest: g,
        arrival: r.arrival,
        departure: r.departure,
        room_number,
        type_zh: t.name_zh,
        type_en: t.name_en,
        adults: r.adults,
        children: r.children,
        reservation: r,
    })
}

pub(crate) async fn folio_of(
    conn: &impl ConnectionTrait,
    property_id: i32,
    folio_id: i32,
) -> Result<folio::Model> {
    folio::Entity::find_by_id(folio_id)
        .filter(folio::Column::PropertyId.eq(property_id))
        .one(conn)
        .await?
        .ok_or(Error::NotFound { entity: "folio" })
}

/// The postings of a folio in the order they were made, up to `last` when given.
pub(crate) async fn lines(
    conn: &impl ConnectionTrait,
    folio_id: i32,
    last: Option<i32>,
    digits: u32,
) -> Result<Vec<Line>> {
    let mut q = posting::Entity::find().filter(posting::Column::FolioId.eq(folio_id));
    if let Some(last) = last {
        q = q.filter(posting::Column::Id.lte(last));
    }
    let rows = q.order_by_asc(posting::Column::Id).all(conn).await?;
    let code_ids: Vec<i32> = rows.iter().filter_map(|p| p.charge_code_id).collect();
    let codes: HashMap<i32, Code> = charge_code::Entity::find()
        .filter(charge_code::Column::Id.is_in(code_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| {
            (
                c.id,
                Code {
                    code: c.code,
                    name_zh: c.name_zh,
                    name_en: c.name_en,
                    tax_rate_bp: c.tax_rate_bp,
                },
            )
        })
        .collect();
    Ok(rows
        .into_iter()
        .map(|p| Line {
            date: p.business_date,
            night: p.night,
            code: p.charge_code_id.and_then(|c| codes.get(&c).cloned()),
            card: match (p.card_brand.as_str(), p.card_last4.as_str()) {
                ("", "") => String::new(),
                (brand, last4) => format!("{brand} ···· {last4}").trim().to_string(),
            },
            kind: p.kind,
            payment_method: p.payment_method,
            description: p.description,
            amount: money::from_minor(p.amount_minor, digits),
            tax: money::from_minor(p.tax_minor, digits),
        })
        .collect())
}

/// A payment method in both languages.
pub(crate) fn method_label(method: &str) -> String {
    match method {
        "cash" => "现金 Cash".into(),
        "bank_card" | "card" => "银行卡 Bank card".into(),
        "wechat" | "wechat_pay" => "微信支付 WeChat Pay".into(),
        "alipay" => "支付宝 Alipay".into(),
        "bank_transfer" | "transfer" => "银行转账 Bank transfer".into(),
        "company_account" | "city_ledger" => "单位挂账 Company account".into(),
        "voucher" => "代金券 Voucher".into(),
        "points" => "积分 Points".into(),
        "" => "—".into(),
        other => other.into(),
    }
}

/// A posting kind in both languages.
pub(crate) fn kind_label(kind: &str) -> String {
    match kind {
        "charge" => "消费 Charge".into(),
        "payment" => "付款 Payment".into(),
        "deposit" => "押金 Deposit".into(),
        "prepayment" => "预付款 Prepayment".into(),
        "refund" => "退款 Refund".into(),
        "void" => "冲销 Void".into(),
        "adjustment" => "调整 Adjustment".into(),
        "transfer" => "转账 Transfer".into(),
        other => other.into(),
    }
}

/// What a line says in the item column: the charge code's names, or the kind and method.
pub(crate) fn item(line: &Line) -> String {
    match &line.code {
        Some(c) => format!("{} {}", c.name_zh, c.name_en),
        None => {
            let method = method_label(&line.payment_method);
            if line.payment_method.is_empty() {
                kind_label(&line.kind)
            } else {
                format!("{} · {method}", kind_label(&line.kind))
            }
        }
    }
}
