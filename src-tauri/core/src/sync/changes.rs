//! What sync changed on a person and the conflicts it kept, and whether their card was removed
//! elsewhere: what the person page shows.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::Result;
use crate::store::time::from_db;
use crate::store::Store;

/// What sync changed on a person, as the person page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncChange {
    pub account_id: i64,
    pub account: String,
    pub at: DateTime<Utc>,
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub conflict: bool,
}

impl Store {
    /// What sync changed on a person, newest first, and the conflicts it kept.
    pub fn sync_changes(&self, person_id: i64) -> Result<Vec<SyncChange>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT c.account_id, a.user_name || ' on ' || a.url, c.at, c.field, c.before,
                        c.after, c.conflict
                 FROM sync_change c JOIN sync_account a ON a.id = c.account_id
                 WHERE c.person_id = ?1 ORDER BY c.at DESC, c.id DESC LIMIT 50",
            )?;
            let rows = statement.query_map([person_id], |r| {
                Ok(SyncChange {
                    account_id: r.get(0)?,
                    account: r.get(1)?,
                    at: from_db(&r.get::<_, String>(2)?).unwrap_or_default(),
                    field: r.get(3)?,
                    before: r.get(4)?,
                    after: r.get(5)?,
                    conflict: r.get(6)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Whether the person's card was deleted on an account's server by another device.
    pub fn removed_from(&self, person_id: i64) -> Result<Vec<i64>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT account_id FROM sync_card
                 WHERE person_id = ?1 AND role = 'own' AND removed_at IS NOT NULL",
            )?;
            let rows = statement.query_map([person_id], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// The latest conflicts sync kept, across everyone, with whose they are.
    pub fn recent_sync_conflicts(&self, limit: usize) -> Result<Vec<(String, SyncChange)>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT p.display_name, c.account_id, a.user_name || ' on ' || a.url, c.at,
                        c.field, c.before, c.after, c.conflict
                 FROM sync_change c JOIN sync_account a ON a.id = c.account_id
                 JOIN person p ON p.id = c.person_id
                 WHERE c.conflict = 1 AND p.deleted_at IS NULL
                 ORDER BY c.at DESC, c.id DESC LIMIT ?1",
            )?;
            let rows = statement.query_map([limit as i64], |r| {
                Ok((
                    r.get(0)?,
                    SyncChange {
                        account_id: r.get(1)?,
                        account: r.get(2)?,
                        at: from_db(&r.get::<_, String>(3)?).unwrap_or_default(),
                        field: r.get(4)?,
                        before: r.get(5)?,
                        after: r.get(6)?,
                        conflict: r.get(7)?,
                    },
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}
