//! `tests/bench/RESULTS.md`: each run replaces its own section (its `## ` heading) and keeps
//! the others.

/// Replaces the section under `heading` in the file at `path` with `section` (which starts with
/// that heading), or appends it; creates the file with its title when it is missing.
pub fn replace_section(path: &str, heading: &str, section: &str) -> Result<(), String> {
    let old = std::fs::read_to_string(path).unwrap_or_else(|_| {
        "# Benchmark results\n\nWritten by `cargo xtask bench` and `cargo xtask bench-app` \
         (release builds, this machine: 2 cores). Goals from issue 5; figures are wall-clock \
         times of the core's own functions, measured after three warm-up runs.\n"
            .into()
    });
    let mut kept = String::new();
    let mut skipping = false;
    for line in old.lines() {
        if line.starts_with("## ") {
            skipping = line == heading;
        }
        if !skipping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    let text = format!("{}\n\n{}\n", kept.trim_end(), section.trim());
    std::fs::write(path, text).map_err(|e| format!("cannot write {path}: {e}"))
}
