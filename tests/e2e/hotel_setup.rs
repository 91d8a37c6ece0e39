//! Setting up a hotel through Settings as a manager would: room types, rooms in bulk, rate plans.

use std::time::Duration;

use crate::harness::App;

/// One room type with its rooms and a rate plan.
pub struct TypeSpec {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub rooms: (u32, u32),
    pub floor: u32,
    pub price: &'static str,
}

/// Creates the room type, its rooms with the bulk dialog, and a BAR rate plan.
pub async fn add_type(app: &App, spec: &TypeSpec) {
    app.click("nav-settings").await;
    app.click("settings-tab-rooms").await;
    app.click("room-type-new").await;
    app.type_into("room-type-code", spec.code).await;
    app.type_into("room-type-bedType", "king").await;
    app.type_into("room-type-nameZh", spec.name_zh).await;
    app.type_into("room-type-nameEn", spec.name_en).await;
    app.type_into("room-type-areaM2", "25").await;
    app.type_into("room-type-maxAdults", "2").await;
    app.click("room-type-save").await;
    app.wait_gone("room-type-save").await;
    app.wait_for(&format!("room-type-count-{}", spec.code)).await;

    app.click("rooms-bulk").await;
    app.type_into("bulk-from", &spec.rooms.0.to_string()).await;
    app.type_into("bulk-to", &spec.rooms.1.to_string()).await;
    app.type_into("bulk-floor", &spec.floor.to_string()).await;
    app.pick("bulk-type", spec.code).await;
    app.click("bulk-save").await;
    app.wait_gone("bulk-save").await;
    app.wait_for(&format!("room-row-{}", spec.rooms.1)).await;

    app.click("settings-tab-rates").await;
    app.click(&format!("rate-new-{}", spec.code)).await;
    app.type_into("plan-code", "BAR").await;
    app.type_into("plan-nameZh", "门市价").await;
    app.type_into("plan-nameEn", "Best available rate").await;
    app.type_into("plan-basePrice", spec.price).await;
    app.click("plan-save").await;
    app.wait_gone("plan-save").await;
    app.wait_for("rate-row-BAR").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
}
