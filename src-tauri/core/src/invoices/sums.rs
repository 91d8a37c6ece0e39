//! A folio's totals read from its postings: the balance is always their sum, never a stored
//! number. Postings carry signed amounts — charges positive, payments and refunds of them
//! negative — and the tax included in each amount.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::posting;
use crate::error::Result;
use crate::folios;

/// Sums of one folio in minor units.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolioSums {
    /// Σ amount and Σ tax per posting kind.
    pub by_kind: BTreeMap<String, (i64, i64)>,
    /// Σ of the postings in the balance (the deposit is held apart): zero when settled.
    pub balance_minor: i64,
    /// The deposit (押金) still held: it must be applied or refunded before the invoice.
    pub deposit_held_minor: i64,
    /// Σ of postings with a charge code (charges, their voids and adjustments).
    pub charges_minor: i64,
    /// The tax included in those charges.
    pub tax_minor: i64,
    /// How many postings carry a charge code.
    pub charge_count: u32,
    /// The newest posting, which an invoice covers up to.
    pub last_posting_id: Option<i32>,
}

/// Reads the sums of folio `folio_id` with one query over its postings.
pub async fn folio_sums(conn: &impl ConnectionTrait, folio_id: i32) -> Result<FolioSums> {
    let rows: Vec<(i32, String, Option<i32>, i64, i64)> = posting::Entity::find()
        .select_only()
        .columns([
            posting::Column::Id,
            posting::Column::Kind,
            posting::Column::ChargeCodeId,
            posting::Column::AmountMinor,
            posting::Column::TaxMinor,
        ])
        .filter(posting::Column::FolioId.eq(folio_id))
        .order_by_asc(posting::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    let mut s = FolioSums::default();
    for (id, kind, code, amount, tax) in rows {
        let entry = s.by_kind.entry(kind.clone()).or_default();
        entry.0 += amount;
        entry.1 += tax;
        if folios::kind::IN_BALANCE.contains(&kind.as_str()) {
            s.balance_minor += amount;
        }
        if [
            folios::kind::DEPOSIT,
            folios::kind::DEPOSIT_APPLY,
            folios::kind::DEPOSIT_REFUND,
        ]
        .contains(&kind.as_str())
        {
            s.deposit_held_minor += amount;
        }
        if code.is_some() {
            s.charges_minor += amount;
            s.tax_minor += tax;
            s.charge_count += 1;
        }
        s.last_posting_id = Some(s.last_posting_id.map_or(id, |l| l.max(id)));
    }
    Ok(s)
}
