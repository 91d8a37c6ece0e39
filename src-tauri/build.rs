//! Builds the Tauri context: the app manifest lists our commands (read from `collect_commands!`
//! in lib.rs) so the capability file can allow exactly them and nothing else.

include!("command_list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/lib.rs");
    println!("cargo:rerun-if-changed=src-tauri/command_list.rs");
    let lib_rs = std::fs::read_to_string("src-tauri/lib.rs").expect("read src-tauri/lib.rs");
    // The manifest wants `'static` names; a build script lives for one run, so leaking is fine.
    let commands: &'static [&'static str] = Vec::leak(
        command_names(&lib_rs)
            .into_iter()
            .map(|name| &*name.leak())
            .collect(),
    );
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build failed: {e:#}");
    }
}
