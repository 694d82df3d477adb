//! Opening the store: one SQLite file in the data directory, opened in one place with the
//! same pragmas every time, migrated once, and backed up before any migration touches it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::store::clock::Clock;
use crate::store::migrations::{self, LATEST_VERSION};
use crate::store::paths::{BACKUPS_DIR, DATABASE_FILE};

/// The contact store. One connection behind a mutex is the single writer; every operation is a
/// short transaction and no lock is held across anything slow.
pub struct Store {
    conn: Mutex<Connection>,
    data_dir: Option<PathBuf>,
    clock: Arc<dyn Clock>,
}

impl Store {
    /// Opens (creating if needed) the database in `data_dir` and brings it to this version's
    /// schema; `Store::open` then readies it for the rooms. Returns the schema version it had.
    pub(crate) fn connect(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<(Store, i64)> {
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
        Ok((store, previous_version))
    }

    /// A throwaway database, for tests.
    pub(crate) fn connect_in_memory(clock: Arc<dyn Clock>) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrations::migrate(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
            data_dir: None,
            clock,
        })
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    pub fn database_path(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|dir| dir.join(DATABASE_FILE))
    }

    /// The user's zone, from the clock (see [`crate::store::zone`]).
    pub fn zone(&self) -> crate::store::zone::Zone {
        self.clock.zone()
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

    /// Replaces the database with the (checked) backup at `source` and brings it to this
    /// version's schema; what the rooms derive from it is rebuilt above (`Store::restore_from`).
    pub(crate) fn replace_database_with(&self, source: &Path) -> Result<()> {
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
        crate::store::backups::restore_into(&mut conn, source)?;
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
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-written transaction (it rolls back
        // on drop), so the connection is still sound.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
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
