//! Why a night audit is refused.

use chrono::NaiveDate;

use crate::error::ApiError;

/// Refusals of the night audit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NightAuditError {
    #[error("{count} pre-check findings must be acknowledged before the audit runs")]
    NotAcknowledged { count: usize },
    #[error("the business date {given} is not open: the open date is {open}")]
    DateNotOpen { given: NaiveDate, open: NaiveDate },
    #[error("the night audit of {date} has already run")]
    AlreadyRun { date: NaiveDate },
    #[error("no night audit has closed {date}")]
    NotClosed { date: NaiveDate },
}

impl NightAuditError {
    pub fn to_api(&self) -> ApiError {
        match self {
            Self::NotAcknowledged { count } => ApiError::new(
                "night_audit",
                "not_acknowledged",
                &[("count", count.to_string())],
            ),
            Self::DateNotOpen { given, open } => ApiError::new(
                "night_audit",
                "date_not_open",
                &[("date", given.to_string()), ("open", open.to_string())],
            ),
            Self::AlreadyRun { date } => {
                ApiError::new("night_audit", "already_run", &[("date", date.to_string())])
            }
            Self::NotClosed { date } => {
                ApiError::new("night_audit", "not_closed", &[("date", date.to_string())])
            }
        }
    }
}
