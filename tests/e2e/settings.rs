//! Every settings tab opens; "Back up now" adds a verified backup to the list.

use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::flows;
use crate::harness::{App, TIMEOUT};

const TABS: &[&str] = &[
    "property",
    "general",
    "users",
    "roles",
    "audit",
    "backups",
    "connection",
];

#[tokio::test]
async fn settings_tabs_and_backup_now() {
    let Some(app) = App::launch("settings").await else {
        return;
    };
    flows::first_run(&app).await;
    flows::switch_language(&app, "en-US").await;

    app.click("nav-settings").await;
    for tab in TABS {
        app.click(&format!("settings-tab-{tab}")).await;
        match *tab {
            "audit" => {
                app.wait_for("audit-table").await;
            }
            "backups" => {
                app.wait_for("backup-now").await;
            }
            _ => tokio::time::sleep(Duration::from_millis(500)).await,
        }
        app.screenshot(&format!("settings-{tab}")).await;
    }

    app.click("settings-tab-backups").await;
    app.wait_for("backup-now").await;
    let before = backup_rows(&app).await;
    app.click("backup-now").await;
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let now = backup_rows(&app).await;
        if now > before {
            break;
        }
        if Instant::now() > deadline {
            app.fail(&format!(
                "backup-list still has {now} rows after Back up now"
            ))
            .await;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.screenshot("settings-backups-after").await;
    app.close().await;
}

/// Backups listed: table rows with at least two cells (an empty-state row has one), or the
/// list's children when it is not a table; 0 while the list is absent.
async fn backup_rows(app: &App) -> usize {
    let Some(list) = app.visible("backup-list").await else {
        return 0;
    };
    let is_table = list
        .find_all(By::Css("tr"))
        .await
        .is_ok_and(|rows| !rows.is_empty());
    if is_table {
        let rows = list.find_all(By::XPath(".//tr[count(td) > 1]")).await;
        rows.map(|r| r.len()).unwrap_or(0)
    } else {
        list.find_all(By::XPath("./*"))
            .await
            .map(|c| c.len())
            .unwrap_or(0)
    }
}
