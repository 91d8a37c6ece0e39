//! A bare Tauri window showing one static page, built with the same Tauri and profile as
//! Innkeep: `cargo xtask bench-app` measures Innkeep's cold start and memory beyond it.

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("bare window: {e}");
        std::process::exit(1);
    }
}
