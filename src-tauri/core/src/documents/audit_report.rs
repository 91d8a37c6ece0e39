//! The night audit report (夜审报告) of a closed business date: the figures the audit froze on
//! its `night_audit` row — occupancy, ADR and RevPAR, revenue by charge code, payments by
//! method, voids and adjustments by user, and the no-shows it charged.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::ConnectionTrait;

use super::account::{self, Hotel};
use super::blocks;
use super::format::{amount, date, weekday};
use super::layout::{Align, LEFT, Layout, Style, WIDTH};
use super::table::{Column, Table};
use crate::auth::Actor;
use crate::error::{Error, Result};
use crate::night_audit::{AuditSummary, closed_summary};
use crate::property;

const TITLE_ZH: &str = "夜审报告";
const TITLE_EN: &str = "Night audit report";

struct Doc {
    hotel: Hotel,
    closed_at: String,
    s: AuditSummary,
}

/// The report of the closed date `business_date` (permission `night_audit.run` or
/// `reports.view`).
pub async fn audit_report_pdf(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    business_date: NaiveDate,
) -> Result<Vec<u8>> {
    let s = closed_summary(conn, actor, business_date).await?;
    let hotel = account::hotel(conn, actor.property_id).await?;
    let p = property::get(conn, actor.property_id).await?;
    let tz = property::time_zone("timeZone", &p.time_zone)?;
    let closed_at = s
        .closed_at
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let doc = Doc {
        hotel,
        closed_at,
        s,
    };
    tokio::task::spawn_blocking(move || render(&doc))
        .await
        .map_err(|e| Error::Internal(format!("rendering the audit report: {e}")))?
}

/// `audit-report-2026-11-23.pdf`.
pub fn audit_report_file_name(business_date: NaiveDate) -> String {
    format!("audit-report-{}.pdf", date(business_date))
}

fn col(zh: &'static str, en: &'static str, weight: f32, align: Align) -> Column {
    Column {
        zh,
        en,
        weight,
        align,
    }
}

impl Doc {
    fn money(&self, text: &str) -> String {
        let v = Decimal::from_str(text).unwrap_or_default();
        amount(v, self.hotel.digits)
    }
}

fn render(d: &Doc) -> Result<Vec<u8>> {
    let s = &d.s;
    let day = format!("{} {}", date(s.business_date), weekday(s.business_date));
    let mut l = Layout::new(&format!("{TITLE_ZH} {TITLE_EN} {}", date(s.business_date)))?;
    l.start_section(format!(
        "{} · {TITLE_ZH} {TITLE_EN} · {day}",
        d.hotel.letterhead.name
    ));
    blocks::letterhead(&mut l, &d.hotel.letterhead, TITLE_ZH, TITLE_EN);
    let cur = |v: &str| format!("{} {}", d.hotel.currency, d.money(v));
    blocks::facts(
        &mut l,
        &[
            ("营业日 Business date", day.clone()),
            ("夜审完成 Closed at", d.closed_at.clone()),
            ("执行人 Run by", s.run_by.clone()),
            (
                "已确认的预检项 Pre-check findings acknowledged",
                s.acknowledged.to_string(),
            ),
        ],
    );
    blocks::section_title(&mut l, "经营指标", "Key figures");
    blocks::facts(
        &mut l,
        &[
            ("可售房 Rooms available", s.rooms_available.to_string()),
            ("在住房 Rooms occupied", s.rooms_occupied.to_string()),
            ("出租率 Occupancy", format!("{} %", s.occupancy)),
            ("客房收入 Room revenue", cur(&s.room_revenue)),
            ("平均房价 ADR", cur(&s.adr)),
            ("每间可售房收入 RevPAR", cur(&s.revpar)),
        ],
    );
    revenue(&mut l, d);
    payments(&mut l, d);
    corrections(&mut l, d);
    no_shows(&mut l, d);
    Ok(l.finish())
}

fn none(l: &mut Layout) {
    l.paragraph(LEFT, WIDTH, Style::new(9.0).grey(0.4), "无 None");
    l.y += 4.0;
}

fn revenue(l: &mut Layout, d: &Doc) {
    blocks::section_title(l, "按收费代码收入", "Revenue by charge code");
    if d.s.revenue.is_empty() {
        return none(l);
    }
    let table = Table::new(
        LEFT,
        WIDTH,
        vec![
            col("代码", "Code", 1.2, Align::Left),
            col("项目", "Item", 3.0, Align::Left),
            col("税额", "Tax", 1.4, Align::Right),
            col("金额（含税）", "Amount (tax incl.)", 1.8, Align::Right),
        ],
    );
    table.head(l);
    for c in &d.s.revenue {
        let cells = [
            c.code.clone(),
            format!("{} {}", c.name_zh, c.name_en),
            d.money(&c.tax),
            d.money(&c.amount),
        ];
        table.row(l, &cells, false);
    }
    let total = [
        "合计 Total".into(),
        String::new(),
        String::new(),
        d.money(&d.s.revenue_total),
    ];
    table.row(l, &total, true);
}

fn payments(l: &mut Layout, d: &Doc) {
    blocks::section_title(l, "按付款方式收款", "Payments by method");
    if d.s.payments.is_empty() {
        return none(l);
    }
    let table = Table::new(
        LEFT,
        WIDTH,
        vec![
            col("付款方式", "Method", 3.0, Align::Left),
            col("笔数", "Count", 1.0, Align::Right),
            col("金额", "Amount", 1.8, Align::Right),
        ],
    );
    table.head(l);
    for p in &d.s.payments {
        let cells = [
            account::method_label(&p.method),
            p.count.to_string(),
            d.money(&p.amount),
        ];
        table.row(l, &cells, false);
    }
    let total = [
        "合计 Total".into(),
        String::new(),
        d.money(&d.s.payments_total),
    ];
    table.row(l, &total, true);
}

fn corrections(l: &mut Layout, d: &Doc) {
    blocks::section_title(l, "冲销与调整", "Voids and adjustments by user");
    if d.s.corrections.is_empty() {
        return none(l);
    }
    let table = Table::new(
        LEFT,
        WIDTH,
        vec![
            col("员工", "User", 2.6, Align::Left),
            col("冲销笔数", "Voids", 1.0, Align::Right),
            col("冲销金额", "Voided", 1.5, Align::Right),
            col("调整笔数", "Adjustments", 1.2, Align::Right),
            col("调整金额", "Adjusted", 1.5, Align::Right),
        ],
    );
    table.head(l);
    for c in &d.s.corrections {
        let cells = [
            c.user.clone(),
            c.voids.to_string(),
            d.money(&c.voided),
            c.adjustments.to_string(),
            d.money(&c.adjusted),
        ];
        table.row(l, &cells, false);
    }
}

fn no_shows(l: &mut Layout, d: &Doc) {
    blocks::section_title(l, "未到客人", "No-shows");
    if d.s.no_shows.is_empty() {
        return none(l);
    }
    let table = Table::new(
        LEFT,
        WIDTH,
        vec![
            col("预订号", "Booking", 1.5, Align::Left),
            col("宾客", "Guest", 3.0, Align::Left),
            col("未到费", "No-show fee", 1.5, Align::Right),
        ],
    );
    table.head(l);
    for n in &d.s.no_shows {
        let cells = [n.booking_no.clone(), n.guest.clone(), d.money(&n.fee)];
        table.row(l, &cells, false);
    }
}
