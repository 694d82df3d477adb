//! The password lives in the keyring only: never in a file of the data folder, even with debug
//! logs; and with no keyring, adding an account fails and says why.

use super::*;

fn every_file_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(every_file_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_password_is_in_no_file_of_the_data_folder_even_with_debug_logs() {
    let keyring = Keyring::start();
    let server = Server::start(Kind::Radicale);
    let mut laptop = Device::new(&keyring);
    laptop.vars.push(("RAPPORT_LOG".into(), "trace".into()));
    laptop.add_person(&["Ada Lovelace", "--email", "ada@analytical.org"]);
    laptop.add_account(&server);
    laptop.sync();
    laptop.json(&["backup"]);
    laptop.json(&[
        "export",
        "json",
        "--out",
        laptop.data_dir().join("everything.json").to_str().unwrap(),
    ]);

    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
    let files = every_file_under(laptop.data_dir());
    assert!(
        files.iter().any(|f| f.to_string_lossy().contains(".log")),
        "a log was written: {files:?}"
    );
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(PASSWORD),
            "the password is in {}",
            file.display()
        );
        assert!(
            !text.contains(&basic),
            "the Basic credentials are in {}",
            file.display()
        );
    }
}

#[test]
fn without_a_keyring_adding_an_account_fails_clearly_and_stores_nothing() {
    let keyring = Keyring::start();
    let server = Server::start(Kind::Radicale);
    let mut laptop = Device::new(&keyring);
    // A session bus with no Secret Service on it.
    let bare_bus = Keyring::bus_only();
    laptop
        .vars
        .push(("DBUS_SESSION_BUS_ADDRESS".into(), bare_bus.bus.clone()));
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
        PASSWORD,
    );
    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&output.stderr).unwrap();
    assert_eq!(error["code"], "no_keyring", "{error}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("never stores it in plain text"),
        "{error}"
    );
    assert_eq!(laptop.json(&["accounts", "list"]), serde_json::json!([]));
}
