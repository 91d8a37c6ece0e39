//! One year of occupancy and revenue: a row per month with closed days and the year's total,
//! read from the daily roll-up (at most 366 rows of figures and their per-code rows).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};
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
    fn add_month(&mut self, m: &MonthRow) {
        self.days += u32::try_from(m.days).unwrap_or(0);
        self.available += u32::try_from(m.available).unwrap_or(0);
        self.sold += u32::try_from(m.sold).unwrap_or(0);
        self.room += m.room;
        self.revenue += m.revenue;
    }

    fn add_code(&mut self, c: &CodeRow) {
        let e = self.codes.entry(c.charge_code_id).or_default();
        e.0 += c.amount;
        e.1 += c.tax;
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

/// A month's sums of the daily figures.
#[derive(FromQueryResult)]
struct MonthRow {
    month: i32,
    days: i64,
    available: i64,
    sold: i64,
    room: i64,
    revenue: i64,
    last: Option<NaiveDate>,
}

/// A month's sums of one charge code.
#[derive(FromQueryResult)]
struct CodeRow {
    month: i32,
    charge_code_id: i32,
    amount: i64,
    tax: i64,
}

impl MonthRow {
    fn month(&self) -> u32 {
        u32::try_from(self.month).unwrap_or(0)
    }
}

impl CodeRow {
    fn month(&self) -> u32 {
        u32::try_from(self.month).unwrap_or(0)
    }
}

/// `SUM(column)` as a 64-bit integer on either backend (PostgreSQL sums BIGINT to NUMERIC).
fn sum(column: &str) -> SimpleExpr {
    Expr::cust(format!("CAST(SUM(\"{column}\") AS BIGINT)"))
}

/// The month (1–12) of a row's business date, as an integer on either backend.
fn month_of(backend: DbBackend) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust("CAST(EXTRACT(MONTH FROM \"business_date\") AS INTEGER)"),
        _ => Expr::cust("CAST(strftime('%m', \"business_date\") AS INTEGER)"),
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
    // Summed by month in the database: twelve rows, not a year of days.
    let month = month_of(conn.get_database_backend());
    let month_rows: Vec<MonthRow> = daily_figures::Entity::find()
        .select_only()
        .column_as(month.clone(), "month")
        .column_as(daily_figures::Column::BusinessDate.count(), "days")
        .column_as(sum("rooms_available"), "available")
        .column_as(sum("rooms_occupied"), "sold")
        .column_as(sum("room_revenue_minor"), "room")
        .column_as(sum("revenue_minor"), "revenue")
        .column_as(daily_figures::Column::BusinessDate.max(), "last")
        .filter(daily_figures::Column::PropertyId.eq(p.id))
        .filter(daily_figures::Column::BusinessDate.between(first, last))
        .group_by(month.clone())
        .into_model::<MonthRow>()
        .all(conn)
        .await?;
    let code_rows: Vec<CodeRow> = daily_code_figures::Entity::find()
        .select_only()
        .column_as(month.clone(), "month")
        .column(daily_code_figures::Column::ChargeCodeId)
        .column_as(sum("amount_minor"), "amount")
        .column_as(sum("tax_minor"), "tax")
        .filter(daily_code_figures::Column::PropertyId.eq(p.id))
        .filter(daily_code_figures::Column::BusinessDate.between(first, last))
        .group_by(month)
        .group_by(daily_code_figures::Column::ChargeCodeId)
        .into_model::<CodeRow>()
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
    for m in &month_rows {
        total.add_month(m);
        months.entry(m.month()).or_default().add_month(m);
    }
    for c in &code_rows {
        total.add_code(c);
        months.entry(c.month()).or_default().add_code(c);
    }
    Ok(YearReport {
        year,
        currency: p.currency.clone(),
        closed_through: month_rows.iter().filter_map(|m| m.last).max(),
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
