//! Backups: whole-store copies through SQLite's backup API, a daily copy kept for two weeks, and
//! restores that refuse anything that is not a sound Rapport store.

use std::path::Path;

use crate::common::*;
use rapport_core::network::people::PeopleFilter;
use rapport_core::store::backups::{daily_file_name, DAILY_BACKUPS_KEPT};
use rapport_core::Store;

fn names(store: &Store) -> Vec<String> {
    store
        .people(PeopleFilter::default())
        .unwrap()
        .into_iter()
        .map(|p| p.display_name)
        .collect()
}

fn file_store(dir: &Path) -> Store {
    Store::open_with_clock(dir, clock_at("2026-11-27T09:00:00Z")).unwrap()
}

#[test]
fn a_backup_restores_the_store_as_it_was_and_keeps_the_replaced_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    add(&store, "Ada Lovelace");
    let backup = store
        .backup_to(&dir.path().join("out/ada.sqlite3"))
        .unwrap();
    assert_eq!(backup.people, 1);
    assert!(backup.bytes > 0);
    add(&store, "Charles Babbage");
    let restored = store.restore_from(&backup.path).unwrap();
    assert_eq!(names(&store), ["Ada Lovelace"]);
    assert_eq!(restored.people, 1);
    assert!(
        store.search_people("ada").unwrap().len() == 1,
        "search follows the restore"
    );
    let undo = store.restore_from(&restored.previous_saved_to).unwrap();
    assert_eq!(undo.people, 2);
    assert_eq!(names(&store), ["Ada Lovelace", "Charles Babbage"]);
}

#[test]
fn restore_refuses_what_is_not_a_sound_rapport_store_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    add(&store, "Ada Lovelace");

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, just some words ".repeat(200)).unwrap();
    let foreign = dir.path().join("foreign.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = dir.path().join("newer.sqlite3");
    store.backup_to(&newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let corrupt = dir.path().join("corrupt.sqlite3");
    for i in 0..300 {
        add(
            &store,
            &format!("Filler {i} with a name long enough to fill pages"),
        );
    }
    store.backup_to(&corrupt).unwrap();
    let mut bytes = std::fs::read(&corrupt).unwrap();
    let page = 4096;
    for byte in &mut bytes[3 * page + 8..5 * page] {
        *byte = 0xA5;
    }
    std::fs::write(&corrupt, bytes).unwrap();

    let before = names(&store);
    for (file, code) in [
        (&text, "not_a_store"),
        (&foreign, "not_a_store"),
        (&newer, "schema_too_new"),
        (&corrupt, "not_a_store"),
        (&dir.path().join("missing.sqlite3"), "invalid_input"),
    ] {
        let error = store.restore_from(file).unwrap_err();
        assert_eq!(error.code(), code, "{}: {error}", file.display());
        assert_eq!(
            names(&store),
            before,
            "{} changed the store",
            file.display()
        );
    }
}

#[test]
fn one_daily_backup_a_day_and_only_the_last_fourteen_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(dir.path());
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let first_day = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    for offset in 0..20 {
        let day = first_day + chrono::Days::new(offset);
        std::fs::write(backups.join(daily_file_name(day)), b"old").unwrap();
    }
    std::fs::write(
        backups.join("pre-migration-v2-20260101T000000Z.sqlite3"),
        b"kept",
    )
    .unwrap();

    let made = store.daily_backup().unwrap().expect("today's backup");
    let today = at("2026-11-27T09:00:00Z")
        .with_timezone(&chrono::Local)
        .date_naive();
    assert!(made.path.ends_with(daily_file_name(today)));
    assert_eq!(store.daily_backup().unwrap(), None, "once a day");

    let mut daily: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("daily-"))
        .collect();
    daily.sort();
    assert_eq!(daily.len(), DAILY_BACKUPS_KEPT);
    assert_eq!(
        daily.last().unwrap(),
        made.path.file_name().unwrap().to_str().unwrap()
    );
    assert!(backups
        .join("pre-migration-v2-20260101T000000Z.sqlite3")
        .exists());
}

#[test]
fn backups_go_to_the_folder_the_user_chose_and_a_relative_or_unwritable_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(&dir.path().join("data"));
    let chosen = dir.path().join("elsewhere/Rapport backups");
    store.set_backup_dir(Some(&chosen)).unwrap();
    let made = store.daily_backup().unwrap().expect("today's backup");
    assert!(made.path.starts_with(&chosen), "{}", made.path.display());
    assert_eq!(store.backups().unwrap()[0].path, made.path);
    assert_eq!(
        store
            .set_backup_dir(Some(Path::new("relative/dir")))
            .unwrap_err()
            .field(),
        Some("backupDir")
    );
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    assert_eq!(
        store.set_backup_dir(Some(&file)).unwrap_err().field(),
        Some("backupDir")
    );
    store.set_backup_dir(None).unwrap();
    assert!(store
        .backups_dir()
        .unwrap()
        .starts_with(dir.path().join("data")));
}

#[test]
fn a_restore_keeps_this_computers_backup_folder_and_refuses_another_programs_database() {
    let dir = tempfile::tempdir().unwrap();
    let store = file_store(&dir.path().join("data"));
    add(&store, "Ada Lovelace");
    let chosen = dir.path().join("chosen");
    let backup = store
        .backup_to(&dir.path().join("before-choosing.sqlite3"))
        .unwrap();
    store.set_backup_dir(Some(&chosen)).unwrap();
    let restored = store.restore_from(&backup.path).unwrap();
    assert!(restored.previous_saved_to.starts_with(&chosen));
    assert_eq!(
        store.chosen_backup_dir().unwrap(),
        Some(chosen.clone()),
        "the choice survives"
    );

    // A database with a person table but another program's application id.
    let other = dir.path().join("other.sqlite3");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch(
        "CREATE TABLE person (id INTEGER PRIMARY KEY, is_me INTEGER); PRAGMA user_version = 4; PRAGMA application_id = 42;",
    )
    .unwrap();
    drop(conn);
    assert_eq!(
        store.restore_from(&other).unwrap_err().code(),
        "not_a_store"
    );
    // From the window, only backups Rapport named, in the backups folder.
    std::fs::copy(&backup.path, chosen.join("renamed.sqlite3")).unwrap();
    assert_eq!(
        store
            .restore_backup_named("renamed.sqlite3")
            .unwrap_err()
            .code(),
        "invalid_input"
    );
}
