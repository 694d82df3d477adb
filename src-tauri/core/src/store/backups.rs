//! Backups of the whole store through SQLite's online backup API (safe while the app and the
//! CLI are using it), a daily copy kept for two weeks, and restoring a copy after checking it
//! (the restore is finished in `open`, which rebuilds what the rooms derive from the data).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::migrations::{self, LATEST_VERSION};
use crate::store::paths::BACKUPS_DIR;
use crate::store::Store;

/// How many daily backups are kept; older ones are removed when a new one is made.
pub const DAILY_BACKUPS_KEPT: usize = 14;

const DAILY_PREFIX: &str = "daily-";
const EXTENSION: &str = "sqlite3";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub path: PathBuf,
    pub bytes: u64,
    pub people: i64,
}

/// What a backup file holds, checked before it may replace the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreInfo {
    pub restored_from: PathBuf,
    /// The copy of the store as it was just before the restore.
    pub previous_saved_to: PathBuf,
    pub schema_version: i64,
    pub people: i64,
}

/// A backup in the data folder's `backups/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub name: String,
    pub path: PathBuf,
    pub bytes: u64,
    pub modified: Option<DateTime<Utc>>,
}

/// `daily-2026-11-27.sqlite3`: sorting the names sorts the days.
pub fn daily_file_name(day: chrono::NaiveDate) -> String {
    format!("{DAILY_PREFIX}{}.{EXTENSION}", day.format("%Y-%m-%d"))
}

/// Opens `path` read-only and checks that it is a sound Rapport store this version can read.
fn check_backup(path: &Path) -> Result<(i64, i64)> {
    let not_a_store = |reason: String| Error::NotAStore {
        path: path.display().to_string(),
        reason,
    };
    if !path.is_file() {
        return Err(Error::invalid(
            "file",
            format!("There is no file {}.", path.display()),
        ));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not_a_store(e.to_string()))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| not_a_store(e.to_string()))?;
    if version > LATEST_VERSION {
        return Err(Error::SchemaTooNew {
            found: version,
            supported: LATEST_VERSION,
        });
    }
    let integrity: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(|e| not_a_store(e.to_string()))?;
    if integrity != "ok" {
        return Err(not_a_store(format!(
            "it fails SQLite's integrity check ({integrity})"
        )));
    }
    if version < 1 {
        return Err(not_a_store("it holds no Rapport schema".into()));
    }
    // From version 4 every Rapport store carries its application id; older ones have none.
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| not_a_store(e.to_string()))?;
    let marked = application_id == migrations::APPLICATION_ID;
    if !(marked || (version < 4 && application_id == 0)) {
        return Err(not_a_store("it is another program's database".into()));
    }
    let people: i64 = conn
        .query_row("SELECT count(*) FROM person WHERE is_me = 0", [], |r| {
            r.get(0)
        })
        .map_err(|_| not_a_store("it has no people table".into()))?;
    Ok((version, people))
}

/// `dir/stem.sqlite3`, or `dir/stem-2.sqlite3` and so on if taken: a backup never replaces
/// another (two restores in one second must not overwrite the copy being restored).
fn unused_path(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.{EXTENSION}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.{EXTENSION}")))
        .find(|path| !path.exists())
        .expect("some free name")
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

impl Store {
    /// Where backups go: the folder the user chose, or `backups/` in the data folder. (Copies
    /// made before a migration always stay in the data folder: they are made before the store,
    /// and its settings, can be read.)
    pub fn backups_dir(&self) -> Result<PathBuf> {
        let default = self
            .data_dir()
            .ok_or_else(|| Error::invalid("backup", "This store has no data folder."))?
            .join(BACKUPS_DIR);
        let dir = self.chosen_backup_dir()?.unwrap_or(default);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
        Ok(dir)
    }

    /// Copies the whole store to `target`, written under a temporary name and then renamed, so
    /// `target` is never a half-written file.
    pub fn backup_to(&self, target: &Path) -> Result<BackupInfo> {
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io(format!("cannot create {}", parent.display()), e))?;
        }
        let partial = target.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let copy = |conn: &Connection| -> Result<i64> {
            // One step: one read transaction, so the copy is one state of the store, and writes
            // by the app meanwhile cannot make it start over.
            let mut target = Connection::open(&partial)?;
            match rusqlite::backup::Backup::new(conn, &mut target)?.step(-1)? {
                rusqlite::backup::StepResult::Done => {}
                other => {
                    return Err(Error::invalid(
                        "backup",
                        format!("the store was busy; the backup did not finish ({other:?})"),
                    ))
                }
            }
            drop(target);
            // The copy is marked as Rapport's whatever the source's header said: a store whose
            // mark still sat in its write-ahead log was copied without it.
            Connection::open(&partial)?.pragma_update(
                None,
                "application_id",
                migrations::APPLICATION_ID,
            )?;
            Ok(
                conn.query_row("SELECT count(*) FROM person WHERE is_me = 0", [], |r| {
                    r.get(0)
                })?,
            )
        };
        // From a connection of its own: copying a large store takes a while (a quarter of a
        // second at 30,000 people), and the window's commands must not wait behind it. In WAL
        // mode the app goes on writing while this reader copies.
        let people = match self.database_path() {
            Some(path) => Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|source| {
                    source.busy_timeout(std::time::Duration::from_secs(5))?;
                    Ok(source)
                })
                .map_err(Into::into)
                .and_then(|source| copy(&source)),
            None => self.read(copy),
        };
        let people = people.inspect_err(|_| {
            let _ = std::fs::remove_file(&partial);
        })?;
        std::fs::rename(&partial, target)
            .map_err(|e| Error::io(format!("cannot write {}", target.display()), e))?;
        tracing::info!(path = %target.display(), "backed up the store");
        Ok(BackupInfo {
            path: target.to_path_buf(),
            bytes: file_size(target),
            people,
        })
    }

    /// A backup into the data folder's `backups/`, named by the time.
    pub fn backup_now(&self) -> Result<BackupInfo> {
        let dir = self.backups_dir()?;
        let stem = format!("manual-{}", self.now().format("%Y%m%dT%H%M%SZ"));
        self.backup_to(&unused_path(&dir, &stem))
    }

    /// Makes today's backup if there is none yet and keeps the last [`DAILY_BACKUPS_KEPT`].
    /// Cheap when today's exists, so the app calls it on every pass of its loop.
    pub fn daily_backup(&self) -> Result<Option<BackupInfo>> {
        if self.data_dir().is_none() {
            return Ok(None);
        }
        let dir = self.backups_dir()?;
        let today = self.now().with_timezone(&Local).date_naive();
        let target = dir.join(daily_file_name(today));
        if target.exists() {
            return Ok(None);
        }
        let info = self.backup_to(&target)?;
        let mut daily: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| Error::io(format!("cannot list {}", dir.display()), e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                path.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(DAILY_PREFIX) && n.ends_with(EXTENSION))
            })
            .collect();
        daily.sort();
        let excess = daily.len().saturating_sub(DAILY_BACKUPS_KEPT);
        for old in &daily[..excess] {
            std::fs::remove_file(old)
                .map_err(|e| Error::io(format!("cannot remove {}", old.display()), e))?;
        }
        Ok(Some(info))
    }

    /// The backups in the data folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupFile>> {
        let dir = self.backups_dir()?;
        let mut files: Vec<BackupFile> = std::fs::read_dir(&dir)
            .map_err(|e| Error::io(format!("cannot list {}", dir.display()), e))?
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.path().extension().is_some_and(|e| e == EXTENSION))
            .map(|entry| {
                let metadata = entry.metadata().ok();
                BackupFile {
                    name: entry.file_name().to_string_lossy().into_owned(),
                    path: entry.path(),
                    bytes: metadata.as_ref().map_or(0, |m| m.len()),
                    modified: metadata
                        .and_then(|m| m.modified().ok())
                        .map(DateTime::<Utc>::from),
                }
            })
            .collect();
        files.sort_by(|a, b| {
            b.modified
                .cmp(&a.modified)
                .then_with(|| b.name.cmp(&a.name))
        });
        Ok(files)
    }

    /// The backup called `name` in the data folder's `backups/`; a name that is not a plain file
    /// name there is refused.
    pub(crate) fn backup_named(&self, name: &str) -> Result<PathBuf> {
        // Only a copy Rapport made, by its name, in the backups folder.
        let plain = Path::new(name).file_name().is_some_and(|n| n == name);
        let ours = ["daily-", "manual-", "pre-restore-", "pre-migration-"]
            .iter()
            .any(|prefix| name.starts_with(prefix))
            && name.ends_with(&format!(".{EXTENSION}"));
        if !(plain && ours) {
            return Err(Error::invalid(
                "backup",
                format!("“{name}” is not a backup's name."),
            ));
        }
        Ok(self.backups_dir()?.join(name))
    }

    /// Replaces the whole database with the backup at `source`, after checking that it is a sound
    /// Rapport store. The store as it was is first saved into `backups/`, so a restore can be
    /// undone by restoring that copy. An older backup is brought up to this version's schema.
    /// What the rooms derive from the data is made again above (`Store::restore_from`).
    pub(crate) fn replace_from_backup(&self, source: &Path) -> Result<RestoreInfo> {
        let (version, people) = check_backup(source)?;
        let dir = self.backups_dir()?;
        let now: DateTime<Utc> = self.now();
        let stem = format!("pre-restore-{}", now.format("%Y%m%dT%H%M%SZ"));
        let previous = self.backup_to(&unused_path(&dir, &stem))?;
        self.replace_database_with(source)?;
        Ok(RestoreInfo {
            restored_from: source.to_path_buf(),
            previous_saved_to: previous.path,
            schema_version: version,
            people,
        })
    }
}

/// The part of a restore that needs the connection itself.
pub(crate) fn restore_into(conn: &mut Connection, source: &Path) -> Result<()> {
    conn.restore(
        rusqlite::MAIN_DB,
        source,
        None::<fn(rusqlite::backup::Progress)>,
    )?;
    migrations::migrate(conn)?;
    Ok(())
}
