//! Input checks shared by every form: required, length, formats. A failure names the field
//! (a key under `fields.` in the UI's translations) and the rule it broke.

use crate::error::ApiError;

/// Which rule an input broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    Required,
    TooLong { max: usize },
    TooShort { min: usize },
    Format,
    PasswordWeak { min: usize },
    Port,
    Duplicate { value: String },
    Range { min: i64, max: i64 },
}

/// An input that cannot be accepted, with the field to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field {field} is invalid: {rule:?}")]
pub struct Invalid {
    pub field: &'static str,
    pub rule: Rule,
}

impl Invalid {
    pub fn new(field: &'static str, rule: Rule) -> Self {
        Self { field, rule }
    }

    pub fn to_api(&self) -> ApiError {
        let field = ("field", self.field.to_string());
        match &self.rule {
            Rule::Required => ApiError::new("validation", "required", &[field]),
            Rule::TooLong { max } => {
                ApiError::new("validation", "too_long", &[field, ("max", max.to_string())])
            }
            Rule::TooShort { min } => ApiError::new(
                "validation",
                "too_short",
                &[field, ("min", min.to_string())],
            ),
            Rule::Format => ApiError::new("validation", "invalid", &[field]),
            Rule::PasswordWeak { min } => ApiError::new(
                "validation",
                "password_weak",
                &[field, ("min", min.to_string())],
            ),
            Rule::Port => ApiError::new("validation", "port", &[field]),
            Rule::Duplicate { value } => ApiError::new(
                "validation",
                "duplicate",
                &[field, ("value", value.clone())],
            ),
            Rule::Range { min, max } => ApiError::new(
                "validation",
                "range",
                &[field, ("min", min.to_string()), ("max", max.to_string())],
            ),
        }
    }
}

/// Trims `value` and checks it is present and at most `max` characters long.
pub fn text(field: &'static str, value: &str, max: usize) -> Result<String, Invalid> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Invalid::new(field, Rule::Required));
    }
    optional_text(field, v, max)
}

/// Trims `value` and checks it is at most `max` characters long; empty is allowed.
pub fn optional_text(field: &'static str, value: &str, max: usize) -> Result<String, Invalid> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(Invalid::new(field, Rule::TooLong { max }));
    }
    if v.chars().any(char::is_control) {
        return Err(Invalid::new(field, Rule::Format));
    }
    Ok(v.to_string())
}

/// Minimum length of a staff password.
pub const PASSWORD_MIN: usize = 10;
const PASSWORD_MAX: usize = 128;

/// A new password: at least [`PASSWORD_MIN`] characters, not only one repeated character.
pub fn new_password(field: &'static str, value: &str) -> Result<(), Invalid> {
    let n = value.chars().count();
    if n == 0 {
        return Err(Invalid::new(field, Rule::Required));
    }
    if n > PASSWORD_MAX {
        return Err(Invalid::new(field, Rule::TooLong { max: PASSWORD_MAX }));
    }
    let first = value.chars().next();
    if n < PASSWORD_MIN || value.chars().all(|c| Some(c) == first) {
        return Err(Invalid::new(
            field,
            Rule::PasswordWeak { min: PASSWORD_MIN },
        ));
    }
    Ok(())
}

/// A user name: 2–40 letters, digits, `.`, `-` or `_`; compared case-insensitively.
pub fn username(value: &str) -> Result<String, Invalid> {
    let v = text("username", value, 40)?.to_lowercase();
    if v.chars().count() < 2 {
        return Err(Invalid::new("username", Rule::TooShort { min: 2 }));
    }
    if !v
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return Err(Invalid::new("username", Rule::Format));
    }
    Ok(v)
}

/// A time of day as `HH:MM`.
pub fn time_of_day(field: &'static str, value: &str) -> Result<String, Invalid> {
    chrono::NaiveTime::parse_from_str(value.trim(), "%H:%M")
        .map(|t| t.format("%H:%M").to_string())
        .map_err(|_| Invalid::new(field, Rule::Format))
}

/// An integer within `min..=max`.
pub fn range(field: &'static str, value: i64, min: i64, max: i64) -> Result<i64, Invalid> {
    if value < min || value > max {
        return Err(Invalid::new(field, Rule::Range { min, max }));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_need_ten_characters_and_some_variety() {
        assert!(new_password("password", "short").is_err());
        assert!(new_password("password", "aaaaaaaaaaaa").is_err());
        assert!(new_password("password", "front-desk-2026").is_ok());
    }

    #[test]
    fn usernames_are_lowercased_and_checked() {
        assert_eq!(username(" Wang.Li ").unwrap(), "wang.li");
        assert_eq!(username("a b").unwrap_err().rule, Rule::Format);
        assert_eq!(username("").unwrap_err().rule, Rule::Required);
    }

    #[test]
    fn oversized_text_names_the_limit() {
        let long = "x".repeat(121);
        assert_eq!(
            text("name", &long, 120).unwrap_err().rule,
            Rule::TooLong { max: 120 }
        );
    }
}
