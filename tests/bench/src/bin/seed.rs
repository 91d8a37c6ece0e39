//! `cargo xtask seed --size <small|peer|mid|large> --db <url> [--seed N] [--today YYYY-MM-DD]`:
//! a synthetic hotel on an empty database. `--db` is `sqlite:<file>` (created) or
//! `postgres://user:password@host:port/database` (migrated if empty).

use std::time::Instant;

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use innkeep_bench::arg;
use innkeep_bench::synthetic::{self, Size, Spec};

fn usage() -> ! {
    eprintln!(
        "usage: seed --size <small|peer|mid|large> --db <sqlite:FILE | postgres://user:pass@host:port/db> \
         [--seed N] [--today YYYY-MM-DD]"
    );
    std::process::exit(2)
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size = arg(&args, "--size")
        .and_then(|s| Size::parse(&s))
        .unwrap_or_else(|| usage());
    let url = arg(&args, "--db").unwrap_or_else(|| usage());
    let seed = arg(&args, "--seed")
        .map_or(Ok(2026), |s| s.parse())
        .unwrap_or_else(|_| usage());
    let today = arg(&args, "--today")
        .map_or(
            Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()),
            |s| NaiveDate::parse_from_str(&s, "%Y-%m-%d"),
        )
        .unwrap_or_else(|_| usage());
    let db = match innkeep_bench::open_db(&url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("seed: cannot open {url}: {e}");
            std::process::exit(1)
        }
    };
    let bar = ProgressBar::new(1);
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:40}] {percent}% {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let spec = Spec { size, seed, today };
    let tenth = std::cell::Cell::new(0u64);
    let written = synthetic::generate(&db, &spec, &|total, done| {
        bar.set_length(total);
        bar.set_position(done);
        // Without a terminal (a log file) the bar is hidden: a line per tenth instead.
        if bar.is_hidden() && done * 10 / total.max(1) > tenth.get() {
            tenth.set(done * 10 / total.max(1));
            println!(
                "{:>4.0} s  {}0 %",
                started.elapsed().as_secs_f64(),
                tenth.get()
            );
        }
    })
    .await;
    bar.finish_and_clear();
    match written {
        Ok(w) => println!(
            "{size:?} hotel (seed {seed}, business date {today}) in {:.1} s: {} guests, {} bookings, \
             {} room nights, {} postings, {} invoices",
            started.elapsed().as_secs_f64(),
            w.guests,
            w.reservations,
            w.nights,
            w.postings,
            w.invoices
        ),
        Err(e) => {
            eprintln!("seed failed: {e} (a synthetic hotel is written into an empty database)");
            std::process::exit(1)
        }
    }
}
