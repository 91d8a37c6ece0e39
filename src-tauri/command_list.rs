// The command names listed in `collect_commands![…]` of `src-tauri/lib.rs` — the one list of
// commands. Included by `build.rs` (app manifest) and by the bindings test (capability file), so
// adding a command means adding it there and nowhere else.

#[allow(dead_code)]
fn command_names(lib_rs: &str) -> Vec<String> {
    let start = lib_rs
        .find("collect_commands![")
        .expect("lib.rs lists its commands in collect_commands![…]")
        + "collect_commands![".len();
    let end = start + lib_rs[start..].find(']').expect("collect_commands![…] is closed");
    lib_rs[start..end]
        .split(',')
        .map(|path| path.trim())
        .filter(|path| !path.is_empty())
        .map(|path| path.rsplit("::").next().unwrap_or(path).to_string())
        .collect()
}
