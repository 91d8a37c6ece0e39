//! Drives the real app: tauri-driver + WebKitWebDriver, one fresh data dir per test, page screenshots.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

/// How long a screen may take to appear (debug build of the app under Xvfb).
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// A running app under tauri-driver; everything is stopped on drop.
pub struct App {
    pub driver: WebDriver,
    name: String,
    driver_port: u16,
    session_id: String,
    tauri_driver: Child,
    driver_log: PathBuf,
    _home: tempfile::TempDir,
}

/// Where the screenshots go: target/e2e-screenshots.
pub fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("e2e-screenshots")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn find_tauri_driver() -> PathBuf {
    let exe = if cfg!(windows) {
        "tauri-driver.exe"
    } else {
        "tauri-driver"
    };
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin").join(exe));
    std::env::var_os("INNKEEP_TAURI_DRIVER")
        .map(PathBuf::from)
        .or(cargo_bin.filter(|p| p.is_file()))
        .or_else(|| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|d| d.join(exe))
                .find(|p| p.is_file())
        })
        .expect("tauri-driver not found: `cargo install tauri-driver --locked --version ^2`")
}

impl App {
    /// Starts the app on an empty data dir, or `None` (test skipped) when INNKEEP_APP_BINARY is unset.
    pub async fn launch(name: &str) -> Option<App> {
        let Some(binary) = std::env::var_os("INNKEEP_APP_BINARY").map(PathBuf::from) else {
            eprintln!(
                "SKIPPED e2e `{name}`: INNKEEP_APP_BINARY is unset (run `cargo xtask test`, or build \
                 the app and set it to the absolute path of target/debug/innkeep)"
            );
            return None;
        };
        let binary = std::fs::canonicalize(&binary)
            .unwrap_or_else(|e| panic!("INNKEEP_APP_BINARY={}: {e}", binary.display()));
        let home = tempfile::Builder::new()
            .prefix(&format!("innkeep-e2e-{name}-"))
            .tempdir()
            .expect("temp dir");
        let data_dir = home.path().join("data");
        std::fs::create_dir_all(home.path().join("home")).expect("temp home");
        let logs = screenshot_dir().join("logs");
        std::fs::create_dir_all(&logs).expect("log dir");
        let driver_log = logs.join(format!("{name}.log"));
        let log = std::fs::File::create(&driver_log).expect("driver log");

        let port = free_port();
        let native_port = free_port();
        let mut cmd = Command::new(find_tauri_driver());
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        // tauri-driver passes its environment on to the app.
        .env("INNKEEP_DATA_DIR", &data_dir)
        // A private HOME keeps window state, logs and caches out of the developer's own.
        .env("HOME", home.path().join("home"))
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_STATE_HOME")
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log handle"))
        .stderr(log);
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // Own process group: the app and WebKitWebDriver are stopped with tauri-driver.
            cmd.process_group(0);
        }
        let tauri_driver = cmd.spawn().expect("start tauri-driver");
        let mut app = PendingApp {
            tauri_driver: Some(tauri_driver),
        };

        let deadline = Instant::now() + TIMEOUT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not open port {port}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").expect("caps");
        caps.set(
            "tauri:options",
            serde_json::json!({ "application": binary.to_string_lossy() }),
        )
        .expect("caps");
        let driver = match WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await {
            Ok(driver) => driver,
            Err(e) => {
                drop(app);
                let log = std::fs::read_to_string(&driver_log).unwrap_or_default();
                panic!("could not open a session with the app: {e}\ntauri-driver log:\n{log}");
            }
        };
        let session_id = driver.session_id().to_string();
        let tauri_driver = app.tauri_driver.take().expect("child");
        Some(App {
            driver,
            name: name.to_string(),
            driver_port: port,
            session_id,
            tauri_driver,
            driver_log,
            _home: home,
        })
    }

    fn css(testid: &str) -> By {
        By::Css(format!("[data-testid='{testid}']"))
    }

    /// The element with this data-testid if it is on the page and visible right now.
    pub async fn visible(&self, testid: &str) -> Option<WebElement> {
        let elements = self.driver.find_all(Self::css(testid)).await.ok()?;
        for element in elements {
            if element.is_displayed().await.unwrap_or(false) {
                return Some(element);
            }
        }
        None
    }

    /// Waits until the element with this data-testid is visible; screenshot and panic on timeout.
    pub async fn wait_for(&self, testid: &str) -> WebElement {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(element) = self.visible(testid).await {
                return element;
            }
            if Instant::now() > deadline {
                self.fail(&format!(
                    "[data-testid={testid}] did not appear within {TIMEOUT:?}"
                ))
                .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element's text satisfies `ok`; returns the text.
    pub async fn wait_text(&self, testid: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let text = match self.visible(testid).await {
                Some(element) => self.text_of(&element).await,
                None => String::new(),
            };
            if ok(&text) {
                return text;
            }
            if Instant::now() > deadline {
                self.fail(&format!(
                    "[data-testid={testid}] text {text:?} is not {what}"
                ))
                .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The rendered text of an element. WebKitWebDriver's "get element text" returned "" for a
    /// visible Mantine Alert, so this asks the page for innerText.
    pub async fn text_of(&self, element: &WebElement) -> String {
        let Ok(arg) = element.to_json() else {
            return String::new();
        };
        match self
            .driver
            .execute(
                "return arguments[0].innerText || arguments[0].textContent || '';",
                vec![arg],
            )
            .await
        {
            Ok(ret) => ret.json().as_str().unwrap_or_default().trim().to_string(),
            Err(_) => element.text().await.unwrap_or_default(),
        }
    }

    /// Waits until the element is gone or hidden.
    pub async fn wait_gone(&self, testid: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while self.visible(testid).await.is_some() {
            if Instant::now() > deadline {
                self.fail(&format!("[data-testid={testid}] is still visible"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the element, retrying while something (an animation, an overlay) is in the way.
    pub async fn click(&self, testid: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let element = self.wait_for(testid).await;
            match element.click().await {
                Ok(()) => return,
                Err(e) if Instant::now() > deadline => {
                    self.fail(&format!("cannot click [data-testid={testid}]: {e}"))
                        .await
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(150)).await,
            }
        }
    }

    /// Replaces the text of an input (the element itself or the input inside it).
    pub async fn type_into(&self, testid: &str, text: &str) {
        let element = self.wait_for(testid).await;
        let tag = element.tag_name().await.unwrap_or_default().to_lowercase();
        let input = if tag == "input" || tag == "textarea" {
            element
        } else {
            match element.find(By::Css("input, textarea")).await {
                Ok(inner) => inner,
                Err(e) => {
                    self.fail(&format!("[data-testid={testid}] has no input: {e}"))
                        .await
                }
            }
        };
        let _ = input.click().await;
        if let Err(e) = input.clear().await {
            self.fail(&format!("cannot clear [data-testid={testid}]: {e}"))
                .await;
        }
        if let Err(e) = input.send_keys(text).await {
            self.fail(&format!("cannot type into [data-testid={testid}]: {e}"))
                .await;
        }
    }

    /// Picks the option labelled `label` in the Mantine Select with this data-testid.
    pub async fn pick(&self, testid: &str, label: &str) {
        self.click(testid).await;
        let option = By::XPath(format!("//*[@role='option'][normalize-space(.)='{label}']"));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(options) = self.driver.find_all(option.clone()).await {
                for element in options {
                    if element.is_displayed().await.unwrap_or(false)
                        && element.click().await.is_ok()
                    {
                        return;
                    }
                }
            }
            if Instant::now() > deadline {
                self.fail(&format!("no option {label:?} in [data-testid={testid}]"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Types keys into the element (which takes the focus first), e.g. `Key::Shift + Key::Right`.
    pub async fn keys(&self, testid: &str, keys: impl Into<TypingData>) {
        let element = self.wait_for(testid).await;
        if let Err(e) = element.send_keys(keys).await {
            self.fail(&format!("cannot send keys to [data-testid={testid}]: {e}"))
                .await;
        }
    }

    /// Presses on `from`, moves in steps onto the centre of `to` and lets go (a pointer drag).
    pub async fn drag(&self, from: &str, to: &str) {
        let source = self.wait_for(from).await;
        let target = self.wait_for(to).await;
        let dragged = self
            .driver
            .action_chain()
            .move_to_element_center(&source)
            .click_and_hold()
            .move_by_offset(0, 6)
            .move_to_element_center(&target)
            .release()
            .perform()
            .await;
        if let Err(e) = dragged {
            self.fail(&format!("cannot drag {from} onto {to}: {e}"))
                .await;
        }
    }

    /// The data-testids of the visible elements whose data-testid starts with `prefix`, in page order.
    pub async fn testids(&self, prefix: &str) -> Vec<String> {
        let css = By::Css(format!("[data-testid^='{prefix}']"));
        let mut ids = Vec::new();
        for element in self.driver.find_all(css).await.unwrap_or_default() {
            if element.is_displayed().await.unwrap_or(false)
                && let Ok(Some(id)) = element.attr("data-testid").await
            {
                ids.push(id);
            }
        }
        ids
    }

    /// Presses Escape on the focused element (closes menus and dialogs).
    pub async fn escape(&self) {
        if let Ok(active) = self.driver.active_element().await {
            let _ = active.send_keys(Key::Escape).await;
        }
    }

    /// Saves a page screenshot as target/e2e-screenshots/<name>.png after two animation frames.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let _ = self
            .driver
            .execute(
                "return new Promise(done => requestAnimationFrame(() => \
                 requestAnimationFrame(() => done(true))));",
                Vec::new(),
            )
            .await;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let path = dir.join(format!("{name}.png"));
        self.driver
            .screenshot(&path)
            .await
            .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        path
    }

    /// Saves a screenshot of the failure and panics with the message.
    pub async fn fail(&self, message: &str) -> ! {
        let shot = format!("FAILED-{}", self.name);
        let path = self.screenshot(&shot).await;
        panic!("{message}\n(screenshot: {})", path.display());
    }

    /// Ends the session (closes the app) and stops tauri-driver.
    pub async fn close(self) {
        // Drop does the work; quitting through thirtyfour first is the polite way.
        let _ = self.driver.clone().quit().await;
    }
}

/// tauri-driver between spawning and a working session: killed if the session fails.
struct PendingApp {
    tauri_driver: Option<Child>,
}

impl Drop for PendingApp {
    fn drop(&mut self) {
        if let Some(child) = self.tauri_driver.as_mut() {
            stop(child);
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        delete_session(self.driver_port, &self.session_id);
        stop(&mut self.tauri_driver);
        if std::thread::panicking() {
            let log = std::fs::read_to_string(&self.driver_log).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            eprintln!("--- tauri-driver / app output (last lines) ---");
            tail.iter().rev().for_each(|line| eprintln!("{line}"));
        }
    }
}

/// A blocking `DELETE /session/<id>`: closes the app even when the test panicked.
fn delete_session(port: u16, session_id: &str) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = format!(
        "DELETE /session/{session_id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_ok() {
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
    }
}

/// Stops tauri-driver and, on Unix, its process group (WebKitWebDriver and the app).
fn stop(child: &mut Child) {
    #[cfg(unix)]
    {
        let group = format!("-{}", child.id());
        let _ = Command::new("kill")
            .args(["-TERM", "--", &group])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if matches!(child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}
