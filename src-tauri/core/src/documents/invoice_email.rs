//! E-mailing an invoice or a credit note: the PDF attached to a short bilingual letter, queued
//! in the out-box like a booking confirmation (sent when the mail server is reachable).

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait};

use super::{account, invoice_file_name, invoice_pdf};
use crate::audit;
use crate::auth::Actor;
use crate::entity::invoice;
use crate::error::{Error, Result};
use crate::invoices::kind;
use crate::mail::{self, About, NewAttachment, NewMessage};
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};

async fn row(conn: &impl ConnectionTrait, actor: &Actor, id: i32) -> Result<invoice::Model> {
    invoice::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|r| r.property_id == actor.property_id)
        .ok_or(Error::NotFound { entity: "invoice" })
}

/// The guest's e-mail address on the invoice's stay ("" when the profile has none).
pub async fn invoice_recipient(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    invoice_id: i32,
) -> Result<String> {
    actor.require(Permission::InvoicesIssue)?;
    let r = row(conn, actor, invoice_id).await?;
    let f = account::folio_of(conn, actor.property_id, r.folio_id).await?;
    let stay = account::stay_facts(conn, actor.property_id, f.reservation_id).await?;
    Ok(stay.guest.email)
}

/// Queues invoice (or credit note) `invoice_id` to `to` (the guest's address when empty) with
/// the PDF attached, and returns the out-box message id; wake the mail worker afterwards.
///
/// Errors: permission `invoices.issue`; `recipients` required or malformed; not found.
pub async fn email_invoice(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    invoice_id: i32,
    to: &str,
) -> Result<i32> {
    actor.require(Permission::InvoicesIssue)?;
    let r = row(db, actor, invoice_id).await?;
    let to = match to.trim() {
        "" => invoice_recipient(db, actor, invoice_id)
            .await?
            .trim()
            .to_string(),
        given => given.to_string(),
    };
    if to.is_empty() {
        return Err(Invalid::new("recipients", Rule::Required).into());
    }
    let hotel = account::hotel(db, actor.property_id).await?;
    let (zh, en) = if r.kind == kind::CREDIT_NOTE {
        ("贷项通知单", "credit note")
    } else {
        ("发票", "invoice")
    };
    let body = format!(
        "{buyer} 您好：\n\n附件为{zh} {no}（PDF）。感谢您的光临。\n\nDear {buyer},\n\nPlease find \
         {en} {no} attached (PDF). Thank you for staying with us.\n\n{hotel}\n{contact}\n",
        buyer = r.buyer_name,
        no = r.number,
        hotel = hotel.letterhead.name,
        contact = [
            hotel.letterhead.address.as_str(),
            hotel.letterhead.phone.as_str()
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · "),
    );
    let pdf = invoice_pdf(db, actor, invoice_id).await?;
    let txn = db.begin().await?;
    let id = mail::enqueue(
        &txn,
        now,
        actor,
        NewMessage {
            to: vec![to.clone()],
            subject: format!(
                "{zh} {} {} · {}",
                capitalised(en),
                r.number,
                hotel.letterhead.name
            ),
            body,
            about: Some(About {
                entity: "invoice".into(),
                id: r.number.clone(),
            }),
            attachments: vec![NewAttachment {
                file_name: invoice_file_name(&r.kind, &r.number),
                mime_type: "application/pdf".into(),
                content: pdf,
            }],
            ..Default::default()
        },
    )
    .await?;
    audit::record(
        &txn,
        now,
        actor,
        "invoice.emailed",
        "invoice",
        r.id,
        format!("{} queued for e-mail", r.number),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
