//! Sync while Rapport runs: a pass at start, and one a few seconds after a change, against a
//! real Radicale with the password in a real Secret Service. (Linux only: the servers and the
//! Secret Service are Linux programs; the Windows and macOS builds run the crate's unit tests.)
#![cfg(target_os = "linux")]

#[path = "../../../tests/sync/servers.rs"]
#[allow(dead_code)]
mod servers;

use std::sync::Arc;
use std::time::{Duration, Instant};

use rapport_core::network::people::PersonInput;
use rapport_core::Store;
use rapport_sync::{background, AccountInput};
use servers::{Keyring, Kind, Server};

fn wait_for(what: &str, within: Duration, done: impl Fn() -> bool) {
    let deadline = Instant::now() + within;
    while !done() {
        assert!(Instant::now() < deadline, "{what} within {within:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_background_sync_runs_at_start_and_soon_after_a_change() {
    let keyring = Keyring::start();
    // The only test of this binary: the keyring crate reads the bus once, from here.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &keyring.bus);
    let server = Server::start(Kind::Radicale);
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(dir.path()).unwrap());
    store
        .add_person(PersonInput::named("Ada Lovelace"))
        .unwrap();
    rapport_sync::add_account(
        &store,
        AccountInput {
            url: server.url(),
            user: "alice".into(),
            password: "secret".into(),
            ..AccountInput::default()
        },
    )
    .unwrap();

    background::start(store.clone(), dir.path());
    wait_for("a pass at start", Duration::from_secs(20), || {
        server.requests("PUT") >= 1
    });
    let synced = store.accounts().unwrap()[0].last_sync_at;
    assert!(synced.is_some());

    let started = Instant::now();
    store
        .add_person(PersonInput::named("Grace Hopper"))
        .unwrap();
    wait_for("a pass after the change", background::DEBOUNCE * 4, || {
        server.requests("PUT") >= 2
    });
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "debounced, not at once"
    );
}
