//! What is due: by a given time, what Today shows ahead, and everything pending.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::error::Result;
use crate::store::time::to_db;
use crate::store::Store;

use super::rows::{query, VISIBLE};
use super::{Followup, FollowupsAhead};

impl Store {
    /// Pending follow-ups due at or before `until`, overdue included, soonest first.
    pub fn followups_due_by(&self, until: DateTime<Utc>) -> Result<Vec<Followup>> {
        self.read(|conn| {
            query(
                conn,
                "f.state = 'pending' AND f.due_at <= ?1 ORDER BY f.due_at, f.id",
                [to_db(until)],
            )
        })
    }

    /// What Today shows: every pending follow-up due before `until` (the end of the user's day),
    /// and the first `later_limit` after it, with how many come later in all. A heavy user has
    /// thousands pending; sending them all to the window on every start cost half a second.
    pub fn followups_ahead(
        &self,
        until: DateTime<Utc>,
        later_limit: usize,
    ) -> Result<FollowupsAhead> {
        let until = to_db(until);
        self.read(|conn| {
            let due = query(
                conn,
                "f.state = 'pending' AND f.due_at < ?1 ORDER BY f.due_at, f.id",
                [&until],
            )?;
            let later = query(
                conn,
                "f.state = 'pending' AND f.due_at >= ?1 ORDER BY f.due_at, f.id LIMIT ?2",
                params![until, later_limit as i64],
            )?;
            let later_total: usize = conn.query_row(
                &format!(
                    "SELECT count(*) FROM followup f LEFT JOIN person p ON p.id = f.person_id
                     WHERE {VISIBLE} AND f.state = 'pending' AND f.due_at >= ?1"
                ),
                [&until],
                |r| r.get(0),
            )?;
            Ok(FollowupsAhead {
                due,
                later,
                later_total,
            })
        })
    }

    /// Every pending follow-up, soonest first.
    pub fn pending_followups(&self) -> Result<Vec<Followup>> {
        self.read(|conn| query(conn, "f.state = 'pending' ORDER BY f.due_at, f.id", []))
    }
}
