//! The stay-and-money half of the front desk through the real app: a walk-in checked in with an
//! ID number, a breakfast posted and paid by WeChat Pay, the check-out with its invoice (the PDF
//! rendered to look at), then the night audit moves the business date.

use base64::Engine;

use crate::flows;
use crate::harness::{App, screenshot_dir};
use crate::reservations::{set_up_rates, set_up_rooms};

#[tokio::test]
async fn walk_in_breakfast_wechat_check_out_invoice_and_night_audit() {
    let Some(app) = App::launch("stays").await else {
        return;
    };
    flows::first_run(&app).await;
    flows::switch_language(&app, "en-US").await;
    set_up_rooms(&app).await;
    set_up_rates(&app).await;

    app.click("nav-front-desk").await;
    let before = app
        .wait_text("front-desk-date", "the business date", |t| !t.is_empty())
        .await;

    // Walk-in: the best free room, its rate plan and tomorrow's departure are filled in; the
    // desk types who the guest is. Every step the user takes is counted.
    let mut actions = 0;
    app.click("front-desk-walk-in").await;
    actions += 1;
    app.type_into("stay-guest-name-0", "Wang Fang").await;
    actions += 1;
    app.type_into("stay-guest-phone-0", "13800138000").await;
    actions += 1;
    app.type_into("id-number", "440304198506151237").await;
    actions += 1;
    app.screenshot("stays-walk-in").await;
    app.click("check-in-save").await;
    actions += 1;
    println!("USER ACTIONS for a walk-in check-in: {actions}");
    // The registration card opens to print.
    app.wait_for("pdf-page").await;
    app.screenshot("stays-registration-card").await;
    app.escape().await;
    app.wait_gone("pdf-page").await;

    // In the house: post a breakfast and pay it by WeChat Pay on the folio.
    let rows = app.testids("front-desk-row-").await;
    assert_eq!(rows.len(), 1, "one guest in the house: {rows:?}");
    let booking = rows[0].trim_start_matches("front-desk-row-").to_string();
    app.wait_text(&rows[0], "the room status", |t| t.contains("OC"))
        .await;
    app.screenshot("stays-in-house").await;
    app.click(&format!("front-desk-folio-{booking}")).await;
    app.wait_for("folio-panel").await;
    app.click("folio-charge").await;
    app.pick("charge-code", "BREAKFAST · Breakfast").await;
    app.type_into("charge-amount", "68").await;
    app.click("charge-submit").await;
    app.wait_gone("charge-submit").await;
    app.click("folio-payment").await;
    app.pick("method", "WeChat Pay").await;
    app.type_into("method-amount", "68").await;
    app.click("method-submit").await;
    app.wait_gone("method-submit").await;
    app.wait_text("folio-totals", "the breakfast paid", |t| {
        t.contains("68.00")
    })
    .await;
    app.screenshot("stays-folio").await;
    app.click("front-desk-back").await;

    // Check-out: tonight's room charge is shown, paid by WeChat Pay (the default), invoiced.
    let mut out_actions = 0;
    app.click(&format!("front-desk-check-out-{booking}")).await;
    out_actions += 1;
    app.wait_text("check-out-tonight", "tonight's room charge", |t| {
        t.contains("388.00")
    })
    .await;
    app.screenshot("stays-check-out").await;
    app.click("check-out-save").await;
    out_actions += 1;
    println!("USER ACTIONS for a check-out with invoice: {out_actions}");
    app.wait_for("pdf-page").await;
    app.screenshot("stays-invoice-preview").await;
    let pdf = invoice_pdf(&app, 1).await;
    assert!(pdf.starts_with(b"%PDF"), "a PDF document");
    let path = screenshot_dir().join("stays-invoice.pdf");
    std::fs::write(&path, &pdf).expect("write the invoice");
    println!("invoice PDF: {} bytes at {}", pdf.len(), path.display());
    let png = screenshot_dir().join("stays-invoice-pdf");
    let rendered = std::process::Command::new("pdftoppm")
        .args(["-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&path)
        .arg(&png)
        .status();
    println!("rendered with pdftoppm: {rendered:?}");
    app.escape().await;
    app.wait_gone("pdf-page").await;
    assert!(
        app.testids("front-desk-row-").await.is_empty(),
        "nobody left in the house"
    );

    // The room is left dirty for housekeeping.
    app.click("nav-housekeeping").await;
    app.screenshot("stays-housekeeping").await;

    night_audit(&app, &before).await;
    app.close().await;
}

/// Runs the night audit from its area and checks the front desk's business date moved on.
async fn night_audit(app: &App, before: &str) {
    app.click("nav-night-audit").await;
    app.wait_for("night-audit-date").await;
    app.screenshot("stays-night-audit-checks").await;
    if app.visible("night-audit-ack").await.is_some() {
        app.click("night-audit-ack").await;
    }
    app.click("night-audit-run").await;
    app.wait_for("night-audit-result").await;
    app.screenshot("stays-night-audit-done").await;
    app.click("nav-front-desk").await;
    let after = app
        .wait_text("front-desk-date", "the next business date", |t| {
            !t.is_empty() && t != before
        })
        .await;
    println!("business date: {before} → {after}");
}

/// The invoice's bytes, asked of the app's own command the preview uses.
async fn invoice_pdf(app: &App, id: i32) -> Vec<u8> {
    let answer = app
        .driver
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('document_pdf', { document: \
             { kind: 'invoice', id: arguments[0] } }).then(f => f.base64);",
            vec![serde_json::json!(id)],
        )
        .await
        .expect("document_pdf");
    let encoded = answer.json().as_str().unwrap_or_default().to_string();
    base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .expect("base64 PDF")
}
