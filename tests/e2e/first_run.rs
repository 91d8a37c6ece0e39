//! The path every hotel takes on day one: wizard, administrator, dashboard, language, lock, log out.

use crate::flows::{self, ADMIN, ADMIN_PASSWORD, has_cjk};
use crate::harness::App;

#[tokio::test]
async fn first_run_to_logout_and_back() {
    let Some(app) = App::launch("first-run").await else {
        return;
    };

    flows::choose_embedded(&app).await;
    flows::create_administrator(&app, Some("create-admin")).await;

    // The dashboard shows real counts: nothing booked yet.
    for tile in [
        "dashboard-arrivals",
        "dashboard-departures",
        "dashboard-in-house",
    ] {
        app.wait_text(tile, "0", |t| t.trim() == "0").await;
    }

    flows::switch_language(&app, "zh-CN").await;
    app.click("nav-dashboard").await;
    let zh = app.wait_text("nav-settings", "Chinese", has_cjk).await;
    app.wait_for("dashboard-arrivals").await;
    app.screenshot("dashboard-zh").await;

    flows::switch_language(&app, "en-US").await;
    app.click("nav-dashboard").await;
    let en = app
        .wait_text("nav-settings", "English", |t| {
            t.to_lowercase().contains("settings")
        })
        .await;
    assert_ne!(zh, en, "the navigation must change language");
    app.wait_for("dashboard-arrivals").await;
    app.screenshot("dashboard-en").await;

    // Lock: the password is asked again, a wrong one is refused.
    flows::user_menu(&app, "menu-lock").await;
    app.wait_for("lock-screen").await;
    app.wait_gone("app-shell").await;
    app.screenshot("lock").await;
    app.type_into("unlock-password", "not-my-password").await;
    app.click("unlock-submit").await;
    app.wait_text("unlock-error", "a translated message", flows::is_translated)
        .await;
    app.screenshot("lock-error").await;
    app.type_into("unlock-password", ADMIN_PASSWORD).await;
    app.click("unlock-submit").await;
    app.wait_for("app-shell").await;
    app.wait_gone("lock-screen").await;

    // Log out and back in.
    flows::user_menu(&app, "menu-logout").await;
    app.wait_for("login-username").await;
    app.wait_gone("app-shell").await;
    app.screenshot("login").await;
    flows::login(&app, ADMIN, ADMIN_PASSWORD).await;
    app.wait_for("app-shell").await;
    app.wait_for("dashboard-arrivals").await;

    app.close().await;
}
