//! E-mailing a booking confirmation: the PDF attached to a short bilingual letter, queued in the
//! out-box (sent when the SMTP server is reachable, retried with backoff while it is not).

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

use super::{data, render_pdf};
use crate::auth::Actor;
use crate::documents::confirmation_file_name;
use crate::error::Result;
use crate::mail::{self, About, NewAttachment, NewMessage};
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};

/// The guest's e-mail address on booking `booking_no` ("" when the profile has none), to
/// prefill the recipient.
pub async fn confirmation_recipient(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    booking_no: &str,
) -> Result<String> {
    actor.require(Permission::ReservationsManage)?;
    Ok(data::load(conn, actor, booking_no).await?.guest_email)
}

/// Queues the confirmation of `booking_no` to `to` (the guest's address when empty) with the
/// PDF attached, in one transaction, and returns the out-box message id. Wake the mail worker
/// afterwards ([`crate::desk::Desk::wake_mail`]).
///
/// Errors: `recipients` required when neither `to` nor the guest's profile has an address, or
/// malformed; the booking not found; permission `reservations.manage`.
pub async fn email_confirmation(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    actor: &Actor,
    booking_no: &str,
    to: &str,
) -> Result<i32> {
    actor.require(Permission::ReservationsManage)?;
    let c = data::load(db, actor, booking_no).await?;
    let to = match to.trim() {
        "" => c.guest_email.trim().to_string(),
        given => given.to_string(),
    };
    if to.is_empty() {
        return Err(Invalid::new("recipients", Rule::Required).into());
    }
    let (arrival, departure) = c.dates();
    let guest = if c.guest.is_empty() { "-" } else { &c.guest };
    let contact: Vec<&str> = [c.hotel.address.as_str(), c.hotel.phone.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let body = format!(
        "{guest} 您好：\n\n感谢您的预订。预订号 {no}，入住 {arrival}，离店 {departure}。\
         预订确认函见附件（PDF）。\n\nDear {guest},\n\nThank you for your booking {no}: \
         arrival {arrival}, departure {departure}. Your confirmation is attached (PDF).\n\n\
         {hotel}\n{contact}\n",
        no = c.booking_no,
        hotel = c.hotel.name,
        contact = contact.join(" · "),
    );
    let no = c.booking_no.clone();
    let hotel = c.hotel.name.clone();
    let pdf = render_pdf(vec![c]).await?;
    let txn = db.begin().await?;
    let id = mail::enqueue(
        &txn,
        now,
        actor,
        NewMessage {
            to: vec![to],
            subject: format!("预订确认 Booking confirmation {no} · {hotel}"),
            body,
            about: Some(About {
                entity: "booking".into(),
                id: no.clone(),
            }),
            attachments: vec![NewAttachment {
                file_name: confirmation_file_name(std::slice::from_ref(&no)),
                mime_type: "application/pdf".into(),
                content: pdf,
            }],
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}
