//! One year of occupancy and revenue: a row per month with closed days and the year's total,
//! read from the daily roll-up (at most 366 rows of figures and their per-code rows).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::auth::Actor;
use crate::entity::{charge_code, daily_code_figures, daily_figures};
use crate::error::Result;
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};
use crate::{money, pricing, property};

/// The earliest and latest year a report may ask for.
const YEARS: (i32, i32) = (2000, 2999);

/// Revenue of one charge code in a period, tax inside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CodeRevenue {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// The charge code's department (rooms, food_beverage, events, other).
    pub department: String,
    pub amount: String,
    pub tax: String,
}

/// The figures of a period of closed days. Amounts are decimal strings in the hotel's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PeriodFigures {
    /// Closed business dates in the period.
    pub days: u32,
    /// Room nights available: active rooms less those out of order, summed over the days.
    pub rooms_available: u32,
    /// Room nights sold (occupied).
    pub rooms_sold: u32,
    /// Percent of available room nights sold, one decimal ("62.5").
    pub occupancy: String,
    /// Average daily rate: room revenue ÷ rooms sold.
    pub adr: String,
    /// Revenue per available room: room revenue ÷ rooms available.
    pub revpar: String,
    /// Room charges for the nights themselves.
    pub room_revenue: String,
    /// Every other charge: total revenue less room revenue.
    pub other_revenue: String,
    /// Every charge, voids and adjustments included, tax inside.
    pub total_revenue: String,
    /// Revenue by charge code (room included), in code order.
    pub revenue: Vec<CodeRevenue>,
}

/// One month of the year (1 = January) that has closed days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MonthFigures {
    pub month: u32,
    pub figures: PeriodFigures,
}

/// One year of occupancy and revenue over closed business dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct YearReport {
    pub year: i32,
    pub currency: String,
    /// The last closed date of the year the figures cover; none when no day of it is closed.
    pub closed_through: Option<NaiveDate>,
    /// The months with closed days, in order.
    pub months: Vec<MonthFigures>,
    pub total: PeriodFigures,
}

/// Sums of minor units over some days.
#[derive(Default)]
struct Sums {
    days: u32,
    available: u32,
    sold: u32,
    room: i64,
    revenue: i64,
    /// (amount, tax) by charge code id.
    codes: BTreeMap<i32, (i64, i64)>,
}

impl Sums {
    fn add_day(&mut self, d: &daily_figures::Model) {
        self.days += 1;
        self.available += u32::try_from(d.rooms_available).unwrap_or(0);
        self.sold += u32::try_from(d.rooms_occupied).unwrap_or(0);
        self.room += d.room_revenue_minor;
        self.revenue += d.revenue_minor;
    }

    fn add_code(&mut self, c: &daily_code_figures::Model) {
        let e = self.codes.entry(c.charge_code_id).or_default();
        e.0 += c.amount_minor;
        e.1 += c.tax_minor;
    }

    fn figures(&self, codes: &BTreeMap<i32, charge_code::Model>, digits: u32) -> PeriodFigures {
        let m = |minor: i64| money::from_minor(minor, digits).to_string();
        let room = money::from_minor(self.room, digits);
        let ratio = |n: u32| {
            if n == 0 {
                pricing::round(Decimal::ZERO, digits)
            } else {
                pricing::round(room / Decimal::from(n), digits)
            }
        };
        let occupancy = if self.available == 0 {
            Decimal::ZERO
        } else {
            Decimal::from(self.sold) * Decimal::ONE_HUNDRED / Decimal::from(self.available)
        };
        let mut revenue: Vec<CodeRevenue> = self
            .codes
            .iter()
            .map(|(id, (amount, tax))| {
                let c = codes.get(id);
                CodeRevenue {
                    code: c.map(|c| c.code.clone()).unwrap_or_default(),
                    name_zh: c.map(|c| c.name_zh.clone()).unwrap_or_default(),
                    name_en: c.map(|c| c.name_en.clone()).unwrap_or_default(),
                    department: c.map(|c| c.department.clone()).unwrap_or_default(),
                    amount: m(*amount),
                    tax: m(*tax),
                }
            })
            .collect();
        revenue.sort_by(|a, b| a.code.cmp(&b.code));
        PeriodFigures {
            days: self.days,
            rooms_available: self.available,
            rooms_sold: self.sold,
            occupancy: pricing::round(occupancy, 1).to_string(),
            adr: ratio(self.sold).to_string(),
            revpar: ratio(self.available).to_string(),
            room_revenue: m(self.room),
            other_revenue: m(self.revenue - self.room),
            total_revenue: m(self.revenue),
            revenue,
        }
    }
}

/// The occupancy and revenue of `year` (permission `reports.view` or `night_audit.run`): one
/// row per month with closed days and the year's total, over closed business dates only.
pub async fn year(conn: &impl ConnectionTrait, actor: &Actor, year: i32) -> Result<YearReport> {
    if let Err(e) = actor.require(Permission::ReportsView)
        && actor.require(Permission::NightAuditRun).is_err()
    {
        return Err(e.into());
    }
    let range = Invalid::new(
        "year",
        Rule::Range {
            min: i64::from(YEARS.0),
            max: i64::from(YEARS.1),
        },
    );
    if !(YEARS.0..=YEARS.1).contains(&year) {
        return Err(range.into());
    }
    let (first, last) = match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(first), Some(last)) => (first, last),
        _ => return Err(range.into()),
    };
    let p = property::get(conn, actor.property_id).await?;
    let digits = property::digits(&p);
    let days = daily_figures::Entity::find()
        .filter(daily_figures::Column::PropertyId.eq(p.id))
        .filter(daily_figures::Column::BusinessDate.between(first, last))
        .order_by_asc(daily_figures::Column::BusinessDate)
        .all(conn)
        .await?;
    let code_rows = daily_code_figures::Entity::find()
        .filter(daily_code_figures::Column::PropertyId.eq(p.id))
        .filter(daily_code_figures::Column::BusinessDate.between(first, last))
        .all(conn)
        .await?;
    let codes: BTreeMap<i32, charge_code::Model> = if code_rows.is_empty() {
        BTreeMap::new()
    } else {
        charge_code::Entity::find()
            .filter(charge_code::Column::PropertyId.eq(p.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect()
    };
    let mut total = Sums::default();
    let mut months: BTreeMap<u32, Sums> = BTreeMap::new();
    for d in &days {
        total.add_day(d);
        months
            .entry(d.business_date.month())
            .or_default()
            .add_day(d);
    }
    for c in &code_rows {
        total.add_code(c);
        months
            .entry(c.business_date.month())
            .or_default()
            .add_code(c);
    }
    Ok(YearReport {
        year,
        currency: p.currency.clone(),
        closed_through: days.last().map(|d| d.business_date),
        months: months
            .iter()
            .map(|(month, sums)| MonthFigures {
                month: *month,
                figures: sums.figures(&codes, digits),
            })
            .collect(),
        total: total.figures(&codes, digits),
    })
}
