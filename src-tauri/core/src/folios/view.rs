//! Reading folios: the totals derived from the postings, the posting lines with who posted
//! them and what voided them, a reservation's folios and the cashier's folio search.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use super::folio::load;
use super::{Ledger, Line, Totals};
use crate::auth::Actor;
use crate::entity::{
    charge_code, folio, folio_route, guest, posting, reservation, room, staff_user,
};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::{money, property};

/// A folio as lists and tabs show it, with its totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FolioSummary {
    pub id: i32,
    pub number: String,
    pub label: String,
    pub payer_name: String,
    pub company_account: bool,
    #[specta(type = Option<String>)]
    pub credit_limit: Option<Decimal>,
    pub state: String,
    pub reservation_id: i32,
    pub booking_no: String,
    pub reservation_state: String,
    pub guest_name: String,
    pub room_number: Option<String>,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    pub totals: Totals,
}

/// One posting line. `amount` carries its effect on the balance (payments are negative);
/// `voided_by` is the posting that voided it, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PostingView {
    pub id: i32,
    pub folio_id: i32,
    pub kind: String,
    pub charge_code: Option<String>,
    pub charge_name_zh: String,
    pub charge_name_en: String,
    pub payment_method: String,
    #[specta(type = String)]
    pub amount: Decimal,
    #[specta(type = String)]
    pub tax: Decimal,
    pub business_date: NaiveDate,
    pub night: Option<NaiveDate>,
    pub posted_at: DateTime<Utc>,
    pub username: String,
    pub description: String,
    pub reference: String,
    pub card_brand: String,
    pub card_last4: String,
    pub auth_code: String,
    pub voids_id: Option<i32>,
    pub adjusts_id: Option<i32>,
    pub voided_by: Option<i32>,
    pub reason: String,
}

/// Where a reservation's charges of one code go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RouteView {
    pub charge_code: String,
    pub folio_id: i32,
    pub folio_number: String,
}

/// A folio with every posting, its totals and the reservation's routing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FolioView {
    pub folio: FolioSummary,
    pub postings: Vec<PostingView>,
    pub routes: Vec<RouteView>,
    pub business_date: NaiveDate,
}

/// The cashier's search: booking number, guest name (or pinyin), room or folio number.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FolioSearch {
    pub text: String,
    /// `open`, `closed`, or empty for both.
    pub state: String,
}

/// (kind, method, amount, tax) of each posting of a folio, in posting order.
pub(super) async fn lines(
    conn: &impl ConnectionTrait,
    folio_id: i32,
) -> Result<Vec<(String, String, i64, i64)>> {
    Ok(posting::Entity::find()
        .select_only()
        .column(posting::Column::Kind)
        .column(posting::Column::PaymentMethod)
        .column(posting::Column::AmountMinor)
        .column(posting::Column::TaxMinor)
        .filter(posting::Column::FolioId.eq(folio_id))
        .order_by_asc(posting::Column::Id)
        .into_tuple()
        .all(conn)
        .await?)
}

fn ledger_of(rows: &[(String, String, i64, i64)]) -> Ledger {
    Ledger::of(rows.iter().map(|(k, m, a, t)| Line {
        kind: k,
        method: m,
        amount: *a,
        tax: *t,
    }))
}

/// The sums of a folio's postings in minor units.
pub(super) async fn ledger(conn: &impl ConnectionTrait, folio_id: i32) -> Result<Ledger> {
    Ok(ledger_of(&lines(conn, folio_id).await?))
}

/// A folio's totals: always the sum of its postings.
pub async fn folio_balance(conn: &impl ConnectionTrait, folio_id: i32) -> Result<Totals> {
    let f = folio::Entity::find_by_id(folio_id)
        .one(conn)
        .await?
        .ok_or(Error::NotFound { entity: "folio" })?;
    let digits = property::digits_of(conn, f.property_id).await?;
    Ok(ledger(conn, folio_id).await?.totals(digits))
}

/// Summaries of `rows`, with reservations, guests, rooms and totals in a few queries.
pub(super) async fn summaries(
    conn: &impl ConnectionTrait,
    property_id: i32,
    rows: Vec<folio::Model>,
) -> Result<Vec<FolioSummary>> {
    let digits = property::digits_of(conn, property_id).await?;
    let res_ids: Vec<i32> = rows.iter().map(|f| f.reservation_id).collect();
    let reservations: HashMap<i32, reservation::Model> = reservation::Entity::find()
        .filter(reservation::Column::Id.is_in(res_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let (names, numbers) =
        crate::reservations::guest_names_and_room_numbers(conn, reservations.values()).await?;
    let folio_ids: Vec<i32> = rows.iter().map(|f| f.id).collect();
    let mut by_folio: HashMap<i32, Vec<(String, String, i64, i64)>> = HashMap::new();
    let all: Vec<(i32, String, String, i64, i64)> = posting::Entity::find()
        .select_only()
        .column(posting::Column::FolioId)
        .column(posting::Column::Kind)
        .column(posting::Column::PaymentMethod)
        .column(posting::Column::AmountMinor)
        .column(posting::Column::TaxMinor)
        .filter(posting::Column::FolioId.is_in(folio_ids))
        .into_tuple()
        .all(conn)
        .await?;
    for (id, k, m, a, t) in all {
        by_folio.entry(id).or_default().push((k, m, a, t));
    }
    let mut out = Vec::with_capacity(rows.len());
    for f in rows {
        let Some(r) = reservations.get(&f.reservation_id) else {
            continue;
        };
        let totals = ledger_of(by_folio.get(&f.id).map_or(&[][..], Vec::as_slice)).totals(digits);
        out.push(FolioSummary {
            id: f.id,
            number: f.number,
            label: f.label,
            payer_name: f.payer_name,
            company_account: f.company_account,
            credit_limit: f.credit_limit_minor.map(|m| money::from_minor(m, digits)),
            state: f.state,
            reservation_id: r.id,
            booking_no: r.booking_no.clone(),
            reservation_state: r.state.clone(),
            guest_name: names.get(&r.guest_id).cloned().unwrap_or_default(),
            room_number: r.room_id.and_then(|id| numbers.get(&id).cloned()),
            arrival: r.arrival,
            departure: r.departure,
            totals,
        });
    }
    Ok(out)
}

/// A folio with its postings, totals and routing (permission `folios.post`).
pub async fn folio_view(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    folio_id: i32,
) -> Result<FolioView> {
    actor.require(Permission::FoliosPost)?;
    let f = load(conn, actor, folio_id, false).await?;
    let p = property::get(conn, actor.property_id).await?;
    let digits = property::digits(&p);
    let reservation_id = f.reservation_id;
    let summary = summaries(conn, actor.property_id, vec![f])
        .await?
        .pop()
        .ok_or(Error::NotFound { entity: "folio" })?;
    let rows = posting::Entity::find()
        .filter(posting::Column::FolioId.eq(folio_id))
        .order_by_asc(posting::Column::Id)
        .all(conn)
        .await?;
    let codes: HashMap<i32, charge_code::Model> = charge_code::Entity::find()
        .filter(charge_code::Column::PropertyId.eq(actor.property_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let users: HashMap<i32, String> = staff_user::Entity::find()
        .filter(staff_user::Column::PropertyId.eq(actor.property_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.username))
        .collect();
    let voided: HashMap<i32, i32> = rows
        .iter()
        .filter_map(|p| p.voids_id.map(|v| (v, p.id)))
        .collect();
    let postings = rows
        .into_iter()
        .map(|p| {
            let code = p.charge_code_id.and_then(|id| codes.get(&id));
            PostingView {
                id: p.id,
                folio_id: p.folio_id,
                kind: p.kind,
                charge_code: code.map(|c| c.code.clone()),
                charge_name_zh: code.map(|c| c.name_zh.clone()).unwrap_or_default(),
                charge_name_en: code.map(|c| c.name_en.clone()).unwrap_or_default(),
                payment_method: p.payment_method,
                amount: money::from_minor(p.amount_minor, digits),
                tax: money::from_minor(p.tax_minor, digits),
                business_date: p.business_date,
                night: p.night,
                posted_at: p.posted_at,
                username: p
                    .user_id
                    .and_then(|id| users.get(&id).cloned())
                    .unwrap_or_else(|| "system".into()),
                description: p.description,
                reference: p.reference,
                card_brand: p.card_brand,
                card_last4: p.card_last4,
                auth_code: p.auth_code,
                voids_id: p.voids_id,
                adjusts_id: p.adjusts_id,
                voided_by: voided.get(&p.id).copied(),
                reason: p.reason,
            }
        })
        .collect();
    let route_rows = folio_route::Entity::find()
        .filter(folio_route::Column::ReservationId.eq(reservation_id))
        .all(conn)
        .await?;
    let target_ids: Vec<i32> = route_rows.iter().map(|r| r.folio_id).collect();
    let targets: HashMap<i32, String> = folio::Entity::find()
        .filter(folio::Column::Id.is_in(target_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|f| (f.id, f.number))
        .collect();
    let routes = route_rows
        .into_iter()
        .map(|r| RouteView {
            charge_code: codes
                .get(&r.charge_code_id)
                .map(|c| c.code.clone())
                .unwrap_or_default(),
            folio_id: r.folio_id,
            folio_number: targets.get(&r.folio_id).cloned().unwrap_or_default(),
        })
        .collect();
    Ok(FolioView {
        folio: summary,
        postings,
        routes,
        business_date: p.business_date,
    })
}

/// Finds folios by booking number, guest name or pinyin, room number or folio number; an
/// empty text lists the latest folios (permission `folios.post`).
pub async fn search_folios(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    search: &FolioSearch,
) -> Result<Vec<FolioSummary>> {
    actor.require(Permission::FoliosPost)?;
    let mut q = folio::Entity::find().filter(folio::Column::PropertyId.eq(actor.property_id));
    if matches!(
        search.state.as_str(),
        super::state::OPEN | super::state::CLOSED
    ) {
        q = q.filter(folio::Column::State.eq(search.state.as_str()));
    }
    let text = search.text.trim();
    if !text.is_empty() {
        let lower = text.to_lowercase();
        let upper = text.to_uppercase();
        let guests: Vec<i32> = guest::Entity::find()
            .select_only()
            .column(guest::Column::Id)
            .filter(guest::Column::PropertyId.eq(actor.property_id))
            .filter(
                Condition::any()
                    .add(guest::Column::Name.starts_with(text))
                    .add(guest::Column::NamePinyin.starts_with(&lower))
                    .add(guest::Column::PinyinInitials.starts_with(&lower)),
            )
            .into_tuple()
            .all(conn)
            .await?;
        let rooms: Vec<i32> = room::Entity::find()
            .select_only()
            .column(room::Column::Id)
            .filter(room::Column::PropertyId.eq(actor.property_id))
            .filter(room::Column::Number.eq(text))
            .into_tuple()
            .all(conn)
            .await?;
        let reservations: Vec<i32> = reservation::Entity::find()
            .select_only()
            .column(reservation::Column::Id)
            .filter(reservation::Column::PropertyId.eq(actor.property_id))
            .filter(
                Condition::any()
                    .add(reservation::Column::BookingNo.starts_with(&upper))
                    .add(reservation::Column::GuestId.is_in(guests))
                    .add(reservation::Column::RoomId.is_in(rooms)),
            )
            .into_tuple()
            .all(conn)
            .await?;
        q = q.filter(
            Condition::any()
                .add(folio::Column::ReservationId.is_in(reservations))
                .add(folio::Column::Number.eq(&upper)),
        );
    }
    let rows = q
        .order_by_desc(folio::Column::Id)
        .limit(200)
        .all(conn)
        .await?;
    summaries(conn, actor.property_id, rows).await
}
