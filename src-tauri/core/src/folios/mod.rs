//! Folios: the accounts of a stay, their immutable postings (charges by charge code, payments by
//! method, transfers, voids and adjustments) and the deposit (押金) held apart from the balance.
//! The balance is always the sum of the postings; nothing is updated or deleted — the database
//! refuses it, and refuses a posting dated anything but the open business date.
//!
//! Writes take any `ConnectionTrait + TransactionTrait`, so check-in, check-out and the night
//! audit can post inside their own transaction (a nested `begin` is a savepoint there).

mod card;
mod charge_codes;
mod correct;
mod deposit;
mod error;
mod folio;
mod payment;
mod post;
mod totals;
mod view;

use crate::auth::{Actor, AuthError};
use crate::permission::Permission;

pub use card::{luhn_valid, refuse_card_number};
pub use charge_codes::{
    ChargeCodeInput, ChargeCodeView, DEFAULT_CHARGE_CODES, code, create_default_charge_codes,
    list_charge_codes, save_charge_code,
};
pub use correct::{adjust_posting, void_posting};
pub use deposit::{apply_deposit, collect_deposit, refund_deposit};
pub use error::{FolioError, posting_db_error};
pub use folio::{
    FOLIO_SERIES, OpenFolioInput, close_folio, ensure_folio, list_folios, open_folio, route_charges,
};
pub use payment::{PaymentInput, post_payment, refund_payment, transfer_balance};
pub use post::{
    ChargeInput, post_charge, post_fee, post_room_charge, post_room_night, room_night_due,
};
pub use totals::{Ledger, Line, Totals};
pub use view::{
    FolioSearch, FolioSummary, FolioView, PostingView, RouteView, folio_balance, folio_view,
    search_folios,
};

/// Posting kinds as stored. Amounts carry their effect on the balance: charges, refunds and
/// transfers in raise it, payments, applied deposits and transfers out lower it. A deposit
/// (押金) raises only what is held; a void or adjustment has the kind of what it corrects.
pub mod kind {
    pub const CHARGE: &str = "charge";
    pub const PAYMENT: &str = "payment";
    pub const REFUND: &str = "refund";
    pub const TRANSFER: &str = "transfer";
    pub const DEPOSIT: &str = "deposit";
    pub const DEPOSIT_APPLY: &str = "deposit_apply";
    pub const DEPOSIT_REFUND: &str = "deposit_refund";
    /// The kinds summed into the balance.
    pub const IN_BALANCE: [&str; 5] = [CHARGE, PAYMENT, REFUND, TRANSFER, DEPOSIT_APPLY];
}

/// Folio states as stored.
pub mod state {
    pub const OPEN: &str = "open";
    pub const CLOSED: &str = "closed";
}

/// Payment methods. A bank card keeps only brand, last four digits and authorization code.
pub const METHODS: [&str; 7] = [
    "cash",
    "bank_card",
    "wechat_pay",
    "alipay",
    "bank_transfer",
    "company_account",
    "voucher",
];

/// Refuses unless the actor holds one of `permissions` — for building blocks that check-in,
/// check-out, cancellation and the night audit call under their own permission.
fn require_any(actor: &Actor, permissions: &[Permission]) -> Result<(), AuthError> {
    match permissions.iter().find(|p| actor.require(**p).is_ok()) {
        Some(_) => Ok(()),
        None => actor.require(permissions[0]),
    }
}

/// Who may post the consequences of their own work (a room night, a fee, the main folio).
const POSTS_AS_PART_OF_WORK: [Permission; 4] = [
    Permission::FoliosPost,
    Permission::FrontdeskOperate,
    Permission::ReservationsManage,
    Permission::NightAuditRun,
];
