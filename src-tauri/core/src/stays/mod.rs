//! Stays: guests in the house. Check-in registers every guest of the room with their ID
//! document, puts them in a ready room with a key card and takes the deposit; check-out settles
//! the stay's folios, returns the deposit, issues the invoice and leaves the room dirty. Each is
//! one transaction: nothing is half-checked-in or half-checked-out. The front-desk lists show
//! the business date's arrivals, departures and guests in house with the next thing to do.
//! Changes to a stay in the house (room move, departure change, late check-out fee) are in
//! changes/.

mod changes;
mod check_in;
mod check_out;
mod lists;
mod registration;

use chrono::NaiveDate;

use crate::error::ApiError;

pub use changes::{
    DepartureChange, DepartureQuote, FeePosted, LateCheckOutFee, MoveInput, change_departure,
    late_check_out_fee, move_room, quote_departure,
};
pub use check_in::{CheckInInput, CheckedIn, WalkInInput, check_in, walk_in};
pub use check_out::{
    CheckOutInput, CheckOutQuote, CheckedOut, IssuedInvoice, Settlement, check_out, check_out_quote,
};
pub use lists::{DeskRow, FrontDesk, NextAction, front_desk};
pub use registration::StayGuestInput;

/// Why a guest cannot be checked in, moved, kept longer or checked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StayError {
    #[error("the reservation arrives on {arrival}, not on the business date {today}")]
    NotArrivalDay {
        arrival: NaiveDate,
        today: NaiveDate,
    },
    #[error("room {room} is not clean: confirm to check in to a dirty room")]
    RoomDirty { room: String },
    #[error("room {room} is occupied by {booking}")]
    RoomOccupied { room: String, booking: String },
    #[error("no room is chosen")]
    NoRoom,
    #[error("register at least one guest")]
    NoGuests,
    #[error("{guest} has no ID document")]
    IdDocumentMissing { guest: String },
    #[error("folio {folio} still has a balance of {balance}")]
    BalanceDue { folio: String, balance: String },
    #[error("folio {folio} holds a deposit of {amount}: choose how it is refunded")]
    DepositRefundMethod { folio: String, amount: String },
    #[error("the stay departs on {departure}: change the departure before an early check-out")]
    EarlyDeparture { departure: NaiveDate },
    #[error("reservation {booking} has no guest in the house")]
    NotInHouse { booking: String },
    #[error("the guest is already in room {room}")]
    SameRoom { room: String },
    #[error("the departure cannot be before the business date {business_date}")]
    DepartureBeforeBusinessDate { business_date: NaiveDate },
    #[error("the departure is already {departure}")]
    DepartureUnchanged { departure: NaiveDate },
    #[error("an early-departure fee only applies when the stay is shortened")]
    FeeWithoutShortening,
}

impl StayError {
    pub fn to_api(&self) -> ApiError {
        let day = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
        let e = |code: &str, params: &[(&str, String)]| ApiError::new("stay", code, params);
        match self {
            Self::NotArrivalDay { arrival, today } => e(
                "not_arrival_day",
                &[("arrival", day(arrival)), ("today", day(today))],
            ),
            Self::RoomDirty { room } => e("room_dirty", &[("room", room.clone())]),
            Self::RoomOccupied { room, booking } => e(
                "room_occupied",
                &[("room", room.clone()), ("booking", booking.clone())],
            ),
            Self::NoRoom => e("no_room", &[]),
            Self::NoGuests => e("no_guests", &[]),
            Self::IdDocumentMissing { guest } => {
                e("id_document_missing", &[("guest", guest.clone())])
            }
            Self::BalanceDue { folio, balance } => e(
                "balance_due",
                &[("folio", folio.clone()), ("balance", balance.clone())],
            ),
            Self::DepositRefundMethod { folio, amount } => e(
                "deposit_refund_method",
                &[("folio", folio.clone()), ("amount", amount.clone())],
            ),
            Self::EarlyDeparture { departure } => {
                e("early_departure", &[("departure", day(departure))])
            }
            Self::NotInHouse { booking } => e("not_in_house", &[("booking", booking.clone())]),
            Self::SameRoom { room } => e("same_room", &[("room", room.clone())]),
            Self::DepartureBeforeBusinessDate { business_date } => e(
                "departure_before_business_date",
                &[("date", day(business_date))],
            ),
            Self::DepartureUnchanged { departure } => {
                e("departure_unchanged", &[("date", day(departure))])
            }
            Self::FeeWithoutShortening => e("fee_without_shortening", &[]),
        }
    }
}
