//! Times invoice.pdf of the demo hotel's checked-out stay (release build):
//! `cargo xtask bench-invoice`, or `cargo run --release -p innkeep-core --example invoice_timing`.
//! Loads from the database, lays out, subsets the font and writes the PDF 50 times and prints
//! the median, fastest and slowest time and the file size.

use std::time::Instant;

use chrono::Utc;
use innkeep_core::invoices::{self, InvoiceFilter};
use innkeep_core::{auth, db, demo, documents, property};

#[tokio::main]
async fn main() {
    let dir = std::env::temp_dir().join(format!("innkeep-invoice-timing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = db::open_embedded(&dir.join("innkeep.db"))
        .await
        .expect("open");
    demo::seed_if_empty(&db.conn, Utc::now())
        .await
        .expect("demo hotel");
    let hotel = property::current(&db.conn)
        .await
        .expect("property")
        .expect("the demo hotel");
    let admin = auth::find_user(&db.conn, hotel.id, "admin")
        .await
        .expect("query")
        .expect("the demo administrator");
    let actor = auth::actor_for(&db.conn, &admin).await.expect("actor");
    let invoice = invoices::list_invoices(&db.conn, &actor, &InvoiceFilter::default())
        .await
        .expect("invoices")
        .into_iter()
        .next()
        .expect("the demo invoice");
    let mut times = Vec::new();
    let mut size = 0;
    // The first run parses the embedded font; it is timed apart.
    let start = Instant::now();
    documents::invoice_pdf(&db.conn, &actor, invoice.id)
        .await
        .expect("pdf");
    let first = start.elapsed();
    for _ in 0..50 {
        let start = Instant::now();
        let pdf = documents::invoice_pdf(&db.conn, &actor, invoice.id)
            .await
            .expect("pdf");
        times.push(start.elapsed());
        size = pdf.len();
    }
    times.sort();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "invoice.pdf ({}): {:.1} KB; median {:.1} ms, fastest {:.1} ms, slowest {:.1} ms over {} runs; first run (font parsed) {:.1} ms",
        invoice.number,
        size as f64 / 1024.0,
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len(),
        ms(first),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
