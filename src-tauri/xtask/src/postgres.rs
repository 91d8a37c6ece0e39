//! A throwaway PostgreSQL cluster for the core tests: temp dir, loopback, free port, removed afterwards.
//!
//! As root the server runs as the `postgres` user (initdb refuses root). The `innkeep` role has a
//! password so the tests can also prove the "wrong password" path; the socket lives in the temp dir.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use crate::sh::{self, Result, run};

pub const USER: &str = "innkeep";
pub const PASSWORD: &str = "innkeep-test";

/// The running cluster; stopped and deleted on drop.
pub struct Cluster {
    handle: Handle,
    port: u16,
}

/// What is needed to stop a cluster, also from the Ctrl-C handler.
#[derive(Clone)]
struct Handle {
    dir: PathBuf,
    bindir: PathBuf,
    as_postgres: bool,
}

/// The cluster currently running, for the Ctrl-C handler.
static RUNNING: Mutex<Option<Handle>> = Mutex::new(None);

/// Stops the running cluster, if any (called from the Ctrl-C handler).
pub fn stop_running() {
    let handle = RUNNING.lock().ok().and_then(|mut running| running.take());
    if let Some(handle) = handle {
        handle.stop();
    }
}

impl Cluster {
    /// A throwaway cluster for tests: durability off (fsync, synchronous commit and full-page
    /// writes), since a test database dies with the test.
    pub fn start() -> Result<Cluster> {
        Self::start_with("-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    }

    /// A throwaway cluster with a real server's durability (every commit flushed), for the
    /// benchmarks: a hotel's server does not lose committed bookings.
    pub fn start_durable() -> Result<Cluster> {
        Self::start_with("-c shared_buffers=512MB")
    }

    fn start_with(settings: &str) -> Result<Cluster> {
        let bindir = find_bindir()?;
        let as_postgres = sh::is_root();
        let port = free_port()?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!("innkeep-pg-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        let handle = Handle {
            dir: dir.clone(),
            bindir,
            as_postgres,
        };
        if let Ok(mut running) = RUNNING.lock() {
            *running = Some(handle.clone());
        }
        let cluster = Cluster { handle, port };
        if as_postgres {
            run(Command::new("chown").arg("postgres:postgres").arg(&dir))?;
        }
        let data = dir.join("data");
        run(cluster
            .handle
            .tool("initdb")
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "-A", "trust", "--auth-host=scram-sha-256"])
            .args(["-E", "UTF8", "--no-locale", "--no-sync"]))?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 {settings} -c max_connections=200",
            dir.display()
        );
        let started = run(cluster
            .handle
            .tool("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("server.log"))
            .args(["-w", "-t", "60", "-o", &options, "start"]));
        if let Err(e) = started {
            let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
            return Err(format!("{e}\nserver log:\n{log}"));
        }
        let sql = format!("CREATE ROLE {USER} LOGIN SUPERUSER CREATEDB PASSWORD '{PASSWORD}'");
        run(cluster
            .handle
            .tool("psql")
            .arg("-h")
            .arg(&dir)
            .args(["-p", &port.to_string(), "-U", "postgres", "-d", "postgres"])
            .args(["-v", "ON_ERROR_STOP=1", "-q", "-c", &sql]))?;
        println!(
            "==> PostgreSQL test cluster on 127.0.0.1:{port} in {}",
            dir.display()
        );
        Ok(cluster)
    }

    /// The URL the core tests connect with (they create their own databases).
    pub fn url(&self) -> String {
        format!(
            "postgres://{USER}:{PASSWORD}@127.0.0.1:{}/postgres",
            self.port
        )
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Ok(mut running) = RUNNING.lock() {
            running.take();
        }
        self.handle.stop();
    }
}

impl Handle {
    fn tool(&self, name: &str) -> Command {
        let path = self.bindir.join(name);
        if self.as_postgres {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(path);
            cmd
        } else {
            Command::new(path)
        }
    }

    fn stop(&self) {
        let data = self.dir.join("data");
        if data.join("postmaster.pid").exists() {
            println!("==> stopping the PostgreSQL test cluster");
            let _ = self
                .tool("pg_ctl")
                .arg("-D")
                .arg(&data)
                .args(["-m", "immediate", "-w", "stop"])
                .status();
        }
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("could not remove {}: {e}", self.dir.display());
        }
    }
}

fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// Where initdb and pg_ctl live: $INNKEEP_PG_BINDIR, Debian's /usr/lib/postgresql/<newest>/bin, or PATH.
fn find_bindir() -> Result<PathBuf> {
    let has_initdb = |dir: &Path| dir.join("initdb").is_file() || dir.join("initdb.exe").is_file();
    if let Some(dir) = std::env::var_os("INNKEEP_PG_BINDIR").map(PathBuf::from) {
        return if has_initdb(&dir) {
            Ok(dir)
        } else {
            Err(format!("INNKEEP_PG_BINDIR={} has no initdb", dir.display()))
        };
    }
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let version = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            Some((version, entry.path().join("bin")))
        })
        .filter(|(_, bin)| has_initdb(bin))
        .collect();
    debian.sort();
    if let Some((_, bin)) = debian.pop() {
        return Ok(bin);
    }
    sh::which("initdb")
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .ok_or_else(|| {
            "PostgreSQL server binaries (initdb, pg_ctl) not found; set INNKEEP_PG_BINDIR".into()
        })
}
