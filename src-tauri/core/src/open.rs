//! Opening a store whole. The floor (`store`) opens the SQLite file and migrates it; this adds
//! what the rooms above need every time a store opens or a backup replaces it: a search index
//! that is filled, the user's own person row, the bin emptied of people past their undo, and a
//! reminder ahead for every birthday.

use std::path::Path;
use std::sync::Arc;

use crate::error::Result;
use crate::followups::birthdays;
use crate::network::{people, search};
use crate::store::backups::RestoreInfo;
use crate::store::clock::{Clock, SystemClock};
use crate::store::migrations::{self, LATEST_VERSION};
use crate::store::Store;

impl Store {
    /// Opens (creating if needed) the store in `data_dir` with the system clock.
    pub fn open(data_dir: &Path) -> Result<Store> {
        Store::open_with_clock(data_dir, Arc::new(SystemClock))
    }

    pub fn open_with_clock(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        let (store, previous_version) = Store::connect(data_dir, clock)?;
        store.settle(previous_version)?;
        Ok(store)
    }

    /// A throwaway store for tests.
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Store> {
        let store = Store::connect_in_memory(clock)?;
        store.settle(0)?;
        Ok(store)
    }

    /// Restores the backup called `name` in the data folder's `backups/`; a name that is not a
    /// plain file name there is refused.
    pub fn restore_backup_named(&self, name: &str) -> Result<RestoreInfo> {
        self.restore_from(&self.backup_named(name)?)
    }

    /// Replaces the whole store with the backup at `source`, after checking that it is a sound
    /// Rapport store. The store as it was is first saved into `backups/`, so a restore can be
    /// undone by restoring that copy. An older backup is brought up to this version's schema.
    pub fn restore_from(&self, source: &Path) -> Result<RestoreInfo> {
        let restored = self.replace_from_backup(source)?;
        self.write(|tx| search::rebuild(tx))?;
        self.settle(LATEST_VERSION)?;
        tracing::info!(from = %source.display(), "restored the store");
        Ok(restored)
    }

    fn settle(&self, previous_version: i64) -> Result<()> {
        let (now, zone) = (self.now(), self.zone());
        self.write(|tx| {
            // After an upgrade that recreated the index, and also when it is empty while people
            // exist: a crash between that upgrade and this refill must not leave search empty.
            if (1..migrations::SEARCH_INDEX_VERSION).contains(&previous_version)
                || search::is_missing(tx)?
            {
                search::rebuild(tx)?;
            }
            people::ensure_me(tx, now)?;
            people::purge_deleted(tx, now)?;
            birthdays::arm_all(tx, now, &zone)?;
            Ok(())
        })
    }
}
