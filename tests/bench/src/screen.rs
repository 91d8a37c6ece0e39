//! A virtual display for the app-level measures: Xvfb, a fast look at what it shows (`xwd`),
//! and the processes a window brings with it (WebKitGTK starts a web and a network process).

use std::collections::HashSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running Xvfb; stopped when dropped.
pub struct Display {
    pub name: String,
    server: Child,
}

impl Display {
    /// Starts Xvfb (1280 × 800, black root) on the first free display from :90.
    pub fn start() -> Result<Display, String> {
        let number = (90..120)
            .find(|n| !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists())
            .ok_or("no free X display between :90 and :119")?;
        let name = format!(":{number}");
        let server = Command::new("Xvfb")
            .args([
                &name,
                "-screen",
                "0",
                "1280x800x24",
                "-br",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start Xvfb: {e}"))?;
        let socket = format!("/tmp/.X11-unix/X{number}");
        let started = Instant::now();
        while !Path::new(&socket).exists() {
            if started.elapsed() > Duration::from_secs(10) {
                return Err("Xvfb did not start within 10 s".into());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(Display { name, server })
    }

    /// How many colours the screen shows, counting at most `enough`: one while nothing is
    /// mapped (black root), two or three for an empty window, many once text is painted.
    pub fn colours(&self, enough: usize) -> Result<usize, String> {
        let out = Command::new("xwd")
            .args(["-root", "-silent", "-display", &self.name])
            .output()
            .map_err(|e| format!("cannot run xwd (Debian package x11-apps): {e}"))?;
        Ok(count_colours(&out.stdout, enough))
    }

    /// Saves what the screen shows as a PNG (ImageMagick's `import`).
    pub fn screenshot(&self, path: &Path) -> Result<(), String> {
        let status = Command::new("import")
            .args(["-silent", "-window", "root"])
            .arg(path)
            .env("DISPLAY", &self.name)
            .status()
            .map_err(|e| format!("cannot run import: {e}"))?;
        status
            .success()
            .then_some(())
            .ok_or_else(|| format!("import failed for {}", path.display()))
    }

    /// Runs xdotool on this display.
    pub fn xdotool(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .map_err(|e| format!("cannot run xdotool: {e}"))?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// Distinct pixel values of an XWD dump (ZPixmap, 32 bits per pixel), up to `enough`.
fn count_colours(dump: &[u8], enough: usize) -> usize {
    let field = |i: usize| -> usize {
        dump.get(i * 4..i * 4 + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let (header, bits, colormap) = (field(0), field(11), field(19));
    if bits != 32 || dump.len() < header {
        return 0;
    }
    let pixels = dump.get(header + colormap * 12..).unwrap_or_default();
    let mut seen = HashSet::new();
    for px in pixels.chunks_exact(4) {
        seen.insert([px[0], px[1], px[2], px[3]]);
        if seen.len() >= enough {
            break;
        }
    }
    seen.len()
}

/// The process and all its descendants.
pub fn process_tree(root: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/proc") {
        for entry in dir.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // "pid (comm) state ppid …": the command may hold spaces, so read after the last ')'.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok());
            if let Some(ppid) = ppid {
                parents.push((pid, ppid));
            }
        }
    }
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        i += 1;
    }
    tree
}

/// Proportional set size of the processes, in KiB (`/proc/<pid>/smaps_rollup`).
pub fn pss_kib(pids: &[u32]) -> u64 {
    pids.iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .filter_map(|text| {
            text.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::count_colours;

    fn dump(pixels: &[[u8; 4]]) -> Vec<u8> {
        let mut d = vec![0u8; 100];
        d[3] = 100; // header size
        d[47] = 32; // bits per pixel (field 11)
        for px in pixels {
            d.extend_from_slice(px);
        }
        d
    }

    #[test]
    fn a_black_screen_is_one_colour_and_text_is_many() {
        assert_eq!(count_colours(&dump(&[[0, 0, 0, 0]; 50]), 16), 1);
        let text: Vec<[u8; 4]> = (0..40u8).map(|i| [i, i, i, 0]).collect();
        assert_eq!(count_colours(&dump(&text), 16), 16);
    }
}
