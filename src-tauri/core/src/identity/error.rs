//! Why an ID number or a passport's machine-readable zone was refused. Every variant names the
//! field to fix (`idNumber` or `mrz`) so the form shows the message beside it.

use crate::error::ApiError;

/// Which check digit of a passport's MRZ (ICAO 9303 TD3, line 2) did not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MrzCheck {
    /// Position 10: over the document number.
    DocumentNumber,
    /// Position 20: over the date of birth.
    BirthDate,
    /// Position 28: over the date of expiry.
    ExpiryDate,
    /// Position 43: over the optional (personal number) data.
    OptionalData,
    /// Position 44: over all of the above with their check digits.
    Composite,
}

impl MrzCheck {
    fn code(self) -> &'static str {
        match self {
            Self::DocumentNumber => "mrz_check_document_number",
            Self::BirthDate => "mrz_check_birth_date",
            Self::ExpiryDate => "mrz_check_expiry_date",
            Self::OptionalData => "mrz_check_optional_data",
            Self::Composite => "mrz_check_composite",
        }
    }
}

/// A refused ID number or MRZ.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("unknown kind of ID document: {kind}")]
    UnknownKind { kind: String },
    #[error("the ID number is missing")]
    NumberRequired,
    #[error("the ID number does not have the form of this kind of document")]
    NumberFormat,
    #[error("a China resident ID has 18 characters, this one {found}")]
    ResidentIdLength { found: usize },
    #[error("a China resident ID has 17 digits and a digit or X")]
    ResidentIdCharacters,
    #[error("no province has the code {code}")]
    ResidentIdRegion { code: String },
    #[error("{text} is not a real date of birth")]
    ResidentIdBirthDate { text: String },
    #[error("the date of birth {date} lies in the future")]
    ResidentIdBirthFuture { date: chrono::NaiveDate },
    #[error("the date of birth {date} lies before 1900")]
    ResidentIdBirthTooEarly { date: chrono::NaiveDate },
    #[error("the check character does not match: a character is mistyped")]
    ResidentIdCheckCharacter,
    #[error("an MRZ has two lines of 44 characters, this one {found} characters")]
    MrzLength { found: usize },
    #[error("an MRZ holds only letters, digits and <")]
    MrzCharacters,
    #[error("this MRZ is not a passport's (it must start with P)")]
    MrzNotPassport,
    #[error("the MRZ check digit of {0:?} does not match")]
    MrzCheckDigit(MrzCheck),
    #[error("the MRZ's date of birth is not a real date")]
    MrzBirthDate,
    #[error("the MRZ's date of expiry is not a real date")]
    MrzExpiryDate,
}

impl IdentityError {
    /// The form field the message belongs beside.
    pub fn field(&self) -> &'static str {
        match self {
            Self::UnknownKind { .. } => "idType",
            Self::MrzLength { .. }
            | Self::MrzCharacters
            | Self::MrzNotPassport
            | Self::MrzCheckDigit(_)
            | Self::MrzBirthDate
            | Self::MrzExpiryDate => "mrz",
            _ => "idNumber",
        }
    }

    /// The stable code, key (`errors.identity.<code>`) and parameters for the UI.
    pub fn to_api(&self) -> ApiError {
        let field = ("field", self.field().to_string());
        let (code, extra): (&str, Option<(&str, String)>) = match self {
            Self::UnknownKind { kind } => ("unknown_kind", Some(("kind", kind.clone()))),
            Self::NumberRequired => ("number_required", None),
            Self::NumberFormat => ("number_format", None),
            Self::ResidentIdLength { found } => {
                ("resident_id_length", Some(("found", found.to_string())))
            }
            Self::ResidentIdCharacters => ("resident_id_characters", None),
            Self::ResidentIdRegion { code } => ("resident_id_region", Some(("code", code.clone()))),
            Self::ResidentIdBirthDate { text } => {
                ("resident_id_birth_date", Some(("text", text.clone())))
            }
            Self::ResidentIdBirthFuture { date } => {
                ("resident_id_birth_future", Some(("date", date.to_string())))
            }
            Self::ResidentIdBirthTooEarly { date } => (
                "resident_id_birth_too_early",
                Some(("date", date.to_string())),
            ),
            Self::ResidentIdCheckCharacter => ("resident_id_check_character", None),
            Self::MrzLength { found } => ("mrz_length", Some(("found", found.to_string()))),
            Self::MrzCharacters => ("mrz_characters", None),
            Self::MrzNotPassport => ("mrz_not_passport", None),
            Self::MrzCheckDigit(check) => (check.code(), None),
            Self::MrzBirthDate => ("mrz_birth_date", None),
            Self::MrzExpiryDate => ("mrz_expiry_date", None),
        };
        let mut params = vec![field];
        params.extend(extra);
        ApiError::new("identity", code, &params)
    }
}
