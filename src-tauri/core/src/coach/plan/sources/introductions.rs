//! Warm introductions towards the user's target organizations: who to ask.

use rusqlite::Connection;

use super::{candidate, person, READ_AT_MOST};
use crate::coach::plan::ranking::Candidate;
use crate::coach::plan::PlanKind;
use crate::error::Result;
use crate::network::strength;

/// Someone you know well who is tied to a person at a target organization you have not been in
/// touch with: ask for the introduction.
pub(crate) fn warm_introductions(conn: &Connection) -> Result<Vec<Candidate>> {
    // A direct tie between a warm contact (strength 3 or more, set or from the circle) and
    // someone currently at a target organization the user has never been in touch with.
    // From the few target organizations outwards (CROSS JOIN keeps SQLite to that order: from
    // the links' side it read every link, a second at 30,000 people), then each side of a link
    // through its own index.
    let mut statement = conn.prepare_cached(
        "WITH targets AS (
             SELECT t.id, t.display_name, o.name AS organization FROM organization o
             CROSS JOIN role r ON r.organization_id = o.id AND r.ended_on IS NULL
             CROSS JOIN person t ON t.id = r.person_id
             WHERE o.is_target = 1 AND t.is_me = 0 AND t.deleted_at IS NULL
               AND r.id = (SELECT max(id) FROM role WHERE person_id = t.id AND ended_on IS NULL)
               AND NOT EXISTS (SELECT 1 FROM last_contact lc WHERE lc.person_id = t.id)),
         ties AS (
             SELECT targets.*, l.to_person_id AS via FROM targets JOIN link l ON l.from_person_id = targets.id
             UNION ALL
             SELECT targets.*, l.from_person_id AS via FROM targets JOIN link l ON l.to_person_id = targets.id)
         SELECT via.id, via.display_name, via.strength, vc.name, ties.id, ties.display_name, ties.organization
         FROM ties JOIN person via ON via.id = ties.via
         LEFT JOIN circle vc ON vc.id = via.circle_id
         WHERE via.is_me = 0 AND via.deleted_at IS NULL AND via.archived_at IS NULL
         ORDER BY ties.organization, ties.display_name LIMIT ?1",
    )?;
    let rows = statement
        .query_map([READ_AT_MOST], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<u8>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(via, via_name, set, circle, target, target_name, organization)| {
                let strength = set.unwrap_or_else(|| strength::circle_base(circle.as_deref()));
                (strength >= 3).then(|| {
                    let why = format!(
                        "Ask {via_name} to introduce you to {target_name} at {organization}"
                    );
                    let mut c = candidate(
                        PlanKind::WarmIntro,
                        format!("person:{target}:intro"),
                        person(via, via_name),
                        why,
                    );
                    c.strength = strength;
                    c
                })
            },
        )
        .collect())
}
