//! Opening the store: one SQLite file in the data directory, opened in one place with the
//! same pragmas every time, migrated once, and backed up before any migration touches it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use crate::migrations::{self, LATEST_VERSION};
use crate::paths::{BACKUPS_DIR, DATABASE_FILE};
use crate::search;
use crate::time::to_db;

/// Deleted people stay restorable (undo) for this long, then the next start purges them.
const UNDO_WINDOW: Duration = Duration::hours(1);

/// The contact store. One connection behind a mutex is the single writer; every operation is a
/// short transaction and no lock is held across anything slow.
pub struct Store {
    conn: Mutex<Connection>,
    data_dir: Option<PathBuf>,
    clock: Arc<dyn Clock>,
}

impl Store {
    /// Opens (creating if needed) the store in `data_dir` with the system clock.
    pub fn open(data_dir: &Path) -> Result<Store> {
        Store::open_with_clock(data_dir, Arc::new(SystemClock))
    }

    pub fn open_with_clock(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|e| {
            Error::io(
                format!("cannot create the data folder {}", data_dir.display()),
                e,
            )
        })?;
        let path = data_dir.join(DATABASE_FILE);
        if path.exists() {
            prepare_existing(&path, data_dir, clock.now())?;
        }
        let mut conn = Connection::open(&path)?;
        configure(&conn)?;
        let previous_version = migrations::migrate(&mut conn)?;
        let store = Store {
            conn: Mutex::new(conn),
            data_dir: Some(data_dir.to_path_buf()),
            clock,
        };
        store.after_open(previous_version)?;
        Ok(store)
    }

    /// A throwaway store for tests.
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrations::migrate(&mut conn)?;
        let store = Store {
            conn: Mutex::new(conn),
            data_dir: None,
            clock,
        };
        store.after_open(0)?;
        Ok(store)
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    pub fn database_path(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|dir| dir.join(DATABASE_FILE))
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Changes whenever another connection (another process, such as the CLI) commits.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .lock()
            .pragma_query_value(None, "data_version", |row| row.get(0))?)
    }

    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        f(&self.lock())
    }

    /// Runs `f` in an immediate transaction: all of it is written, or none of it.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` in a transaction that is always rolled back: a preview of a write.
    pub(crate) fn rolled_back<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.rollback()?;
        Ok(value)
    }

    /// Replaces the database with the (checked) backup at `source`, then brings it to this
    /// version's schema and rebuilds what is derived from it.
    pub(crate) fn replace_with(&self, source: &Path) -> Result<()> {
        {
            let mut conn = self.lock();
            // Settings of this computer (where backups go, whether the login question was
            // asked) are not part of the data being restored.
            let kept: Vec<(String, String)> = {
                let mut statement = conn.prepare(
                    "SELECT key, value FROM setting WHERE key IN ('backup_dir', 'autostart_asked')",
                )?;
                let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            crate::backups::restore_into(&mut conn, source)?;
            conn.execute(
                "DELETE FROM setting WHERE key IN ('backup_dir', 'autostart_asked')",
                [],
            )?;
            for (key, value) in kept {
                conn.execute(
                    "INSERT INTO setting (key, value) VALUES (?1, ?2)",
                    rusqlite::params![key, value],
                )?;
            }
        }
        self.write(|tx| search::rebuild(tx))?;
        self.after_open(LATEST_VERSION)
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-written transaction (it rolls back
        // on drop), so the connection is still sound.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn after_open(&self, previous_version: i64) -> Result<()> {
        let now = self.now();
        self.write(|tx| {
            // After an upgrade that recreated the index, and also when it is empty while people
            // exist: a crash between that upgrade and this refill must not leave search empty.
            if (1..migrations::SEARCH_INDEX_VERSION).contains(&previous_version)
                || search::is_missing(tx)?
            {
                search::rebuild(tx)?;
            }
            let me: Option<i64> = tx
                .query_row("SELECT id FROM person WHERE is_me = 1", [], |r| r.get(0))
                .map(Some)
                .or_else(|e| {
                    if e == rusqlite::Error::QueryReturnedNoRows {
                        Ok(None)
                    } else {
                        Err(e)
                    }
                })?;
            if me.is_none() {
                // The user is a person too: the root of every warm path in the graph.
                tx.execute(
                    "INSERT INTO person (display_name, is_me, uid, created_at, updated_at)
                     VALUES ('Me', 1, ?1, ?2, ?2)",
                    [crate::people::new_uid(), to_db(now)],
                )?;
            }
            tx.execute(
                "DELETE FROM search_index WHERE rowid IN
                     (SELECT id FROM person WHERE deleted_at IS NOT NULL AND deleted_at < ?1)",
                [to_db(now - UNDO_WINDOW)],
            )?;
            tx.execute(
                "DELETE FROM person WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
                [to_db(now - UNDO_WINDOW)],
            )?;
            Ok(())
        })
    }
}

/// Checks an existing file before anything writes to it: opened read-only, so that a file from a
/// newer Rapport, or one that is not a database, stays byte-for-byte as it was. A file that needs
/// migrating is first copied into `backups/` with SQLite's online backup API.
fn prepare_existing(path: &Path, data_dir: &Path, now: DateTime<Utc>) -> Result<()> {
    let not_a_store = |reason: String| Error::NotAStore {
        path: path.display().to_string(),
        reason,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_a_store(e.to_string()))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| not_a_store(e.to_string()))?;
    if version > LATEST_VERSION {
        return Err(Error::SchemaTooNew {
            found: version,
            supported: LATEST_VERSION,
        });
    }
    if version == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(not_a_store(
                "it holds tables but no Rapport schema version".into(),
            ));
        }
    }
    if version > 0 && version < LATEST_VERSION {
        let backups = data_dir.join(BACKUPS_DIR);
        std::fs::create_dir_all(&backups)
            .map_err(|e| Error::io(format!("cannot create {}", backups.display()), e))?;
        let target = backups.join(format!(
            "pre-migration-v{version}-{}.sqlite3",
            now.format("%Y%m%dT%H%M%SZ")
        ));
        conn.backup(rusqlite::MAIN_DB, &target, None)?;
        tracing::info!(from = version, to = LATEST_VERSION, backup = %target.display(), "backed up before migrating");
    }
    Ok(())
}

fn configure(conn: &Connection) -> Result<()> {
    // An in-memory database answers "memory"; a file answers "wal".
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Every frequent statement stays prepared: an import runs a few dozen per contact, and
    // preparing them again took a third of its time.
    conn.set_prepared_statement_cache_capacity(128);
    Ok(())
}
