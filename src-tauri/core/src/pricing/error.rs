//! Why a stay cannot be priced, and how that reaches the booking form.

use chrono::NaiveDate;

use crate::error::ApiError;

/// Why a stay cannot be priced as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    #[error("the departure must be after the arrival")]
    DepartureNotAfterArrival,
    #[error("the rate plan needs a stay of at least {min} nights")]
    StayTooShort { min: u32 },
    #[error("the rate plan allows a stay of at most {max} nights")]
    StayTooLong { max: u32 },
    #[error("the rate plan is closed to arrival on {date}")]
    ClosedToArrival { date: NaiveDate },
    #[error("the rate plan is closed to departure on {date}")]
    ClosedToDeparture { date: NaiveDate },
    #[error("promotion {code} is not valid")]
    PromotionNotValid { code: String },
    #[error("promotion {code} has no uses left")]
    PromotionUsedUp { code: String },
    #[error("a price or tax rate of the rate plan is negative")]
    NegativePrice,
}

impl PricingError {
    /// The form field to show the error beside.
    pub fn field(&self) -> &'static str {
        match self {
            Self::ClosedToArrival { .. } => "arrival",
            Self::DepartureNotAfterArrival
            | Self::StayTooShort { .. }
            | Self::StayTooLong { .. }
            | Self::ClosedToDeparture { .. } => "departure",
            Self::PromotionNotValid { .. } | Self::PromotionUsedUp { .. } => "promotion",
            Self::NegativePrice => "price",
        }
    }

    /// The key `errors.pricing.<code>` with its parameters (dates as YYYY-MM-DD) and the field.
    pub fn to_api(&self) -> ApiError {
        let field = ("field", self.field().to_string());
        let date = |d: &NaiveDate| ("date", d.format("%Y-%m-%d").to_string());
        let (code, param) = match self {
            Self::DepartureNotAfterArrival => ("departure_not_after_arrival", None),
            Self::StayTooShort { min } => ("stay_too_short", Some(("min", min.to_string()))),
            Self::StayTooLong { max } => ("stay_too_long", Some(("max", max.to_string()))),
            Self::ClosedToArrival { date: d } => ("closed_to_arrival", Some(date(d))),
            Self::ClosedToDeparture { date: d } => ("closed_to_departure", Some(date(d))),
            Self::PromotionNotValid { code } => {
                ("promotion_not_valid", Some(("code", code.clone())))
            }
            Self::PromotionUsedUp { code } => ("promotion_used_up", Some(("code", code.clone()))),
            Self::NegativePrice => ("negative_price", None),
        };
        let params: Vec<(&str, String)> = std::iter::once(field).chain(param).collect();
        ApiError::new("pricing", code, &params)
    }
}
