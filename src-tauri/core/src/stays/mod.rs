//! Stays: a guest in a room, from check-in to check-out. This file only gathers the parts;
//! changes to a stay in the house (room move, departure change, late check-out fee) are in
//! changes/.

mod changes;

pub use changes::{
    DepartureChange, DepartureQuote, FeePosted, LateCheckOutFee, MoveInput, StayChangeError,
    change_departure, late_check_out_fee, move_room, quote_departure,
};
