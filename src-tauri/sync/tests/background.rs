//! Sync while Rapport runs: nothing before the user's first sync, then a pass a few seconds
//! after each change, against a real Radicale with the password in a real Secret Service.
//! (Linux only: the servers and the Secret Service are Linux programs; the Windows and macOS
//! builds run the crate's unit tests.)
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
fn the_background_sync_waits_for_the_first_upload_then_follows_each_change() {
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

    // The first upload is the user's to start ("Sync now"): the background waits for it.
    background::start(store.clone(), dir.path());
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        server.requests("PUT"),
        0,
        "nothing uploaded before the user said so"
    );
    rapport_sync::sync_all(&store, &mut |_, _| {}).unwrap();
    assert_eq!(server.requests("PUT"), 1);

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
