//! The plan's interviews: those coming up whose preparation is not done, and those held
//! without a reflection written.

use chrono::Duration;
use rusqlite::{params, Connection};

use super::{candidate, person, Now, READ_AT_MOST};
use crate::coach::plan::ranking::Candidate;
use crate::coach::plan::PlanKind;
use crate::error::Result;
use crate::guide::meetings::PREP_STEPS;
use crate::store::columns::time_at;
use crate::store::time::to_db;

const STEPS: i64 = PREP_STEPS.len() as i64;

/// Interviews in the next two weeks whose seven preparation steps are not all done.
pub(crate) fn interviews_to_prepare(conn: &Connection, now: &Now) -> Result<Vec<Candidate>> {
    let mut statement = conn.prepare_cached(
        "SELECT m.id, m.scheduled_at, p.id, p.display_name,
                (SELECT count(*) FROM meeting_prep s WHERE s.meeting_id = m.id AND s.done = 1)
         FROM meeting m JOIN person p ON p.id = m.person_id
         WHERE p.deleted_at IS NULL AND m.state IN ('idea', 'preparing', 'requested', 'scheduled')
           AND m.scheduled_at IS NOT NULL AND m.scheduled_at >= ?1 AND m.scheduled_at < ?2
         ORDER BY m.scheduled_at LIMIT ?3",
    )?;
    let rows = statement
        .query_map(
            params![
                to_db(now.at),
                to_db(now.at + Duration::days(14)),
                READ_AT_MOST
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    time_at(r, 1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter(|row| row.4 < STEPS)
        .map(|(meeting, at, id, name, done)| {
            let why = format!(
                "Prepare for your interview with {name} on {}: {} of {STEPS} steps left",
                now.day(at),
                STEPS - done
            );
            let mut c = candidate(
                PlanKind::PrepareInterview,
                format!("meeting:{meeting}:prepare"),
                person(id, name),
                why,
            );
            c.meeting_id = Some(meeting);
            c.due_at = Some(at);
            c
        })
        .collect())
}

/// Interviews held in the last 30 days with nothing written under what you learned.
pub(crate) fn interviews_to_reflect_on(conn: &Connection, now: &Now) -> Result<Vec<Candidate>> {
    let mut statement = conn.prepare_cached(
        "SELECT m.id, p.id, p.display_name,
                (SELECT max(e.at) FROM meeting_event e WHERE e.meeting_id = m.id AND e.state = 'held') AS held
         FROM meeting m JOIN person p ON p.id = m.person_id
         WHERE p.deleted_at IS NULL AND m.state IN ('held', 'thanked', 'followed_up')
           AND trim(m.learned) = '' AND held >= ?1
         ORDER BY held DESC LIMIT ?2",
    )?;
    let rows = statement
        .query_map(
            params![to_db(now.at - Duration::days(30)), READ_AT_MOST],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    time_at(r, 3)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|(meeting, id, name, held)| {
            let why = format!(
                "Write down what you learned from {name} on {} while it is fresh",
                now.date(held)
            );
            let mut c = candidate(
                PlanKind::Reflect,
                format!("meeting:{meeting}:reflect"),
                person(id, name),
                why,
            );
            c.meeting_id = Some(meeting);
            c
        })
        .collect())
}
