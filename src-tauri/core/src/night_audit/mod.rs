//! The night audit: closes the hotel's business date. Pre-checks the operator acknowledges,
//! then one all-or-nothing transaction posts each in-house room night with its tax, marks
//! unarrived confirmed arrivals as no-shows with their fee, writes the closed date's figures
//! (the `night_audit` row, unique per date, and the daily roll-up of `reports::rollup`) and
//! rolls the business date — after which the database refuses postings dated the closed day.
//! Permission `night_audit.run`.

mod checks;
mod error;
mod run;
mod summary;

pub use checks::{AuditChecks, Finding, OverLimit, pre_checks};
pub use error::NightAuditError;
pub use run::{AuditOutcome, AuditProgress, AuditStep, RunInput, run};
pub use summary::{AuditSummary, CodeTotal, Corrections, MethodTotal, NoShowLine, closed_summary};

use crate::error::Result;

impl crate::desk::Desk {
    /// Runs the night audit as the signed-in user on the desk's clock.
    pub async fn run_night_audit(
        &self,
        input: RunInput,
        progress: impl Fn(AuditProgress) + Send + Sync,
    ) -> Result<AuditOutcome> {
        let (db, actor) = self.acting().await?;
        run(&db.conn, self.clock.as_ref(), &actor, input, progress).await
    }
}
