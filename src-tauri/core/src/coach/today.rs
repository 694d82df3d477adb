//! What the Today screen shows beside due follow-ups: meetings coming up, people going cold,
//! and how far the natural-network brainstorm has come.

use chrono::{DateTime, Duration, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::guide::meetings::Meeting;
use crate::network::people::PersonRef;
use crate::network::strength::CADENCE_SQL;
use crate::store::time::{from_db, to_db};
use crate::store::Store;

/// The guide: "Shoot for 50-100 names".
pub const NETWORK_GOAL: (i64, i64) = (50, 100);

/// How far ahead Today looks for meetings, and for contacts about to go cold.
pub const LOOK_AHEAD: Duration = Duration::days(14);
const COLD_SOON: Duration = Duration::days(7);
/// Today lists this many contacts going cold (a heavy user can have thousands) and counts the rest.
pub const GOING_COLD_SHOWN: usize = 25;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ColdContact {
    pub person: PersonRef,
    pub last_contact: DateTime<Utc>,
    pub cadence_days: i64,
    /// Whole days since the last interaction.
    pub days_since: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TodayOverview {
    pub upcoming_meetings: Vec<Meeting>,
    /// The most overdue first (by their own cadence), at most [`GOING_COLD_SHOWN`].
    pub going_cold: Vec<ColdContact>,
    /// How many are going cold in all.
    pub going_cold_total: usize,
    pub network_size: i64,
    pub network_goal_min: i64,
    pub network_goal_max: i64,
}

impl Store {
    pub fn today_overview(&self) -> Result<TodayOverview> {
        let now = self.now();
        let (upcoming_ids, (cold_rows, going_cold_total), network_size) = self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT m.id FROM meeting m JOIN person p ON p.id = m.person_id
                 WHERE p.deleted_at IS NULL AND m.state IN ('requested', 'scheduled')
                   AND m.scheduled_at IS NOT NULL AND m.scheduled_at >= ?1 AND m.scheduled_at <= ?2
                 ORDER BY m.scheduled_at",
            )?;
            let upcoming = statement
                .query_map([to_db(now - Duration::hours(1)), to_db(now + LOOK_AHEAD)], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            // Contacts whose keep-in-touch is due, or is about to be: the most overdue first,
            // read in the order of the index of due dates (which holds only people who can be
            // suggested, so the index alone counts them).
            let cold_soon = to_db(now + COLD_SOON);
            let mut statement = conn.prepare_cached(&format!(
                "SELECT p.id, p.display_name, last.at, {CADENCE_SQL} AS cadence
                 FROM keep_in_touch_due due JOIN person p ON p.id = due.person_id
                 JOIN last_contact last ON last.person_id = due.person_id
                 LEFT JOIN circle c ON c.id = p.circle_id
                 WHERE due.due <= julianday(?1)
                 ORDER BY due.due, due.person_id LIMIT ?2"
            ))?;
            let cold = statement
                .query_map(params![cold_soon, GOING_COLD_SHOWN as i64], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let cold_total: i64 = conn
                .prepare_cached("SELECT count(*) FROM keep_in_touch_due WHERE due <= julianday(?1)")?
                .query_row([cold_soon], |r| r.get(0))?;
            let size: i64 = conn.query_row(
                "SELECT count(*) FROM person WHERE is_me = 0 AND deleted_at IS NULL AND archived_at IS NULL",
                [],
                |r| r.get(0),
            )?;
            Ok((upcoming, (cold, cold_total), size))
        })?;
        let upcoming_meetings = upcoming_ids
            .into_iter()
            .map(|id| self.meeting(id))
            .collect::<Result<Vec<_>>>()?;
        let mut going_cold = Vec::new();
        for (id, display_name, last, cadence_days) in cold_rows {
            let last_contact = from_db(&last)?;
            going_cold.push(ColdContact {
                person: PersonRef { id, display_name },
                last_contact,
                cadence_days,
                days_since: (now - last_contact).num_days(),
            });
        }
        Ok(TodayOverview {
            upcoming_meetings,
            going_cold,
            going_cold_total: going_cold_total as usize,
            network_size,
            network_goal_min: NETWORK_GOAL.0,
            network_goal_max: NETWORK_GOAL.1,
        })
    }
}
