//! The run: one transaction that posts the date's room nights, marks its no-shows, writes the
//! closed date's row and rolls the business date — committed whole or not at all. The property
//! row is locked first and the date checked inside the transaction, and `night_audit` is unique
//! per date, so two terminals can never close one date twice.

use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set, SqlErr, TransactionTrait,
};
use serde::{Deserialize, Serialize};

use super::NightAuditError;
use super::checks::{arrivals_on, checks_for, in_house_nights};
use super::summary::{self, AuditSummary, NoShowLine, RunFacts};
use crate::auth::Actor;
use crate::clock::Clock;
use crate::db::begin_write;
use crate::entity::{guest, night_audit, property as property_row, reservation, reservation_night};
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::reservations::{self, state};
use crate::{audit, folios, money, pricing, property, rates, reports};

/// What the operator confirms: the date they saw on screen, and that they read the findings.
#[derive(Debug, Clone, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RunInput {
    pub business_date: NaiveDate,
    pub acknowledged: bool,
}

/// Where the run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AuditStep {
    Checks,
    RoomCharges,
    NoShows,
    Closing,
    Done,
}

/// Progress of a run: the step and how many of its items are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditProgress {
    pub step: AuditStep,
    pub done: u32,
    pub total: u32,
}

/// The closed date, the new business date and the closed date's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AuditOutcome {
    pub closed_date: NaiveDate,
    pub business_date: NaiveDate,
    pub summary: AuditSummary,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn already_run(e: DbErr, date: NaiveDate) -> Error {
    if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
        NightAuditError::AlreadyRun { date }.into()
    } else {
        Error::Db(e)
    }
}

/// Runs the night audit of `input.business_date` (permission `night_audit.run`), reporting
/// progress through `progress`. Refused unless that date is the open business date and, when
/// the pre-checks found anything, the operator acknowledged it.
pub async fn run(
    db: &DatabaseConnection,
    clock: &dyn Clock,
    actor: &Actor,
    input: RunInput,
    progress: impl Fn(AuditProgress) + Send + Sync,
) -> Result<AuditOutcome> {
    actor.require(Permission::NightAuditRun)?;
    let date = input.business_date;
    let started = clock.now();
    let txn = begin_write(db).await?;
    let p = property_row::Entity::find_by_id(actor.property_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(Error::NotFound { entity: "property" })?;
    if p.business_date != date {
        let closed = night_audit::Entity::find()
            .filter(night_audit::Column::PropertyId.eq(p.id))
            .filter(night_audit::Column::BusinessDate.eq(date))
            .one(&txn)
            .await?;
        return Err(match closed {
            Some(_) => NightAuditError::AlreadyRun { date },
            None => NightAuditError::DateNotOpen {
                given: date,
                open: p.business_date,
            },
        }
        .into());
    }
    progress(AuditProgress {
        step: AuditStep::Checks,
        done: 0,
        total: 1,
    });
    let checks = checks_for(&txn, p.id, date).await?;
    if checks.count() > 0 && !input.acknowledged {
        return Err(NightAuditError::NotAcknowledged {
            count: checks.count(),
        }
        .into());
    }
    let digits = property::digits(&p);
    let nights = in_house_nights(&txn, p.id, date).await?;
    let total = count(nights.len());
    let mut posted = 0;
    for (i, (r, _)) in nights.iter().enumerate() {
        progress(AuditProgress {
            step: AuditStep::RoomCharges,
            done: count(i),
            total,
        });
        if folios::post_room_night(&txn, clock.now(), actor, r.id, date)
            .await?
            .is_some()
        {
            posted += 1;
        }
    }
    progress(AuditProgress {
        step: AuditStep::RoomCharges,
        done: total,
        total,
    });
    let no_shows = mark_no_shows(&txn, clock, actor, date, digits, &progress).await?;
    progress(AuditProgress {
        step: AuditStep::Closing,
        done: 0,
        total: 1,
    });
    let finished = clock.now();
    // Rooms slept in tonight: the guests in the house, and a guest who came and left today
    // (whose night was charged at check-out).
    let sold: Vec<i32> = reservation_night::Entity::find()
        .select_only()
        .column(reservation_night::Column::ReservationId)
        .filter(reservation_night::Column::PropertyId.eq(p.id))
        .filter(reservation_night::Column::Night.eq(date))
        .into_tuple()
        .all(&txn)
        .await?;
    let occupied = reservation::Entity::find()
        .filter(reservation::Column::Id.is_in(sold))
        .filter(reservation::Column::State.is_in([state::CHECKED_IN, state::CHECKED_OUT]))
        .count(&txn)
        .await?;
    let facts = RunFacts {
        closed_at: finished,
        rooms_occupied: u32::try_from(occupied).unwrap_or(u32::MAX),
        room_charges: posted,
        no_shows,
        acknowledged: count(checks.count()),
    };
    let figures = summary::compute(&txn, actor, date, facts).await?;
    let json = serde_json::to_string(&figures)
        .map_err(|e| Error::Internal(format!("night audit summary: {e}")))?;
    night_audit::ActiveModel {
        property_id: Set(p.id),
        business_date: Set(date),
        started_at: Set(started),
        finished_at: Set(finished),
        user_id: Set(actor.user_id),
        summary: Set(json),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| already_run(e, date))?;
    // The closed date's figures for reports, from the same postings, in the same transaction.
    reports::rollup::rebuild(&txn, p.id, date, date).await?;
    let next = date + Duration::days(1);
    let mut m: property_row::ActiveModel = p.into();
    m.business_date = Set(next);
    m.update(&txn).await?;
    audit::record(
        &txn,
        finished,
        actor,
        "night_audit.run",
        "night_audit",
        date,
        format!(
            "{date} closed: {posted} room nights, {} no-shows; business date {next}",
            figures.no_shows.len()
        ),
    )
    .await?;
    txn.commit().await.map_err(|e| already_run(e, date))?;
    progress(AuditProgress {
        step: AuditStep::Done,
        done: 1,
        total: 1,
    });
    Ok(AuditOutcome {
        closed_date: date,
        business_date: next,
        summary: figures,
    })
}

/// Confirmed arrivals of `date` become no-shows: the rate plan's no-show fee is posted where
/// the booking is guaranteed, and their nights (and room) are released as a cancellation does.
async fn mark_no_shows<C: ConnectionTrait + TransactionTrait>(
    txn: &C,
    clock: &dyn Clock,
    actor: &Actor,
    date: NaiveDate,
    digits: u32,
    progress: &(impl Fn(AuditProgress) + Send + Sync),
) -> Result<Vec<NoShowLine>> {
    let arrivals = arrivals_on(txn, actor.property_id, date).await?;
    let total = count(arrivals.len());
    let mut out = Vec::new();
    for (i, r) in arrivals.into_iter().enumerate() {
        progress(AuditProgress {
            step: AuditStep::NoShows,
            done: count(i),
            total,
        });
        let now = clock.now();
        let fee = if r.guarantee == "none" {
            pricing::round(Decimal::ZERO, digits)
        } else {
            let plan = rates::get_any(txn, r.rate_plan_id).await?;
            let (_, rule) = rates::policies(&plan);
            let quote = reservations::stored_quote(txn, &r, digits).await?;
            pricing::no_show_fee(&rule, &quote, digits)
        };
        reservation_night::Entity::delete_many()
            .filter(reservation_night::Column::ReservationId.eq(r.id))
            .exec(txn)
            .await?;
        let guest_name = guest::Entity::find_by_id(r.guest_id)
            .one(txn)
            .await?
            .map(|g| g.name)
            .unwrap_or_default();
        let booking = r.booking_no.clone();
        let mut m: reservation::ActiveModel = r.into();
        m.state = Set(state::NO_SHOW.into());
        m.cancel_fee_minor = Set(Some(money::to_minor("fee", fee, digits)?));
        m.updated_at = Set(now);
        let saved = m.update(txn).await?;
        if fee > Decimal::ZERO {
            let code = folios::code::NOSHOW;
            folios::post_fee(txn, now, actor, saved.id, code, fee, &booking).await?;
        }
        audit::record(
            txn,
            now,
            actor,
            "reservation.no_show",
            "reservation",
            saved.id,
            format!("{booking}: no-show on {date}, fee {fee}"),
        )
        .await?;
        out.push(NoShowLine {
            booking_no: booking,
            guest: guest_name,
            fee: fee.to_string(),
        });
    }
    progress(AuditProgress {
        step: AuditStep::NoShows,
        done: total,
        total,
    });
    Ok(out)
}
