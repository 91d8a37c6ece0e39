//! Steps the tests share: first-run setup, log in and out, switch language.

use crate::harness::App;

pub const PROPERTY: &str = "Harbour View Inn";
pub const ADMIN: &str = "manager";
pub const ADMIN_NAME: &str = "Mei Lin";
pub const ADMIN_PASSWORD: &str = "Harbour-View-2026!";

/// Wizard "This computer only" → the create-administrator form, with screenshots of both.
pub async fn choose_embedded(app: &App) {
    app.wait_for("wizard-embedded").await;
    app.wait_for("wizard-shared").await;
    app.screenshot("wizard").await;
    app.click("wizard-embedded").await;
    app.wait_for("admin-username").await;
}

/// Fills the create-administrator form and submits it; the app logs the administrator in.
pub async fn create_administrator(app: &App, screenshot: Option<&str>) {
    app.type_into("admin-property-name", PROPERTY).await;
    app.type_into("admin-username", ADMIN).await;
    app.type_into("admin-display-name", ADMIN_NAME).await;
    app.type_into("admin-password", ADMIN_PASSWORD).await;
    app.type_into("admin-password-confirm", ADMIN_PASSWORD)
        .await;
    if let Some(name) = screenshot {
        app.screenshot(name).await;
    }
    app.click("admin-submit").await;
    app.wait_for("app-shell").await;
}

/// A fresh data dir set up on the embedded database, with the administrator logged in.
pub async fn first_run(app: &App) {
    choose_embedded(app).await;
    create_administrator(app, None).await;
}

pub async fn login(app: &App, username: &str, password: &str) {
    app.type_into("login-username", username).await;
    app.type_into("login-password", password).await;
    app.click("login-submit").await;
}

/// Opens the user menu and picks an item (menu-lock, menu-logout, menu-change-password).
pub async fn user_menu(app: &App, item: &str) {
    app.click("user-menu").await;
    app.click(item).await;
}

/// Clicks the language switch (`zh-CN` or `en-US`) wherever the current screen offers it:
/// on the screen itself, in the user menu, or under Settings → General.
pub async fn switch_language(app: &App, language: &str) {
    let testid = format!("lang-{language}");
    if app.visible(&testid).await.is_some() {
        app.click(&testid).await;
        return;
    }
    if app.visible("user-menu").await.is_some() {
        app.click("user-menu").await;
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        if app.visible(&testid).await.is_some() {
            app.click(&testid).await;
            app.escape().await;
            return;
        }
        app.escape().await;
        app.click("nav-settings").await;
        app.click("settings-tab-general").await;
    }
    app.click(&testid).await;
}

pub fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A message shown to a user: not empty and not an untranslated key such as `errors.auth.x`.
pub fn is_translated(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && !text.contains("errors.") && !text.contains('_')
}
