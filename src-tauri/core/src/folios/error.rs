//! Why a folio operation is refused, and how the database's own money guards (append-only
//! postings, the locked business date, one void per posting) are told to the user.

use rust_decimal::Decimal;
use sea_orm::{DbErr, SqlErr};

use crate::error::{ApiError, Error};

/// A folio rule that refused an operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FolioError {
    #[error("folio {number} is closed")]
    Closed { number: String },
    #[error("the business date is closed: nothing can be posted to it")]
    DateLocked,
    #[error("postings cannot be changed or deleted")]
    AppendOnly,
    #[error("the posting is already voided")]
    AlreadyVoided,
    #[error("only a posting of the current business date can be voided; adjust older ones")]
    VoidOtherDate,
    #[error("a posting of the current business date is voided, not adjusted")]
    AdjustSameDate,
    #[error("this posting cannot be voided or adjusted")]
    NotCorrectable,
    #[error("at most {available} can be refunded by {method}")]
    RefundAbovePaid { method: String, available: Decimal },
    #[error("at most {held} of deposit is held")]
    DepositAboveHeld { held: Decimal },
    #[error("field {field} holds what looks like a full card number")]
    CardNumber { field: &'static str },
    #[error("unknown or inactive charge code {code}")]
    UnknownChargeCode { code: String },
    #[error("the folio has a balance of {balance}")]
    NotSettled { balance: Decimal },
    #[error("the folio still holds a deposit of {held}")]
    DepositStillHeld { held: Decimal },
    #[error("charge code {code} is needed by the system and stays active")]
    ChargeCodeRequired { code: String },
    #[error("a balance is moved between two different open folios")]
    SameFolio,
}

impl FolioError {
    pub fn to_api(&self) -> ApiError {
        let a = |code: &str, params: &[(&str, String)]| ApiError::new("folio", code, params);
        match self {
            Self::Closed { number } => a("closed", &[("number", number.clone())]),
            Self::DateLocked => a("date_locked", &[]),
            Self::AppendOnly => a("append_only", &[]),
            Self::AlreadyVoided => a("already_voided", &[]),
            Self::VoidOtherDate => a("void_other_date", &[]),
            Self::AdjustSameDate => a("adjust_same_date", &[]),
            Self::NotCorrectable => a("not_correctable", &[]),
            Self::RefundAbovePaid { method, available } => a(
                "refund_above_paid",
                &[
                    ("method", method.clone()),
                    ("available", available.to_string()),
                ],
            ),
            Self::DepositAboveHeld { held } => {
                a("deposit_above_held", &[("held", held.to_string())])
            }
            Self::CardNumber { field } => a("card_number", &[("field", field.to_string())]),
            Self::UnknownChargeCode { code } => a("unknown_charge_code", &[("code", code.clone())]),
            Self::NotSettled { balance } => a("not_settled", &[("balance", balance.to_string())]),
            Self::DepositStillHeld { held } => {
                a("deposit_still_held", &[("held", held.to_string())])
            }
            Self::ChargeCodeRequired { code } => {
                a("charge_code_required", &[("code", code.clone())])
            }
            Self::SameFolio => a("same_folio", &[]),
        }
    }
}

/// Translates what the database's triggers and unique indexes say about a posting insert;
/// anything else stays a database error (logged, shown as an internal error).
pub fn posting_db_error(e: DbErr) -> Error {
    if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
        return FolioError::AlreadyVoided.into();
    }
    let text = e.to_string();
    if text.contains("closed business date") {
        FolioError::DateLocked.into()
    } else if text.contains("append-only") {
        FolioError::AppendOnly.into()
    } else {
        Error::Db(e)
    }
}
