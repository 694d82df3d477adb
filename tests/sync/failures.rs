//! When things go wrong: a server that goes away in the middle of a first sync, refused and
//! unreachable servers, bad input, and HTTPS with a certificate authority of the test's own.

use std::process::Command;
use std::time::{Duration, Instant};

use super::*;

/// A vCard file of `count` people, as an address book exports it.
fn address_book(count: usize) -> String {
    (0..count)
        .map(|i| {
            format!(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i:05}\r\nN:{i:05};Person;;;\r\nEMAIL:person{i}@example.org\r\nORG:Company {}\r\nEND:VCARD\r\n",
                i % 50
            )
        })
        .collect()
}

fn integrity(device: &Device) -> String {
    let conn = rusqlite::Connection::open(device.data_dir().join("rapport.sqlite3")).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_server_stopped_in_the_middle_of_a_first_sync_loses_and_doubles_nothing() {
    // Radicale takes 3,000; Xandikos commits to git on every write, so 300 there.
    for (kind, count) in [(Kind::Radicale, 3000), (Kind::Xandikos, 300)] {
        let keyring = Keyring::start();
        let mut server = Server::start(kind);
        let laptop = Device::new(&keyring);
        let file = laptop.data_dir().join("network.vcf");
        std::fs::create_dir_all(laptop.data_dir()).unwrap();
        std::fs::write(&file, address_book(count)).unwrap();
        laptop.json(&["import", "vcard", file.to_str().unwrap()]);
        laptop.add_account(&server);

        let sync = laptop
            .command(&["sync", "--json"])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(120);
        while server.requests("PUT") < count / 5 {
            assert!(
                Instant::now() < deadline,
                "{kind:?}: the sync sent too little"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        server.stop();
        let cut = sync.wait_with_output().unwrap();
        assert_eq!(
            cut.status.code(),
            Some(1),
            "{kind:?}: a failed account exits 1"
        );
        let report: Value = serde_json::from_slice(&cut.stdout).unwrap();
        assert_eq!(
            report["accounts"][0]["error"]["code"], "server_unreachable",
            "{report}"
        );
        assert_eq!(integrity(&laptop), "ok");
        assert_eq!(laptop.people().len(), count);
        let listed = laptop.json(&["accounts", "list"]);
        assert_eq!(
            listed[0]["lastError"]["code"], "server_unreachable",
            "{listed}"
        );

        let server = server.restart();
        let report = laptop.sync();
        let sent_before = report["contacts"]["sent"].as_u64().unwrap();
        assert!(
            sent_before > 0 && sent_before < count as u64,
            "{kind:?} resumed: {report}"
        );
        assert_eq!(laptop.people().len(), count, "nothing doubled in Rapport");
        let account = &laptop.json(&["accounts", "list"])[0];
        assert!(
            account["lastError"].is_null(),
            "a good pass clears the error"
        );
        let book = account["addressbook"]["url"].as_str().unwrap();
        let hrefs = client(&["hrefs", book, USER, PASSWORD]);
        assert_eq!(
            hrefs.as_array().unwrap().len(),
            count,
            "{kind:?}: every card once on the server"
        );
        drop(server);
    }
}

#[test]
fn a_refused_password_fails_clearly_and_stores_no_account() {
    let keyring = Keyring::start();
    let server = Server::start_with_password(PASSWORD);
    let laptop = Device::new(&keyring);
    let output = laptop.run_with_input(
        &[
            "accounts",
            "add",
            "--url",
            &server.url(),
            "--user",
            USER,
            "--password-stdin",
            "--json",
        ],
        "wrong password\n",
    );
    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "credentials_refused", "{error}");
    assert!(
        error["message"].as_str().unwrap().contains("app password"),
        "{error}"
    );
    assert_eq!(laptop.json(&["accounts", "list"]), serde_json::json!([]));

    laptop.add_account(&server);
    let output = laptop.run_with_input(
        &[
            "accounts",
            "set-password",
            "1",
            "--password-stdin",
            "--json",
        ],
        "also wrong",
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "a refused new password is not kept"
    );
    laptop.add_person(&["Ada Lovelace"]);
    assert_eq!(
        laptop.sync()["contacts"]["sent"],
        1,
        "the good password is still there"
    );
}

#[test]
fn an_unreachable_server_exits_1_and_keeps_the_store_as_it_was() {
    let keyring = Keyring::start();
    let mut server = Server::start(Kind::Radicale);
    let laptop = Device::new(&keyring);
    laptop.add_person(&["Ada Lovelace"]);
    laptop.add_account(&server);
    server.stop();
    let output = laptop.run(&["sync", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let error = &report["accounts"][0]["error"];
    assert_eq!(error["code"], "server_unreachable", "{report}");
    assert!(
        error["message"].as_str().unwrap().contains("refused"),
        "{report}"
    );
    assert_eq!(integrity(&laptop), "ok");
    assert_eq!(laptop.people().len(), 1);
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let keyring = Keyring::start();
    let laptop = Device::new(&keyring);
    for url in [
        "http://dav.example.com/",
        "ftp://dav.example.com/",
        "https://",
    ] {
        let output = laptop.run_with_input(
            &[
                "accounts",
                "add",
                "--url",
                url,
                "--user",
                USER,
                "--password-stdin",
                "--json",
            ],
            PASSWORD,
        );
        assert_eq!(output.status.code(), Some(2), "{url}");
        let error: Value = serde_json::from_slice(&output.stderr).unwrap();
        assert_eq!(error["code"], "invalid_input", "{url}: {error}");
        assert!(
            !laptop.data_dir().join("rapport.sqlite3").exists(),
            "nothing written for {url}"
        );
    }
    assert_eq!(
        laptop.json(&["sync"]),
        serde_json::json!({"accounts": []}),
        "no account: nothing to do"
    );
}

/// A certificate authority and a certificate for 127.0.0.1 signed by it, made with openssl.
fn test_certificates(dir: &Path) {
    let run = |args: &[&str]| {
        let status = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("openssl runs");
        assert!(
            status.status.success(),
            "openssl {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&status.stderr)
        );
    };
    run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Rapport test authority",
    ]);
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    std::fs::write(dir.join("san.ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "san.ext",
    ]);
}

#[test]
fn https_on_loopback_with_the_test_s_own_certificate_authority() {
    let keyring = Keyring::start();
    let certificates = tempfile::tempdir().unwrap();
    test_certificates(certificates.path());
    let server = Server::start_https(certificates.path());
    let mut laptop = Device::new(&keyring);
    laptop.add_person(&["Ada Lovelace"]);

    let untrusted = laptop.run_with_input(
        &[
            "accounts",
            "add",
            "--url",
            &server.url(),
            "--user",
            USER,
            "--password-stdin",
            "--json",
        ],
        PASSWORD,
    );
    assert_eq!(
        untrusted.status.code(),
        Some(1),
        "an unknown authority is refused"
    );
    let error: Value = serde_json::from_slice(&untrusted.stderr).unwrap();
    assert_eq!(error["code"], "certificate_refused", "{error}");

    let ca = certificates.path().join("ca.pem");
    laptop
        .vars
        .push(("SSL_CERT_FILE".into(), ca.to_str().unwrap().into()));
    let account = laptop.add_account(&server);
    assert!(
        account["url"]
            .as_str()
            .unwrap()
            .starts_with("https://127.0.0.1:"),
        "{account}"
    );
    assert_eq!(laptop.sync()["contacts"]["sent"], 1);
}
