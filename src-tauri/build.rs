//! Builds the Tauri context: the app manifest lists our commands so the capability files can
//! allow exactly them and nothing else.

const COMMANDS: &[&str] = &[
    "app_status",
    "set_language",
    "test_connection",
    "use_embedded_database",
    "use_postgres_database",
    "retry_connection",
    "reset_configuration",
    "create_administrator",
    "login",
    "current_session",
    "logout",
    "lock_session",
    "unlock_session",
    "touch_session",
    "change_password",
    "dashboard",
    "list_users",
    "create_user",
    "update_user",
    "reset_user_password",
    "unlock_user",
    "list_roles",
    "save_role",
    "delete_role",
    "list_audit",
    "get_property",
    "update_property",
    "get_settings",
    "update_settings",
    "connection_info",
    "backup_overview",
    "backup_now",
    "save_backup_schedule",
    "restore_backup",
    "pick_folder",
    "pick_backup_file",
    "list_room_types",
    "save_room_type",
    "list_rooms",
    "save_room",
    "create_rooms",
    "list_rate_plans",
    "save_rate_plan",
    "availability",
    "search_guests",
    "quote_booking",
    "create_booking",
    "list_reservations",
    "cancellation_fee",
    "cancel_reservation",
    "change_reservation_dates",
    "assign_room",
    "auto_assign_arrivals",
    "tape_chart",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build failed: {e:#}");
    }
}
