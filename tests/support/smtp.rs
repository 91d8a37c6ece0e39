//! A real SMTP server on loopback for the e-mail tests: `smtp_sink.py` beside this file, run
//! with Debian's python3-aiosmtpd (installed by `cargo xtask setup`). It stores what arrives and
//! parses it with Python's own e-mail package, so the tests see what a mail client would.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use innkeep_core::mail::{Security, SmtpSettings};

/// One message as the server received and parsed it.
#[derive(Debug, Clone)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_tos: Vec<String>,
    pub login: Option<String>,
    pub from: String,
    pub to: String,
    pub cc: String,
    pub subject: String,
    pub message_id: String,
    pub body: String,
    /// (file name, content type, decoded bytes)
    pub attachments: Vec<(String, String, Vec<u8>)>,
}

/// How the server behaves.
#[derive(Debug, Clone, Default)]
pub struct SinkOptions {
    /// RCPT TO an address ending in this is refused with 550.
    pub reject_suffix: Option<String>,
    /// AUTH required with this user and password.
    pub login: Option<(String, String)>,
}

/// A running server; killed when dropped.
pub struct SmtpSink {
    child: Child,
    pub port: u16,
    folder: PathBuf,
}

/// A port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// A Python that has aiosmtpd: the one on PATH, else the system's (Debian's package installs
/// there even when a pyenv or venv Python comes first on PATH).
fn python() -> &'static str {
    for candidate in ["python3", "/usr/bin/python3"] {
        let ok = Command::new(candidate)
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return candidate;
        }
    }
    panic!("no Python with aiosmtpd: install python3-aiosmtpd (`cargo xtask setup` does)");
}

impl SmtpSink {
    /// Starts a server on `port` that stores messages under `folder`; returns once it listens.
    pub fn start(port: u16, folder: &Path, options: SinkOptions) -> Self {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("support/smtp_sink.py");
        let mut cmd = Command::new(python());
        cmd.arg(script).arg(port.to_string()).arg(folder);
        if let Some(suffix) = &options.reject_suffix {
            cmd.args(["--reject-suffix", suffix]);
        }
        if let Some((user, password)) = &options.login {
            cmd.args(["--login", &format!("{user}:{password}")]);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the SMTP server");
        let stdout = child.stdout.take().expect("server stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read from the SMTP server");
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        Self {
            child,
            port,
            folder: folder.to_path_buf(),
        }
    }

    /// Settings that send to this server without TLS, from the hotel's front desk.
    pub fn settings(&self) -> SmtpSettings {
        settings_for(self.port)
    }

    /// Everything received so far, in order.
    pub fn received(&self) -> Vec<Received> {
        let mut out = Vec::new();
        for n in 1.. {
            let path = self.folder.join(format!("{n}.json"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                break;
            };
            let v: serde_json::Value = serde_json::from_str(&text).expect("summary is JSON");
            let s = |key: &str| v[key].as_str().unwrap_or_default().to_string();
            let attachments = v["attachments"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| {
                    let file = self.folder.join(a["file"].as_str().unwrap_or_default());
                    (
                        a["filename"].as_str().unwrap_or_default().to_string(),
                        a["contentType"].as_str().unwrap_or_default().to_string(),
                        std::fs::read(file).expect("attachment file"),
                    )
                })
                .collect();
            out.push(Received {
                mail_from: s("mailFrom"),
                rcpt_tos: v["rcptTos"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r.as_str().map(str::to_string))
                    .collect(),
                login: v["login"].as_str().map(str::to_string),
                from: s("from"),
                to: s("to"),
                cc: s("cc"),
                subject: s("subject"),
                message_id: s("messageId"),
                body: s("body"),
                attachments,
            });
        }
        out
    }
}

/// Plain SMTP to 127.0.0.1:`port`, no login.
pub fn settings_for(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::None,
        user: String::new(),
        sender_address: "frontdesk@westlake-inn.cn".into(),
        sender_name: "西湖客栈 Front Desk".into(),
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
