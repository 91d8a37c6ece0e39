//! Running child processes: echo the command, check its status, find the tools.

use std::path::PathBuf;
use std::process::Command;

pub type Result<T> = std::result::Result<T, String>;

/// A printable form of a command line.
pub fn display(cmd: &Command) -> String {
    let mut line = String::new();
    for (key, value) in cmd.get_envs() {
        if let Some(value) = value {
            line.push_str(&format!(
                "{}={} ",
                key.to_string_lossy(),
                value.to_string_lossy()
            ));
        }
    }
    line.push_str(&cmd.get_program().to_string_lossy());
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        if arg.contains(' ') || arg.is_empty() {
            line.push_str(&format!(" '{arg}'"));
        } else {
            line.push_str(&format!(" {arg}"));
        }
    }
    line
}

/// Runs a command with inherited stdio; an error when it fails to start or exits non-zero.
pub fn run(cmd: &mut Command) -> Result<()> {
    println!("$ {}", display(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", display(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", display(cmd)))
    }
}

/// Runs a command quietly and returns its stdout, or `None` when it fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The cargo that started xtask (keeps the pinned toolchain).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `npm <args>`; on Windows npm is a .cmd script and needs the shell.
pub fn npm(args: &[&str]) -> Command {
    if cfg!(windows) {
        let mut cmd = Command::new("cmd");
        cmd.arg("/C").arg("npm").args(args);
        cmd
    } else {
        let mut cmd = Command::new("npm");
        cmd.args(args);
        cmd
    }
}

/// Finds an executable on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    let exts: &[&str] = if cfg!(windows) {
        &[".exe", ".cmd", ""]
    } else {
        &[""]
    };
    std::env::split_paths(&std::env::var_os("PATH")?).find_map(|dir| {
        exts.iter()
            .map(|ext| dir.join(format!("{name}{ext}")))
            .find(|p| p.is_file())
    })
}

/// True when running as root (Unix); false elsewhere.
pub fn is_root() -> bool {
    cfg!(unix) && output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// Replaces xtask with the command (Unix) or runs it and exits with its code.
pub fn exec(mut cmd: Command) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let err = cmd.exec();
        Err(format!("could not start `{}`: {err}", display(&cmd)))
    }
    #[cfg(not(unix))]
    {
        let status = cmd
            .status()
            .map_err(|e| format!("could not start `{}`: {e}", display(&cmd)))?;
        std::process::exit(status.code().unwrap_or(1))
    }
}
