//! The Tauri shell: plugins, state, command registration — nothing else. The hotel's rules
//! live in `innkeep-core`; `commands/` adapts them to IPC.

mod commands;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use innkeep_core::clock::SystemClock;
use innkeep_core::config::Paths;
use innkeep_core::desk::Desk;
use tauri::Manager;
use tauri_specta::{Builder, collect_commands};

/// Every command the page may call, with their TypeScript bindings.
pub fn specta_builder() -> Builder<tauri::Wry> {
    use commands::*;
    Builder::<tauri::Wry>::new()
        .disable_serde_phases()
        .commands(collect_commands![
            setup::app_status,
            setup::set_language,
            setup::test_connection,
            setup::use_embedded_database,
            setup::use_postgres_database,
            setup::retry_connection,
            setup::reset_configuration,
            setup::create_administrator,
            session::login,
            session::current_session,
            session::logout,
            session::lock_session,
            session::unlock_session,
            session::touch_session,
            session::change_password,
            dashboard::dashboard,
            users::list_users,
            users::create_user,
            users::update_user,
            users::reset_user_password,
            users::unlock_user,
            roles::list_roles,
            roles::save_role,
            roles::delete_role,
            audit::list_audit,
            property::get_property,
            property::update_property,
            property::get_settings,
            property::update_settings,
            property::connection_info,
            backups::backup_overview,
            backups::backup_now,
            backups::save_backup_schedule,
            backups::restore_backup,
            backups::pick_folder,
            backups::pick_backup_file,
            mail::get_mail_settings,
            mail::save_mail_settings,
            mail::send_test_mail,
            mail::list_outbox,
            mail::retry_mail_message,
            mail::cancel_mail_message,
            rooms::list_room_types,
            rooms::save_room_type,
            rooms::list_rooms,
            rooms::save_room,
            rooms::create_rooms,
            rooms::list_rate_plans,
            rooms::save_rate_plan,
            promotions::list_promotions,
            promotions::save_promotion,
            reservations::availability,
            reservations::search_guests,
            reservations::get_guest,
            reservations::save_guest_preferences,
            reservations::quote_booking,
            reservations::create_booking,
            reservations::list_reservations,
            reservations::cancellation_fee,
            reservations::cancel_reservation,
            reservations::change_reservation_dates,
            reservations::assign_room,
            reservations::auto_assign_arrivals,
            reservations::tape_chart,
            reservations::assignment_strategy,
            reservations::save_assignment_strategy,
            booking_changes::quote_reservation_change,
            booking_changes::change_reservation,
            booking_changes::confirm_reservations,
            booking_changes::walk_reservation,
            documents::confirmation_recipient,
            documents::email_confirmation,
            housekeeping::housekeeping_board,
            housekeeping::set_housekeeping_status,
            housekeeping::block_room,
            housekeeping::unblock_room,
            identity::check_id_document,
            identity::parse_mrz,
            folios::list_charge_codes,
            folios::save_charge_code,
            folios::reservation_folios,
            folios::open_folio,
            folios::get_folio,
            folios::search_folios,
            folios::post_charge,
            folios::post_payment,
            folios::refund_payment,
            folios::void_posting,
            folios::adjust_posting,
            folios::transfer_balance,
            folios::route_charges,
            folios::close_folio,
            folios::collect_deposit,
            folios::apply_deposit,
            folios::refund_deposit,
            documents::document_pdf,
            documents::save_document,
            documents::print_document,
            invoices::invoice_draft,
            invoices::issue_invoice,
            invoices::issue_credit_note,
            invoices::list_invoices,
            invoices::invoice_numbering,
            invoices::save_invoice_series,
            invoices::invoice_recipient,
            invoices::email_invoice,
            stays::front_desk,
            stays::check_in,
            stays::walk_in,
            stays::check_out,
            stays::check_out_quote,
            stays_changes::move_room,
            stays_changes::quote_departure_change,
            stays_changes::change_departure,
            stays_changes::post_late_check_out_fee,
            night_audit::night_audit_checks,
            night_audit::run_night_audit,
            night_audit::night_audit_summary,
            reports::year_report,
        ])
}

/// Where data and logs live: the OS app-data directory, or `INNKEEP_DATA_DIR` (tests, portable
/// installs); the demo hotel gets its own subdirectory so it never touches real books.
fn paths(app: &tauri::App, demo: bool) -> tauri::Result<Paths> {
    let base = match std::env::var_os("INNKEEP_DATA_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => app.path().app_data_dir()?,
    };
    let data_dir = if demo { base.join("demo") } else { base };
    let log_dir = match std::env::var_os("INNKEEP_DATA_DIR") {
        Some(_) => data_dir.join("logs"),
        None => app.path().app_log_dir()?,
    };
    Ok(Paths { data_dir, log_dir })
}

/// The out-box worker: a delivery round every 30 seconds, or at once when something was queued.
/// A problem that lasts (server down, no password on this computer) is logged once, not every
/// round; each message keeps its own last error for the out-box screen.
async fn deliver_mail(handle: tauri::AppHandle) {
    let mut last_problem: Option<String> = None;
    loop {
        let desk = handle.state::<Desk>();
        match desk.deliver_due_mail().await {
            Ok(report) => {
                if report.sent + report.failed > 0 {
                    log::info!(
                        "e-mail: {} sent, {} failed, {} waiting to retry",
                        report.sent,
                        report.failed,
                        report.retrying
                    );
                }
                last_problem = None;
            }
            Err(e) => {
                let text = e.to_string();
                if last_problem.as_deref() != Some(text.as_str()) {
                    log::warn!("e-mail delivery: {text}");
                    last_problem = Some(text);
                }
            }
        }
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(30)) => {}
            () = desk.mail_woken() => {}
        }
    }
}

/// Starts Innkeep. `--demo` opens the demo hotel.
pub fn run() {
    let demo = std::env::args().any(|a| a == "--demo");
    let builder = specta_builder();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            let paths = paths(app, demo)?;
            std::fs::create_dir_all(&paths.log_dir)?;
            app.handle().plugin(
                tauri_plugin_log::Builder::new()
                    .level(log::LevelFilter::Info)
                    .clear_targets()
                    .target(tauri_plugin_log::Target::new(
                        tauri_plugin_log::TargetKind::Folder {
                            path: paths.log_dir.clone(),
                            file_name: Some("innkeep".into()),
                        },
                    ))
                    .target(tauri_plugin_log::Target::new(
                        tauri_plugin_log::TargetKind::Stdout,
                    ))
                    .max_file_size(5_000_000)
                    .rotation_strategy(tauri_plugin_log::RotationStrategy::KeepSome(10))
                    .build(),
            )?;
            log::info!("Innkeep starting; data in {}", paths.data_dir.display());
            app.manage(Desk::new(paths, Arc::new(SystemClock), demo));
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                loop {
                    tokio::time::sleep(Duration::from_secs(60)).await;
                    let desk = handle.state::<Desk>();
                    if let Err(e) = desk.run_due_backup().await {
                        log::error!("daily backup: {e}");
                    }
                }
            });
            tauri::async_runtime::spawn(deliver_mail(app.handle().clone()));
            Ok(())
        })
        .run(tauri::generate_context!("tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("Innkeep could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod bindings {
    //! The committed TypeScript bindings must match the Rust commands and types.

    use specta_typescript::Typescript;

    const COMMITTED: &str = "ui/src/ipc/bindings.ts";

    fn generated() -> String {
        let dir = std::env::temp_dir().join(format!("innkeep-bindings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("bindings.ts");
        super::specta_builder()
            .export(Typescript::default().header("// Generated by tauri-specta from the Rust commands: `cargo test -p innkeep --lib bindings` with INNKEEP_WRITE_BINDINGS=1 rewrites it.\n"), &path)
            .expect("export bindings");
        let text = std::fs::read_to_string(&path).expect("read bindings");
        let _ = std::fs::remove_dir_all(&dir);
        text
    }

    include!("command_list.rs");

    /// The capability file allows exactly the commands of `collect_commands!`, no more, no less.
    #[test]
    fn capability_lists_every_command() {
        const CAPABILITY: &str = "src-tauri/capabilities/main.json";
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let lib_rs = std::fs::read_to_string(root.join("src-tauri/lib.rs")).expect("read lib.rs");
        let wanted: Vec<serde_json::Value> = command_names(&lib_rs)
            .iter()
            .map(|name| format!("allow-{}", name.replace('_', "-")).into())
            .collect();
        let path = root.join(CAPABILITY);
        let mut capability: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read capability"))
                .expect("capability is JSON");
        if std::env::var_os("INNKEEP_WRITE_BINDINGS").is_some() {
            capability["permissions"] = wanted.clone().into();
            let text = serde_json::to_string_pretty(&capability).expect("json") + "\n";
            std::fs::write(&path, text).expect("write capability");
        }
        assert!(
            capability["permissions"] == serde_json::Value::from(wanted),
            "{CAPABILITY} does not allow exactly the commands of lib.rs: run `INNKEEP_WRITE_BINDINGS=1 cargo test -p innkeep --lib bindings` and commit it"
        );
    }

    #[test]
    fn bindings_are_fresh() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let fresh = generated();
        if std::env::var_os("INNKEEP_WRITE_BINDINGS").is_some() {
            std::fs::write(root.join(COMMITTED), &fresh).expect("write bindings");
        }
        let committed = std::fs::read_to_string(root.join(COMMITTED)).unwrap_or_default();
        assert!(
            committed == fresh,
            "{COMMITTED} is stale: run `INNKEEP_WRITE_BINDINGS=1 cargo test -p innkeep --lib bindings` and commit it"
        );
    }
}
