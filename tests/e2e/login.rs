//! A wrong password on the login screen is refused with a translated message, in either language.

use crate::flows::{self, ADMIN, ADMIN_PASSWORD, has_cjk};
use crate::harness::App;

#[tokio::test]
async fn wrong_password_shows_translated_error() {
    let Some(app) = App::launch("login-error").await else {
        return;
    };
    flows::first_run(&app).await;
    flows::user_menu(&app, "menu-logout").await;
    app.wait_for("login-username").await;

    flows::switch_language(&app, "en-US").await;
    flows::login(&app, ADMIN, "Wrong-Password-1").await;
    let en = app
        .wait_text("login-error", "an English message", |t| {
            flows::is_translated(t) && !has_cjk(t)
        })
        .await;
    app.screenshot("login-error").await;
    assert!(
        app.visible("app-shell").await.is_none(),
        "a wrong password must not log in"
    );

    flows::switch_language(&app, "zh-CN").await;
    flows::login(&app, ADMIN, "Wrong-Password-1").await;
    let zh = app
        .wait_text("login-error", "a Chinese message", |t| {
            flows::is_translated(t) && has_cjk(t)
        })
        .await;
    assert_ne!(en, zh);
    app.screenshot("login-error-zh").await;

    // The right password still works after failures below the lockout threshold.
    flows::login(&app, ADMIN, ADMIN_PASSWORD).await;
    app.wait_for("app-shell").await;
    app.close().await;
}
