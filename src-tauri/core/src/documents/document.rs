//! Any printable document by what it is of: one place that renders it, names its file and
//! writes to the audit trail that it was printed or saved, for the preview/save/print commands.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::Deserialize;

use super::{Output, confirmation_file_name, confirmations_pdf, record_confirmation};
use super::{folio_file_name, folio_pdf, invoice_file_name, invoice_pdf};
use super::{registration_card_pdf, registration_file_name};
use crate::audit;
use crate::auth::Actor;
use crate::entity::{folio, invoice, reservation};
use crate::error::{Error, Result};

/// A document to preview, save or print.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Document {
    /// The confirmations of one or several bookings.
    Confirmation {
        #[serde(rename = "bookingNos")]
        booking_nos: Vec<String>,
    },
    Folio {
        id: i32,
    },
    /// An invoice or a credit note.
    Invoice {
        id: i32,
    },
    RegistrationCard {
        #[serde(rename = "reservationId")]
        reservation_id: i32,
    },
    /// The night audit report of a closed business date.
    AuditReport {
        #[serde(rename = "businessDate")]
        business_date: chrono::NaiveDate,
    },
}

/// The PDF of `doc`; each kind checks its own permission.
pub async fn document_pdf(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    doc: &Document,
) -> Result<Vec<u8>> {
    match doc {
        Document::Confirmation { booking_nos } => confirmations_pdf(conn, actor, booking_nos).await,
        Document::Folio { id } => folio_pdf(conn, actor, *id).await,
        Document::Invoice { id } => invoice_pdf(conn, actor, *id).await,
        Document::RegistrationCard { reservation_id } => {
            registration_card_pdf(conn, actor, *reservation_id).await
        }
        Document::AuditReport { business_date } => {
            super::audit_report_pdf(conn, actor, *business_date).await
        }
    }
}

/// The file name `doc` is saved under (`invoice-INV000001.pdf` …).
pub async fn document_file_name(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    doc: &Document,
) -> Result<String> {
    Ok(match doc {
        Document::Confirmation { booking_nos } => confirmation_file_name(booking_nos),
        Document::Folio { id } => folio_file_name(&folio_row(conn, actor, *id).await?.number),
        Document::Invoice { id } => {
            let row = invoice_row(conn, actor, *id).await?;
            invoice_file_name(&row.kind, &row.number)
        }
        Document::RegistrationCard { reservation_id } => {
            let r = reservation::Entity::find_by_id(*reservation_id)
                .one(conn)
                .await?
                .filter(|r| r.property_id == actor.property_id)
                .ok_or(Error::NotFound {
                    entity: "reservation",
                })?;
            registration_file_name(&r.booking_no)
        }
        Document::AuditReport { business_date } => super::audit_report_file_name(*business_date),
    })
}

/// Writes that `doc` was printed or saved to the audit trail.
pub async fn record_document(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    actor: &Actor,
    output: Output,
    doc: &Document,
) -> Result<()> {
    let verb = match output {
        Output::Printed => "printed",
        Output::Saved => "saved",
    };
    let (entity, id, what) = match doc {
        Document::Confirmation { booking_nos } => {
            return record_confirmation(conn, now, actor, output, booking_nos).await;
        }
        Document::Folio { id } => ("folio", *id, "folio"),
        Document::Invoice { id } => ("invoice", *id, "invoice"),
        Document::RegistrationCard { reservation_id } => {
            ("reservation", *reservation_id, "registration_card")
        }
        Document::AuditReport { business_date } => {
            let what = "audit_report";
            return audit::record(
                conn,
                now,
                actor,
                &format!("{what}.{verb}"),
                "night_audit",
                business_date,
                format!("audit report of {business_date} {verb}"),
            )
            .await;
        }
    };
    audit::record(
        conn,
        now,
        actor,
        &format!("{what}.{verb}"),
        entity,
        id,
        format!("{} {verb}", what.replace('_', " ")),
    )
    .await
}

async fn folio_row(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<folio::Model> {
    super::account::folio_of(conn, actor.property_id, id).await
}

async fn invoice_row(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: i32,
) -> Result<invoice::Model> {
    invoice::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "invoice" })
}
