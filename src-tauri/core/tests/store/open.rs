//! Opening the store: where it lives, how it is configured, and what it refuses.

use std::path::Path;

use rapport_core::store::migrations::{migrate_to, LATEST_VERSION};
use rapport_core::store::paths::{self, BACKUPS_DIR, DATABASE_FILE};
use rapport_core::Store;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

fn file_hash(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

#[test]
fn a_new_store_is_one_sqlite_file_in_wal_mode_with_foreign_keys_and_the_user_as_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(dir.path().join(DATABASE_FILE).is_file());
    assert!(store.me().unwrap().is_me);

    let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION);
    let strict: i64 = conn
        .query_row("SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(strict, 0, "every table is STRICT");
}

#[test]
fn reopening_keeps_one_me_and_all_data() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let store = Store::open(dir.path()).unwrap();
        crate::common::add(&store, "Grace Hopper").id
    };
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.person(id).unwrap().display_name, "Grace Hopper");
    assert_eq!(
        store.me().unwrap().id,
        Store::open(dir.path()).unwrap().me().unwrap().id
    );
}

#[test]
fn foreign_keys_are_enforced() {
    let clock = crate::common::clock_at("2026-03-01T12:00:00Z");
    let store = crate::common::memory_store(&clock);
    let err = store
        .add_followup(rapport_core::followups::FollowupInput {
            person_id: Some(999),
            kind: None,
            title: "Call".into(),
            due_at: crate::common::at("2026-03-02T12:00:00Z"),
        })
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
}

#[test]
fn a_store_from_a_newer_rapport_is_refused_and_left_byte_for_byte_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x TEXT) STRICT; PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = file_hash(&path);
    let err = Store::open(dir.path()).err().expect("refused");
    assert_eq!(err.code(), "schema_too_new");
    assert!(err.to_string().contains("newer Rapport"), "{err}");
    assert_eq!(file_hash(&path), before);
    assert!(!dir.path().join(format!("{DATABASE_FILE}-wal")).exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    std::fs::write(
        &path,
        b"these are my notes, not a database, and they are long enough to fill a header",
    )
    .unwrap();
    let before = file_hash(&path);
    let err = Store::open(dir.path()).err().expect("refused");
    assert_eq!(err.code(), "not_a_store");
    assert_eq!(file_hash(&path), before);
}

#[test]
fn an_older_store_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 0, 1).unwrap();
        conn.execute(
            "INSERT INTO person (display_name, notes, created_at, updated_at) VALUES ('Old Friend', 'from v1', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let backups: Vec<_> = std::fs::read_dir(dir.path().join(BACKUPS_DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let name = backups[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("pre-migration-v1-"), "{name}");
    let backup = Connection::open(&backups[0]).unwrap();
    let version: i64 = backup
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    let old: String = backup
        .query_row("SELECT display_name FROM person WHERE is_me = 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(old, "Old Friend");
    // The upgrade indexed the people it found.
    assert_eq!(
        store.search_people("from v1").unwrap()[0].display_name,
        "Old Friend"
    );
}

#[test]
fn an_up_to_date_store_is_not_backed_up_again() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    drop(Store::open(dir.path()).unwrap());
    assert!(!dir.path().join(BACKUPS_DIR).exists());
}

#[test]
fn the_data_folder_is_the_os_data_folder_of_the_app_identifier() {
    let default = paths::default_data_dir().unwrap();
    assert!(default.ends_with("org.rapport.app"), "{default:?}");
    assert_eq!(default.parent().unwrap(), dirs::data_dir().unwrap());
}

#[test]
fn the_data_folder_is_where_each_platform_keeps_app_data() {
    let default = paths::default_data_dir().unwrap();
    #[cfg(windows)]
    let expected = std::path::PathBuf::from(std::env::var_os("APPDATA").expect("%APPDATA% is set"))
        .join("org.rapport.app");
    #[cfg(target_os = "macos")]
    let expected = dirs::home_dir()
        .unwrap()
        .join("Library/Application Support/org.rapport.app");
    #[cfg(all(unix, not(target_os = "macos")))]
    let expected = std::env::var_os("XDG_DATA_HOME")
        .filter(|dir| !dir.is_empty() && Path::new(dir).is_absolute())
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dirs::home_dir().unwrap().join(".local/share"))
        .join("org.rapport.app");
    assert_eq!(default, expected);
}

#[test]
fn a_store_lives_happily_in_a_folder_with_spaces_and_accents_in_its_name() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("José Núñez").join("Mes données Rapport");
    {
        let store = Store::open(&dir).unwrap();
        store
            .add_person(rapport_core::network::people::PersonInput::named(
                "Zoë Ğündoğdu",
            ))
            .unwrap();
        let backup = store.backup_now().unwrap();
        assert!(backup.path.starts_with(&dir), "{backup:?}");
    }
    let store = Store::open(&dir).unwrap();
    let found = store.search_people("Zoe").unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_data_dir_flag_wins_over_the_environment_and_the_default() {
    let flag = Path::new("/tmp/from-flag");
    assert_eq!(paths::resolve_data_dir(Some(flag)).unwrap(), flag);
}

#[test]
fn a_store_whose_search_index_was_left_empty_is_indexed_again_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store
            .add_person(rapport_core::network::people::PersonInput::named(
                "Ada Lovelace",
            ))
            .unwrap();
    }
    // As after a crash between the upgrade that recreated the index and its refill.
    Connection::open(dir.path().join(rapport_core::store::paths::DATABASE_FILE))
        .unwrap()
        .execute("DELETE FROM search_index", [])
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.search_people("ada").unwrap().len(), 1);
}

#[test]
fn a_store_upgraded_from_version_6_lists_the_names_that_keep_the_accents_typed_first() {
    let dir = tempfile::tempdir().unwrap();
    {
        // As version 6 left it: one index, accents folded.
        let mut conn =
            Connection::open(dir.path().join(rapport_core::store::paths::DATABASE_FILE)).unwrap();
        rapport_core::store::migrations::migrate_to(&mut conn, 0, 6).unwrap();
        for (id, name) in [(1, "Jonas Müller"), (2, "Bo Murphy"), (3, "Li Murazik")] {
            conn.execute(
                "INSERT INTO person (id, display_name, uid, created_at, updated_at)
                 VALUES (?1, ?2, ?3, '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z')",
                rusqlite::params![id, name, format!("uid-{id}")],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO search_index (rowid, name, body) VALUES (?1, ?2, '')",
                rusqlite::params![id, name],
            )
            .unwrap();
        }
    }
    let store = Store::open(dir.path()).unwrap();
    let found: Vec<String> = store
        .search_people("mü")
        .unwrap()
        .into_iter()
        .map(|p| p.display_name)
        .collect();
    assert_eq!(found, ["Jonas Müller", "Bo Murphy", "Li Murazik"]);
}
