//! The booking half of the front desk through the real app: set up two room types and ten rooms
//! with their rate plans, book from the tape chart by keyboard, move the stay by dragging it to
//! another room, cancel it with the fee shown, and open its confirmation PDF.

use base64::Engine;
use thirtyfour::prelude::*;

use crate::flows;
use crate::harness::{App, screenshot_dir};

/// A room type and the rooms created in bulk for it, with its rate plan's base price.
struct Setup {
    code: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    floor: &'static str,
    first: &'static str,
    last: &'static str,
    rooms: usize,
    price: &'static str,
}

const TYPES: [Setup; 2] = [
    Setup {
        code: "STD",
        name_zh: "标准间",
        name_en: "Standard",
        floor: "2",
        first: "201",
        last: "206",
        rooms: 6,
        price: "388",
    },
    Setup {
        code: "DLX",
        name_zh: "豪华间",
        name_en: "Deluxe",
        floor: "3",
        first: "301",
        last: "304",
        rooms: 4,
        price: "588",
    },
];

#[tokio::test]
async fn book_move_cancel_and_confirm() {
    let Some(app) = App::launch("reservations").await else {
        return;
    };
    flows::first_run(&app).await;
    flows::switch_language(&app, "en-US").await;
    set_up_rooms(&app).await;
    set_up_rates(&app).await;

    // Book from the tape chart by keyboard; every step the user takes is counted.
    app.click("nav-tape-chart").await;
    app.wait_for("tape-grid").await;
    let rows = app.testids("tape-row-").await;
    assert_eq!(rows.len(), 10, "ten rooms on the tape chart: {rows:?}");
    let mut actions = 0;
    // 1: Tab into the chart (the focus starts on the first room at the business date) and
    // 2: Shift+→ selects a second night (sending keys to the grid gives it the focus first),
    // 3: Enter opens the booking with dates, room type, rate plan and room filled in.
    app.keys("tape-grid", Key::Shift + Key::Right).await;
    actions += 2;
    // The selection's label ("Nights: 2") shows before Enter books it.
    wait_css(&app, "[data-testid='tape-selection']").await;
    app.keys("tape-grid", Key::Enter).await;
    actions += 1;
    app.wait_for("booking-room-number").await;
    app.screenshot("reservations-booking-dialog").await;
    // 4: a new guest, 5: the name, 6: the phone, 7: Enter saves.
    app.click("booking-guest-new").await;
    actions += 1;
    app.type_into("booking-guest-name", "Wang Fang").await;
    actions += 1;
    app.type_into("booking-guest-phone", "13800138000").await;
    actions += 1;
    app.keys("booking-guest-phone", Key::Enter).await;
    actions += 1;
    let booking_no = app
        .wait_text("booking-number", "a booking number", |t| !t.is_empty())
        .await;
    println!("USER ACTIONS for a new booking from the tape chart: {actions}");
    app.screenshot("reservations-booked").await;
    app.escape().await;
    app.wait_gone("booking-number").await;

    // The stay shows as a bar in the first room; drag it to the second room.
    let bars: Vec<String> = app
        .testids("tape-bar-")
        .await
        .into_iter()
        .filter(|id| !id.starts_with("tape-bar-end-"))
        .collect();
    assert_eq!(bars.len(), 1, "one stay on the chart: {bars:?}");
    let bar = bars[0].clone();
    let in_row = |row: &str| format!("[data-testid='{row}'] [data-testid='{bar}']");
    assert!(
        app.driver.find(By::Css(in_row(&rows[0]))).await.is_ok(),
        "the new stay is in the first room"
    );
    let target = first_cell(&app, &rows[1]).await;
    app.drag(&bar, &target).await;
    app.wait_for("tape-undo").await;
    let moved = wait_css(&app, &in_row(&rows[1])).await;
    assert!(moved, "the stay moved to the second room");
    app.screenshot("reservations-moved").await;

    // Cancel it: the fee (first night under the default policy; the chart lists Deluxe first) is
    // shown before confirming.
    app.click("nav-reservations").await;
    app.click("reservation-actions").await;
    app.click("reservation-cancel").await;
    let fee = app
        .wait_text("cancel-fee", "the first night's price", |t| {
            t.contains("588")
        })
        .await;
    println!("cancellation fee shown: {fee}");
    app.screenshot("reservations-cancel-fee").await;
    app.type_into("cancel-reason", "Guest changed plans").await;
    app.click("cancel-confirm").await;
    app.wait_gone("cancel-fee").await;

    // The confirmation PDF in the app's preview, and its bytes rendered for a look.
    app.click("reservation-actions").await;
    app.click("reservation-confirmation").await;
    app.wait_for("pdf-page").await;
    app.screenshot("reservations-confirmation").await;
    let pdf = confirmation_pdf(&app, &booking_no).await;
    assert!(pdf.starts_with(b"%PDF"), "a PDF document");
    let path = screenshot_dir().join("reservations-confirmation.pdf");
    std::fs::write(&path, &pdf).expect("write the confirmation");
    println!(
        "confirmation PDF: {} bytes at {}",
        pdf.len(),
        path.display()
    );
    // Page 1 as a PNG beside the screenshots, to look at (poppler-utils comes with the test tools).
    let png = screenshot_dir().join("reservations-confirmation-pdf");
    let rendered = std::process::Command::new("pdftoppm")
        .args(["-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&path)
        .arg(&png)
        .status();
    println!("rendered with pdftoppm: {rendered:?}");
    app.close().await;
}

/// Creates the two room types and their rooms in Settings → Rooms.
pub(crate) async fn set_up_rooms(app: &App) {
    app.click("nav-settings").await;
    app.click("settings-tab-rooms").await;
    for t in &TYPES {
        app.click("room-type-new").await;
        app.type_into("room-type-code", t.code).await;
        app.type_into("room-type-nameZh", t.name_zh).await;
        app.type_into("room-type-nameEn", t.name_en).await;
        app.click("room-type-save").await;
        app.wait_gone("room-type-save").await;
    }
    for t in &TYPES {
        app.click("rooms-bulk").await;
        app.type_into("bulk-from", t.first).await;
        app.type_into("bulk-to", t.last).await;
        app.type_into("bulk-floor", t.floor).await;
        app.pick("bulk-type", &format!("{} · {}", t.code, t.name_en))
            .await;
        app.click("bulk-save").await;
        app.wait_gone("bulk-save").await;
        app.wait_text(
            &format!("room-type-count-{}", t.code),
            "the rooms created",
            |n| n == t.rooms.to_string(),
        )
        .await;
    }
    app.screenshot("reservations-rooms").await;
}

/// One rate plan per room type in Settings → Rates, with the default cancellation policy.
pub(crate) async fn set_up_rates(app: &App) {
    app.click("settings-tab-rates").await;
    for t in &TYPES {
        app.click(&format!("rate-new-{}", t.code)).await;
        app.type_into("plan-code", &format!("BAR-{}", t.code)).await;
        app.type_into("plan-nameZh", "门市价").await;
        app.type_into("plan-nameEn", "Best available rate").await;
        app.type_into("plan-basePrice", t.price).await;
        app.click("plan-save").await;
        app.wait_gone("plan-save").await;
        app.wait_for(&format!("rate-row-BAR-{}", t.code)).await;
    }
    app.screenshot("reservations-rates").await;
}

/// The first date cell of a tape-chart row (`tape-row-<room>` → `tape-cell-<room>-<date>`).
async fn first_cell(app: &App, row: &str) -> String {
    let room = row.trim_start_matches("tape-row-");
    let cells = app.testids(&format!("tape-cell-{room}-")).await;
    match cells.first() {
        Some(cell) => cell.clone(),
        None => app.fail(&format!("no cells in {row}")).await,
    }
}

async fn wait_css(app: &App, css: &str) -> bool {
    for _ in 0..100 {
        if app.driver.find(By::Css(css)).await.is_ok() {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    false
}

/// The confirmation's bytes, asked of the app's own command the preview uses.
async fn confirmation_pdf(app: &App, booking_no: &str) -> Vec<u8> {
    let answer = app
        .driver
        .execute(
            "return window.__TAURI_INTERNALS__.invoke('document_pdf', { document: \
             { kind: 'confirmation', bookingNos: [arguments[0]] } }).then(f => f.base64);",
            vec![serde_json::json!(booking_no)],
        )
        .await
        .expect("document_pdf");
    let encoded = answer.json().as_str().unwrap_or_default().to_string();
    base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .expect("base64 PDF")
}
