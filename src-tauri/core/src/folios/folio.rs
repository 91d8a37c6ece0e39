//! Opening, finding, routing and closing folios. A reservation's main folio is its first one
//! (created on demand); more can be opened for split billing, e.g. the room to a company.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionSession, TransactionTrait,
};
use serde::Deserialize;

use super::view::{FolioSummary, summaries};
use super::{FolioError, POSTS_AS_PART_OF_WORK, charge_codes, require_any, state};
use crate::auth::Actor;
use crate::entity::{folio, folio_route};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{self, Invalid, Rule};
use crate::{audit, money, property, reservations, series};

/// Folio numbers shown on receipts and folios.
pub const FOLIO_SERIES: (&str, &str, i16) = ("folio", "F", 6);

/// An extra folio of a reservation.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OpenFolioInput {
    pub reservation_id: i32,
    pub label: String,
    pub payer_name: String,
    pub company_account: bool,
    /// Empty for no limit.
    pub credit_limit: String,
}

/// A folio of the actor's property; `lock` takes the row for the rest of the transaction
/// (FOR UPDATE on Postgres; SQLite writes one at a time anyway).
pub(super) async fn load(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
    lock: bool,
) -> Result<folio::Model> {
    let mut q = folio::Entity::find_by_id(id);
    if lock {
        q = q.lock_exclusive();
    }
    q.one(conn)
        .await?
        .filter(|f| f.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "folio" })
}

/// Refuses a closed folio.
pub(super) fn require_open(f: &folio::Model) -> Result<(), FolioError> {
    if f.state == state::OPEN {
        Ok(())
    } else {
        Err(FolioError::Closed {
            number: f.number.clone(),
        })
    }
}

/// What a new folio is opened with.
#[derive(Default)]
struct NewFolio {
    label: String,
    payer_name: String,
    company_account: bool,
    credit_limit_minor: Option<i64>,
}

async fn insert(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    reservation_id: i32,
    new: NewFolio,
) -> Result<folio::Model> {
    let NewFolio {
        label,
        payer_name,
        company_account,
        credit_limit_minor,
    } = new;
    let number = series::next(conn, actor.property_id, FOLIO_SERIES).await?;
    let f = folio::ActiveModel {
        property_id: Set(actor.property_id),
        reservation_id: Set(reservation_id),
        number: Set(number),
        label: Set(label),
        payer_name: Set(payer_name),
        company_account: Set(company_account),
        credit_limit_minor: Set(credit_limit_minor),
        state: Set(state::OPEN.into()),
        opened_at: Set(now),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        now,
        actor,
        "folio.opened",
        "folio",
        f.id,
        format!("{} for reservation {reservation_id}", f.number),
    )
    .await?;
    Ok(f)
}

/// The reservation's main folio (its first), opened now if it has none.
pub async fn ensure_folio<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    reservation_id: i32,
) -> Result<folio::Model> {
    require_any(actor, &POSTS_AS_PART_OF_WORK)?;
    let txn = conn.begin().await?;
    let r = reservations::load(&txn, actor, reservation_id, &[]).await?;
    let existing = folio::Entity::find()
        .filter(folio::Column::ReservationId.eq(r.id))
        .order_by_asc(folio::Column::Id)
        .one(&txn)
        .await?;
    let f = match existing {
        Some(f) => f,
        None => insert(&txn, now, actor, r.id, NewFolio::default()).await?,
    };
    txn.commit().await?;
    Ok(f)
}

/// Opens another folio on a reservation (permission `folios.post`).
pub async fn open_folio<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    input: OpenFolioInput,
) -> Result<folio::Model> {
    actor.require(Permission::FoliosPost)?;
    let label = validate::optional_text("label", &input.label, 60)?;
    let payer = validate::optional_text("payerName", &input.payer_name, 120)?;
    super::refuse_card_number("payerName", &payer)?;
    let txn = conn.begin().await?;
    let digits = property::digits_of(&txn, actor.property_id).await?;
    let limit = match input.credit_limit.trim() {
        "" => None,
        text => {
            let v = money::to_minor("creditLimit", money::parse("creditLimit", text)?, digits)?;
            if v < 0 {
                return Err(Invalid::new("creditLimit", Rule::Format).into());
            }
            Some(v)
        }
    };
    let r = reservations::load(&txn, actor, input.reservation_id, &[]).await?;
    // The main folio first, so the new one is never mistaken for it.
    let has_main = folio::Entity::find()
        .filter(folio::Column::ReservationId.eq(r.id))
        .one(&txn)
        .await?
        .is_some();
    if !has_main {
        insert(&txn, now, actor, r.id, NewFolio::default()).await?;
    }
    let new = NewFolio {
        label,
        payer_name: payer,
        company_account: input.company_account,
        credit_limit_minor: limit,
    };
    let f = insert(&txn, now, actor, r.id, new).await?;
    txn.commit().await?;
    Ok(f)
}

/// The reservation's folios, main folio first (permission `folios.post`).
pub async fn list_folios(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    reservation_id: i32,
) -> Result<Vec<FolioSummary>> {
    actor.require(Permission::FoliosPost)?;
    let r = reservations::load(conn, actor, reservation_id, &[]).await?;
    let rows = folio::Entity::find()
        .filter(folio::Column::ReservationId.eq(r.id))
        .order_by_asc(folio::Column::Id)
        .all(conn)
        .await?;
    summaries(conn, actor.property_id, rows).await
}

/// Sends the reservation's future charges of `charge_code` to `folio_id`; routing to the
/// main folio removes the route (permission `folios.post`).
pub async fn route_charges<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    reservation_id: i32,
    charge_code: &str,
    folio_id: i32,
) -> Result<()> {
    actor.require(Permission::FoliosPost)?;
    let txn = conn.begin().await?;
    let r = reservations::load(&txn, actor, reservation_id, &[]).await?;
    let target = load(&txn, actor, folio_id, false).await?;
    require_open(&target)?;
    let code = charge_codes::by_code(&txn, actor.property_id, charge_code).await?;
    let main = ensure_folio(&txn, now, actor, r.id).await?;
    folio_route::Entity::delete_many()
        .filter(folio_route::Column::ReservationId.eq(r.id))
        .filter(folio_route::Column::ChargeCodeId.eq(code.id))
        .exec(&txn)
        .await?;
    if target.id != main.id {
        folio_route::ActiveModel {
            reservation_id: Set(r.id),
            charge_code_id: Set(code.id),
            folio_id: Set(target.id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        now,
        actor,
        "folio.routed",
        "reservation",
        r.id,
        format!("{}: {} → {}", r.booking_no, code.code, target.number),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Closes a settled folio: zero balance and no deposit held (check-out calls it inside its
/// transaction; permission `folios.post` or `frontdesk.operate`).
pub async fn close_folio<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    actor: &Actor,
    folio_id: i32,
) -> Result<folio::Model> {
    require_any(
        actor,
        &[Permission::FoliosPost, Permission::FrontdeskOperate],
    )?;
    let txn = conn.begin().await?;
    let f = load(&txn, actor, folio_id, true).await?;
    require_open(&f)?;
    let digits = property::digits_of(&txn, actor.property_id).await?;
    let ledger = super::view::ledger(&txn, f.id).await?;
    if ledger.balance != 0 {
        return Err(FolioError::NotSettled {
            balance: money::from_minor(ledger.balance, digits),
        }
        .into());
    }
    if ledger.deposit_held != 0 {
        return Err(FolioError::DepositStillHeld {
            held: money::from_minor(ledger.deposit_held, digits),
        }
        .into());
    }
    let number = f.number.clone();
    let mut m: folio::ActiveModel = f.into();
    m.state = Set(state::CLOSED.into());
    m.closed_at = Set(Some(now));
    let saved = m.update(&txn).await?;
    audit::record(&txn, now, actor, "folio.closed", "folio", saved.id, number).await?;
    txn.commit().await?;
    Ok(saved)
}
