//! Timing a measure: runs, median, p95 and p99, and the table row RESULTS.md shows for it.

use std::future::Future;
use std::time::{Duration, Instant};

/// The figures of one measure.
pub struct Figures {
    pub name: String,
    pub goal: String,
    pub median: Duration,
    pub p95: Duration,
    pub p99: Duration,
    pub met: Option<bool>,
    pub note: String,
}

/// Runs `f` `runs` times (after three warm-up runs) and answers the sorted timings.
pub async fn time<F, Fut, T>(runs: usize, mut f: F) -> Vec<Duration>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = T>,
{
    for i in 0..3 {
        f(i).await;
    }
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let start = Instant::now();
        f(i).await;
        times.push(start.elapsed());
    }
    times.sort();
    times
}

pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

impl Figures {
    /// Figures of `times` against a goal on the p95 (or the median when `on_median`).
    pub fn of(name: &str, goal_ms: f64, on: Quantile, times: &[Duration]) -> Figures {
        let (median, p95, p99) = (
            quantile(times, 0.5),
            quantile(times, 0.95),
            quantile(times, 0.99),
        );
        let measured = match on {
            Quantile::Median => median,
            Quantile::P95 => p95,
            Quantile::P99 => p99,
        };
        Figures {
            name: name.into(),
            goal: format!("{} ≤ {goal_ms} ms", on.label()),
            median,
            p95,
            p99,
            met: Some(measured.as_secs_f64() * 1000.0 <= goal_ms),
            note: String::new(),
        }
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }

    /// One line of the Markdown table.
    pub fn row(&self) -> String {
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        let met = match self.met {
            Some(true) => "met",
            Some(false) => "**missed**",
            None => "—",
        };
        format!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            self.name,
            self.goal,
            ms(self.median),
            ms(self.p95),
            ms(self.p99),
            met,
            self.note
        )
    }
}

/// Which figure a goal is about.
#[derive(Clone, Copy)]
pub enum Quantile {
    Median,
    P95,
    P99,
}

impl Quantile {
    fn label(self) -> &'static str {
        match self {
            Quantile::Median => "median",
            Quantile::P95 => "p95",
            Quantile::P99 => "p99",
        }
    }
}

/// The ratio of the normal path to hand-written SQL, as a note, and whether it is within 1.5×.
pub fn ratio(normal: &[Duration], raw: &[Duration]) -> (f64, String) {
    let (n, r) = (quantile(normal, 0.5), quantile(raw, 0.5));
    let ratio = n.as_secs_f64() / r.as_secs_f64().max(1e-9);
    (
        ratio,
        format!(
            "hand-written SQL median {:.2} ms; normal ÷ SQL = {ratio:.2}× (goal ≤ 1.5×{})",
            r.as_secs_f64() * 1000.0,
            if ratio <= 1.5 {
                ", met"
            } else {
                ", **missed**"
            }
        ),
    )
}
