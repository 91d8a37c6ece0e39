//! Folio balances against a simple reference model: random sequences of charges, payments,
//! refunds, voids, adjustments, deposits and transfers on two folios of one stay, across
//! business dates. After each step the model and the database agree on what was refused, the
//! balance equals the sum of the postings read back from the table, and the deposit is apart.

use chrono::Duration;
use innkeep_core::db::Db;
use innkeep_core::entity::{posting, property};
use innkeep_core::folios::{self, ChargeInput, OpenFolioInput, PaymentInput};
use innkeep_core::reservations;
use innkeep_tests::{booking, fresh_db, hotel, rooms_and_rates, t0};
use proptest::prelude::*;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

const METHODS: [&str; 3] = ["cash", "wechat_pay", "alipay"];
const CODES: [&str; 3] = ["BREAKFAST", "MINIBAR", "MISC"];

#[derive(Debug, Clone)]
enum Op {
    Charge {
        folio: usize,
        code: usize,
        amount: i64,
    },
    Pay {
        folio: usize,
        method: usize,
        amount: i64,
    },
    Refund {
        folio: usize,
        method: usize,
        amount: i64,
    },
    Void {
        nth: usize,
    },
    Adjust {
        nth: usize,
        delta: i64,
    },
    Deposit {
        amount: i64,
    },
    ApplyDeposit {
        amount: i64,
    },
    RefundDeposit {
        amount: i64,
    },
    Transfer {
        from: usize,
    },
    NextDay,
}

fn op() -> impl Strategy<Value = Op> {
    let folio = 0..2_usize;
    prop_oneof![
        4 => (folio.clone(), 0..3_usize, 1..50_000_i64).prop_map(|(folio, code, amount)| Op::Charge { folio, code, amount }),
        3 => (folio.clone(), 0..3_usize, 1..30_000_i64).prop_map(|(folio, method, amount)| Op::Pay { folio, method, amount }),
        2 => (folio.clone(), 0..3_usize, 1..30_000_i64).prop_map(|(folio, method, amount)| Op::Refund { folio, method, amount }),
        2 => (0..30_usize).prop_map(|nth| Op::Void { nth }),
        2 => (0..30_usize, -20_000..20_000_i64).prop_map(|(nth, delta)| Op::Adjust { nth, delta }),
        1 => (1..50_000_i64).prop_map(|amount| Op::Deposit { amount }),
        1 => (1..30_000_i64).prop_map(|amount| Op::ApplyDeposit { amount }),
        1 => (1..30_000_i64).prop_map(|amount| Op::RefundDeposit { amount }),
        1 => folio.prop_map(|from| Op::Transfer { from }),
        1 => Just(Op::NextDay),
    ]
}

fn text(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", minor.abs() / 100, minor.abs() % 100)
}

/// One posting as the model remembers it.
#[derive(Debug, Clone)]
struct Line {
    id: i32,
    folio: usize,
    kind: &'static str,
    method: &'static str,
    amount: i64,
    day: i64,
    correction: bool,
    voided: bool,
}

/// The reference: a list of lines per folio and plain sums over them.
#[derive(Default)]
struct Model {
    lines: Vec<Line>,
    day: i64,
}

impl Model {
    fn sum(&self, folio: usize, kinds: &[&str], method: Option<&str>) -> i64 {
        self.lines
            .iter()
            .filter(|l| l.folio == folio && kinds.contains(&l.kind))
            .filter(|l| method.is_none_or(|m| l.method == m))
            .map(|l| l.amount)
            .sum()
    }
    fn balance(&self, folio: usize) -> i64 {
        self.sum(
            folio,
            &["charge", "payment", "refund", "transfer", "deposit_apply"],
            None,
        )
    }
    fn held(&self, folio: usize) -> i64 {
        self.sum(folio, &["deposit", "deposit_apply", "deposit_refund"], None)
    }
    fn refundable(&self, folio: usize, method: &str) -> i64 {
        -self.sum(folio, &["payment"], Some(method)) - self.sum(folio, &["refund"], Some(method))
    }
    /// Whether adding `line` keeps every method's refunds within its payments and the deposit ≥ 0.
    fn consistent_with(&self, line: &Line) -> bool {
        let mut next = Model {
            lines: self.lines.clone(),
            day: self.day,
        };
        next.lines.push(line.clone());
        METHODS.iter().all(|m| next.refundable(line.folio, m) >= 0) && next.held(line.folio) >= 0
    }
}

async fn stored_balance(db: &Db, folio_id: i32) -> (i64, i64) {
    let rows = posting::Entity::find()
        .filter(posting::Column::FolioId.eq(folio_id))
        .all(&db.conn)
        .await
        .unwrap();
    let in_balance = ["charge", "payment", "refund", "transfer", "deposit_apply"];
    let held = ["deposit", "deposit_apply", "deposit_refund"];
    (
        rows.iter()
            .filter(|r| in_balance.contains(&r.kind.as_str()))
            .map(|r| r.amount_minor)
            .sum(),
        rows.iter()
            .filter(|r| held.contains(&r.kind.as_str()))
            .map(|r| r.amount_minor)
            .sum(),
    )
}

fn pay(method: &str, amount: i64) -> PaymentInput {
    PaymentInput {
        method: method.into(),
        amount: text(amount),
        ..Default::default()
    }
}

async fn run(ops: Vec<Op>) {
    let t = fresh_db().await;
    let admin = hotel(&t.db).await;
    let (std, bar, _, _) = rooms_and_rates(&t.db, &admin).await;
    let arrival = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let res = reservations::create(&t.db.conn, t0(), &admin, booking(std, bar, arrival, 2))
        .await
        .unwrap()[0]
        .id;
    let main = folios::ensure_folio(&t.db.conn, t0(), &admin, res)
        .await
        .unwrap();
    let second = folios::open_folio(
        &t.db.conn,
        t0(),
        &admin,
        OpenFolioInput {
            reservation_id: res,
            label: "Company".into(),
            payer_name: String::new(),
            company_account: true,
            credit_limit: String::new(),
        },
    )
    .await
    .unwrap();
    let ids = [main.id, second.id];
    let mut m = Model::default();
    let conn = &t.db.conn;
    for op in ops {
        let day = m.day;
        let line = |folio: usize, kind: &'static str, method: &'static str, amount: i64| Line {
            id: 0,
            folio,
            kind,
            method,
            amount,
            day,
            correction: false,
            voided: false,
        };
        // (what the model expects to be posted, what the database did)
        let (expected, result): (Vec<Line>, Result<Vec<posting::Model>, _>) = match op.clone() {
            Op::Charge {
                folio,
                code,
                amount,
            } => {
                let input = ChargeInput {
                    charge_code: CODES[code].into(),
                    amount: text(amount),
                    quantity: 1,
                    description: String::new(),
                    night: None,
                };
                let r = folios::post_charge(conn, t0(), &admin, ids[folio], input).await;
                (vec![line(folio, "charge", "", amount)], r.map(|p| vec![p]))
            }
            Op::Pay {
                folio,
                method,
                amount,
            } => {
                let r = folios::post_payment(
                    conn,
                    t0(),
                    &admin,
                    ids[folio],
                    pay(METHODS[method], amount),
                )
                .await;
                (
                    vec![line(folio, "payment", METHODS[method], -amount)],
                    r.map(|p| vec![p]),
                )
            }
            Op::Refund {
                folio,
                method,
                amount,
            } => {
                let ok = amount <= m.refundable(folio, METHODS[method]);
                let r = folios::refund_payment(
                    conn,
                    t0(),
                    &admin,
                    ids[folio],
                    pay(METHODS[method], amount),
                )
                .await;
                (
                    if ok {
                        vec![line(folio, "refund", METHODS[method], amount)]
                    } else {
                        vec![]
                    },
                    r.map(|p| vec![p]),
                )
            }
            Op::Void { nth } => {
                let Some(target) = m.lines.get(nth).cloned() else {
                    continue;
                };
                let mut v = line(target.folio, target.kind, target.method, -target.amount);
                v.correction = true;
                let ok = !target.correction
                    && !target.voided
                    && target.kind != "transfer"
                    && target.day == m.day
                    && m.consistent_with(&v);
                let r = folios::void_posting(conn, t0(), &admin, target.id, "model").await;
                if ok {
                    m.lines[nth].voided = true;
                }
                (if ok { vec![v] } else { vec![] }, r.map(|p| vec![p]))
            }
            Op::Adjust { nth, delta } => {
                let Some(target) = m.lines.get(nth).cloned() else {
                    continue;
                };
                let stored = match target.kind {
                    "payment" | "deposit_apply" | "deposit_refund" => -delta,
                    _ => delta,
                };
                let a = line(target.folio, target.kind, target.method, stored);
                let ok = !target.correction
                    && target.kind != "transfer"
                    && target.day < m.day
                    && delta != 0
                    && m.consistent_with(&a);
                let r =
                    folios::adjust_posting(conn, t0(), &admin, target.id, &text(delta), "model")
                        .await;
                (if ok { vec![a] } else { vec![] }, r.map(|p| vec![p]))
            }
            Op::Deposit { amount } => {
                let r =
                    folios::collect_deposit(conn, t0(), &admin, ids[0], pay("cash", amount)).await;
                (vec![line(0, "deposit", "cash", amount)], r.map(|p| vec![p]))
            }
            Op::ApplyDeposit { amount } => {
                let ok = amount <= m.held(0);
                let r = folios::apply_deposit(conn, t0(), &admin, ids[0], &text(amount)).await;
                (
                    if ok {
                        vec![line(0, "deposit_apply", "", -amount)]
                    } else {
                        vec![]
                    },
                    r.map(|p| vec![p]),
                )
            }
            Op::RefundDeposit { amount } => {
                let ok = amount <= m.held(0);
                let r =
                    folios::refund_deposit(conn, t0(), &admin, ids[0], pay("cash", amount)).await;
                (
                    if ok {
                        vec![line(0, "deposit_refund", "cash", -amount)]
                    } else {
                        vec![]
                    },
                    r.map(|p| vec![p]),
                )
            }
            Op::Transfer { from } => {
                let to = 1 - from;
                let b = m.balance(from);
                let r = folios::transfer_balance(conn, t0(), &admin, ids[from], ids[to]).await;
                let expected = if b == 0 {
                    vec![]
                } else {
                    vec![line(from, "transfer", "", -b), line(to, "transfer", "", b)]
                };
                (expected, r.map(|(a, b)| vec![a, b]))
            }
            Op::NextDay => {
                let p = property::Entity::find_by_id(admin.property_id)
                    .one(conn)
                    .await
                    .unwrap()
                    .unwrap();
                let next = p.business_date + Duration::days(1);
                let mut pm: property::ActiveModel = p.into();
                pm.business_date = Set(next);
                pm.update(conn).await.unwrap();
                m.day += 1;
                continue;
            }
        };
        match result {
            Ok(rows) => {
                assert_eq!(
                    rows.len(),
                    expected.len(),
                    "{op:?} was accepted but the model refuses it"
                );
                for (mut l, row) in expected.into_iter().zip(rows) {
                    assert_eq!(
                        (row.amount_minor, row.kind.as_str()),
                        (l.amount, l.kind),
                        "{op:?}"
                    );
                    l.id = row.id;
                    l.correction = row.voids_id.is_some();
                    m.lines.push(l);
                }
            }
            Err(e) => assert!(
                expected.is_empty(),
                "{op:?} refused although the model accepts it: {e}"
            ),
        }
        for (i, id) in ids.iter().enumerate() {
            let totals = folios::folio_balance(conn, *id).await.unwrap();
            let (sum, held) = stored_balance(&t.db, *id).await;
            assert_eq!(
                text(sum),
                totals.balance.to_string(),
                "balance = Σ postings"
            );
            assert_eq!(text(held), totals.deposit_held.to_string());
            assert_eq!((sum, held), (m.balance(i), m.held(i)), "after {op:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn folio_balances_match_a_reference_model(ops in prop::collection::vec(op(), 1..40)) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(run(ops));
    }
}
