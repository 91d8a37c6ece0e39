//! The booking confirmation: one booking number — every room under it — on A4 in Chinese and
//! English, to preview, print, save or send. Several bookings print as one PDF, each numbered
//! on its own pages.

mod data;
mod email;
mod policy;
mod render;

use sea_orm::ConnectionTrait;

pub use email::{confirmation_recipient, email_confirmation};

use super::layout::Layout;
use crate::auth::Actor;
use crate::error::{Error, Result};
use crate::permission::Permission;
use crate::validate::{Invalid, Rule};

/// Most bookings printed in one batch.
pub const MAX_BATCH: usize = 200;

/// The confirmation of booking `booking_no` as a PDF (permission `reservations.manage`, as for
/// the reservation list it is opened from).
pub async fn confirmation_pdf(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    booking_no: &str,
) -> Result<Vec<u8>> {
    confirmations_pdf(conn, actor, &[booking_no.to_string()]).await
}

/// The confirmations of several bookings in one PDF, in the order given (a number given twice
/// prints once); each starts on a new page and numbers its own pages.
pub async fn confirmations_pdf(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    booking_nos: &[String],
) -> Result<Vec<u8>> {
    actor.require(Permission::ReservationsManage)?;
    let mut wanted: Vec<&str> = Vec::with_capacity(booking_nos.len());
    for n in booking_nos.iter().map(|n| n.trim()) {
        if !n.is_empty() && !wanted.contains(&n) {
            wanted.push(n);
        }
    }
    if wanted.is_empty() {
        return Err(Invalid::new("bookingNos", Rule::Required).into());
    }
    if wanted.len() > MAX_BATCH {
        return Err(Invalid::new(
            "bookingNos",
            Rule::Range {
                min: 1,
                max: MAX_BATCH as i64,
            },
        )
        .into());
    }
    let mut docs = Vec::with_capacity(wanted.len());
    for n in wanted {
        docs.push(data::load(conn, actor, n).await?);
    }
    render_pdf(docs).await
}

/// Lays loaded confirmations out as one PDF, each on its own numbered pages.
async fn render_pdf(docs: Vec<data::Confirmation>) -> Result<Vec<u8>> {
    let title = match docs.as_slice() {
        [one] => format!(
            "{} {} {}",
            render::TITLE_ZH,
            render::TITLE_EN,
            one.booking_no
        ),
        many => format!("{} {} ({})", render::TITLE_ZH, render::TITLE_EN, many.len()),
    };
    // Laying out and subsetting the font is CPU work: off the async threads.
    tokio::task::spawn_blocking(move || {
        let mut l = Layout::new(&title)?;
        for c in &docs {
            render::render(&mut l, c);
        }
        Ok(l.finish())
    })
    .await
    .map_err(|e| Error::Internal(format!("rendering the confirmation: {e}")))?
}
