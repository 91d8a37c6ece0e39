//! A folio's totals, always derived from its postings (never stored): charges and their tax,
//! payments, transfers, the balance and the deposit held apart from it.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::{FolioError, kind};
use crate::money;

/// The totals of a folio as the desk sees them. `balance` is what the guest still owes
/// (negative: the hotel owes the guest); the deposit is not part of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    #[specta(type = String)]
    pub charges: Decimal,
    #[specta(type = String)]
    pub tax: Decimal,
    #[specta(type = String)]
    pub payments: Decimal,
    #[specta(type = String)]
    pub transfers: Decimal,
    #[specta(type = String)]
    pub balance: Decimal,
    #[specta(type = String)]
    pub deposit_held: Decimal,
}

/// The sums in minor units, with what each payment method paid and got refunded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub charges: i64,
    pub tax: i64,
    pub payments: i64,
    pub transfers: i64,
    pub balance: i64,
    pub deposit_held: i64,
    pub paid: BTreeMap<String, i64>,
    pub refunded: BTreeMap<String, i64>,
}

/// One posting as far as the sums care: its kind, method, signed amount and tax.
pub struct Line<'a> {
    pub kind: &'a str,
    pub method: &'a str,
    pub amount: i64,
    pub tax: i64,
}

impl Ledger {
    /// Sums the postings. Amounts are stored with their effect: charges and refunds raise the
    /// balance, payments and applied deposits lower it; a deposit raises what is held.
    pub fn of<'a>(lines: impl IntoIterator<Item = Line<'a>>) -> Self {
        let mut l = Ledger::default();
        for line in lines {
            match line.kind {
                kind::CHARGE => {
                    l.charges += line.amount;
                    l.tax += line.tax;
                }
                kind::PAYMENT => {
                    l.payments -= line.amount;
                    *l.paid.entry(line.method.to_string()).or_default() -= line.amount;
                }
                kind::REFUND => {
                    l.payments -= line.amount;
                    *l.refunded.entry(line.method.to_string()).or_default() += line.amount;
                }
                kind::TRANSFER => l.transfers += line.amount,
                kind::DEPOSIT_APPLY => {
                    l.payments -= line.amount;
                    l.deposit_held += line.amount;
                }
                kind::DEPOSIT | kind::DEPOSIT_REFUND => l.deposit_held += line.amount,
                _ => {}
            }
            if kind::IN_BALANCE.contains(&line.kind) {
                l.balance += line.amount;
            }
        }
        l
    }

    /// What may still be refunded by `method`: paid by it minus already refunded.
    pub fn refundable(&self, method: &str) -> i64 {
        self.paid.get(method).copied().unwrap_or(0)
            - self.refunded.get(method).copied().unwrap_or(0)
    }

    /// Refuses a state no folio may reach: more refunded than paid by a method, or a negative
    /// deposit.
    pub fn check(&self, digits: u32) -> Result<(), FolioError> {
        for method in self.paid.keys().chain(self.refunded.keys()) {
            let available = self.refundable(method);
            if available < 0 {
                let refunded = self.refunded.get(method).copied().unwrap_or(0);
                return Err(FolioError::RefundAbovePaid {
                    method: method.clone(),
                    available: money::from_minor((refunded + available).max(0), digits),
                });
            }
        }
        if self.deposit_held < 0 {
            return Err(FolioError::DepositAboveHeld {
                held: money::from_minor(0, digits),
            });
        }
        Ok(())
    }

    /// The totals in the currency's decimals.
    pub fn totals(&self, digits: u32) -> Totals {
        let d = |m: i64| money::from_minor(m, digits);
        Totals {
            charges: d(self.charges),
            tax: d(self.tax),
            payments: d(self.payments),
            transfers: d(self.transfers),
            balance: d(self.balance),
            deposit_held: d(self.deposit_held),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(kind: &'static str, method: &'static str, amount: i64) -> Line<'static> {
        Line {
            kind,
            method,
            amount,
            tax: 0,
        }
    }

    #[test]
    fn the_deposit_stays_apart_from_the_balance() {
        let l = Ledger::of([
            Line {
                kind: kind::CHARGE,
                method: "",
                amount: 30000,
                tax: 1698,
            },
            line(kind::DEPOSIT, "cash", 50000),
            line(kind::PAYMENT, "wechat_pay", -10000),
            line(kind::DEPOSIT_APPLY, "", -20000),
            line(kind::DEPOSIT_REFUND, "cash", -30000),
        ]);
        assert_eq!((l.charges, l.tax, l.payments), (30000, 1698, 30000));
        assert_eq!((l.balance, l.deposit_held), (0, 0));
        assert!(l.check(2).is_ok());
    }

    #[test]
    fn refunds_are_counted_per_method() {
        let l = Ledger::of([
            line(kind::PAYMENT, "cash", -10000),
            line(kind::REFUND, "cash", 4000),
            line(kind::REFUND, "alipay", 100),
        ]);
        assert_eq!(l.refundable("cash"), 6000);
        assert_eq!(l.balance, -5900);
        assert!(matches!(
            l.check(2),
            Err(FolioError::RefundAbovePaid { .. })
        ));
    }
}
