//! Why a document could not leave the app.

use crate::error::ApiError;

/// Saving or printing a document failed; details go to the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("{path} cannot be written: {detail}")]
    Write { path: String, detail: String },
    #[error("no program opens PDF files here: {detail}")]
    NoViewer { detail: String },
}

impl DocumentError {
    pub fn to_api(&self) -> ApiError {
        match self {
            Self::Write { path, .. } => {
                ApiError::new("document", "write", &[("path", path.clone())])
            }
            Self::NoViewer { .. } => ApiError::new("document", "no_viewer", &[]),
        }
    }
}
