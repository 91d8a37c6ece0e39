//! Why an invoice or a credit note cannot be issued.

use crate::error::ApiError;

/// Refusals of the invoices module; amounts are formatted with the currency ("CNY 120.00").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvoiceError {
    #[error("the folio is not settled: its balance is {balance}")]
    NotSettled { balance: String },
    #[error("a deposit of {amount} is still held: apply or refund it first")]
    DepositHeld { amount: String },
    #[error("the folio has no charges to invoice")]
    NothingToInvoice,
    #[error("the folio is already invoiced as {number}")]
    AlreadyInvoiced { number: String },
    #[error("invoice {number} already has a credit note {credit_note}")]
    AlreadyCredited { number: String, credit_note: String },
    #[error("{number} is a credit note; only an invoice can be credited")]
    NotAnInvoice { number: String },
}

impl InvoiceError {
    pub fn to_api(&self) -> ApiError {
        match self {
            Self::NotSettled { balance } => {
                ApiError::new("invoice", "not_settled", &[("balance", balance.clone())])
            }
            Self::DepositHeld { amount } => {
                ApiError::new("invoice", "deposit_held", &[("amount", amount.clone())])
            }
            Self::NothingToInvoice => ApiError::new("invoice", "nothing_to_invoice", &[]),
            Self::AlreadyInvoiced { number } => {
                ApiError::new("invoice", "already_invoiced", &[("number", number.clone())])
            }
            Self::AlreadyCredited {
                number,
                credit_note,
            } => ApiError::new(
                "invoice",
                "already_credited",
                &[
                    ("number", number.clone()),
                    ("creditNote", credit_note.clone()),
                ],
            ),
            Self::NotAnInvoice { number } => {
                ApiError::new("invoice", "not_an_invoice", &[("number", number.clone())])
            }
        }
    }
}
