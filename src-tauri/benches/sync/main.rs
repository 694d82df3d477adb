//! The first sync of an address book of thousands, and an idle re-sync, against a local Radicale
//! with the password in a real Secret Service — the `rapport` binary as a user runs it.
//!
//! `cargo bench --bench sync` syncs 3,000 people (targets: first sync ≤ 20 s; idle re-sync
//! ≤ 1 s fetching no card) and compares the sync's peak memory with 300 people (flat: no address
//! book held whole); `cargo test --bench sync` runs it on 100 people, to show that it runs.
//! The largest count runs again against a Radicale whose new-card UID check does not read every
//! card (tests/python/radicale_uid_index.py): stock Radicale's first sync is O(n²) on its side,
//! and the CPU columns say whose time a first sync is.

#[path = "../../../tests/sync/servers.rs"]
#[allow(dead_code)]
mod servers;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use servers::{Keyring, Kind, Server};

fn address_book(count: usize) -> String {
    (0..count)
        .map(|i| {
            format!(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i:05}\r\nN:{i:05};Person;;;\r\nEMAIL:person{i}@example.org\r\nTEL:+1 555 {i:07}\r\nORG:Company {}\r\nTITLE:Engineer\r\nNOTE:Met at the career fair; follow up about the internship.\r\nEND:VCARD\r\n",
                i % 50
            )
        })
        .collect()
}

/// CPU seconds (user + system) a process has used so far.
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0) // USER_HZ is 100 on Linux
}

struct Timed {
    wall: Duration,
    peak_mib: f64,
    cpu: f64,
}

/// Runs `rapport ARGS` to its end: how long it took, its peak resident memory and its CPU time.
fn timed(rapport: &mut Command) -> Timed {
    let started = Instant::now();
    let mut child = rapport.stdout(Stdio::null()).spawn().expect("rapport runs");
    let (mut peak_kib, mut cpu) = (0u64, 0.0);
    let status_file = format!("/proc/{}/status", child.id());
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            if let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            {
                peak_kib = peak_kib.max(kib);
            }
        }
        cpu = cpu_seconds(child.id()).unwrap_or(cpu);
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "rapport sync failed");
            return Timed {
                wall: started.elapsed(),
                peak_mib: peak_kib as f64 / 1024.0,
                cpu,
            };
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

struct Run {
    first: Timed,
    server_cpu: f64,
    idle: Duration,
    idle_gets: usize,
    idle_fetches: usize,
}

fn run(count: usize, server: Server) -> Run {
    let keyring = Keyring::start();
    let data = tempfile::tempdir().unwrap();
    let rapport = |args: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rapport"));
        command
            .arg("--data-dir")
            .arg(data.path())
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &keyring.bus)
            .env_remove("RUST_LOG");
        command
    };
    let file = data.path().join("network.vcf");
    std::fs::create_dir_all(data.path()).unwrap();
    std::fs::write(&file, address_book(count)).unwrap();
    let imported = rapport(&["import", "vcard", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(imported.status.success());
    let mut add = rapport(&[
        "accounts",
        "add",
        "--url",
        &server.url(),
        "--user",
        "alice",
        "--password-stdin",
    ])
    .stdin(Stdio::piped())
    .stdout(Stdio::null())
    .spawn()
    .unwrap();
    add.stdin.take().unwrap().write_all(b"secret").unwrap();
    assert!(add.wait().unwrap().success());

    let server_cpu = || server.pid().and_then(cpu_seconds).unwrap_or(0.0);
    let before = server_cpu();
    let first = timed(&mut rapport(&["sync"]));
    let server_cpu = server_cpu() - before;
    let (log_before, gets_before) = (server.log().len(), server.requests("GET"));
    let idle = timed(&mut rapport(&["sync"])).wall;
    let idle_log = server.log()[log_before..].to_string();
    Run {
        first,
        server_cpu,
        idle,
        idle_gets: server.requests("GET") - gets_before,
        // A card fetched is a REPORT on the address book that is not its sync-collection.
        idle_fetches: idle_log
            .lines()
            .filter(|l| l.contains("REPORT response") && l.contains("/rapport/'"))
            .filter(|l| !l.contains("sync-collection"))
            .count(),
    }
}

fn main() {
    let full = std::env::args().any(|arg| arg == "--bench");
    let counts: &[usize] = if full { &[300, 3000] } else { &[100] };
    eprintln!(
        "Rapport sync benchmark (local Radicale, release: {})",
        !cfg!(debug_assertions)
    );
    // Stock Radicale reads every card of the address book to check each new card's UID (its
    // has_uid), so its first sync of n cards is O(n²) on the server; the same Radicale with that
    // check kept in memory leaves only its cost per write.
    let stock: fn() -> Server = || Server::start(Kind::Radicale);
    let mut runs: Vec<(usize, &str, fn() -> Server)> =
        counts.iter().map(|&c| (c, "Radicale", stock)).collect();
    runs.push((
        *counts.last().unwrap(),
        "Radicale, UIDs indexed",
        Server::start_radicale_with_uid_index,
    ));
    for (count, server_name, start) in runs {
        let r = run(count, start());
        let wall = r.first.wall.as_secs_f64();
        println!(
            "sync {count:>5} people, {server_name}: first sync {wall:>6.2} s ({:.0} cards/s; CPU: Rapport {:.2} s, the server {:.2} s; Rapport's peak {:.1} MiB) · idle re-sync {:>5.3} s, {} cards fetched, {} GETs",
            count as f64 / wall,
            r.first.cpu,
            r.server_cpu,
            r.first.peak_mib,
            r.idle.as_secs_f64(),
            r.idle_fetches,
            r.idle_gets
        );
        assert_eq!(
            r.idle_fetches + r.idle_gets,
            0,
            "an idle re-sync fetches no card"
        );
    }
    if full {
        println!("targets: first sync of 3,000 ≤ 20 s; idle re-sync ≤ 1 s with no card fetched; peak memory flat from 300 to 3,000");
        println!("(a first sync's time is the server's where its CPU is most of it: Radicale writes one card at a time)");
    }
}
