//! Where the plan's candidates come from, each read with its reason in words. Every source is
//! bounded (a heavy user has 30,000 people): it reads the few that could make the plan. The
//! interviews to prepare and reflect on are in `interviews`, warm introductions in
//! `introductions`.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};

use super::ranking::Candidate;
use super::PlanKind;
use crate::coach::period::Span;
use crate::error::Result;
use crate::followups::birthdays::MOST_DAYS_BEFORE;
use crate::network::birthdays;
use crate::network::people::PersonRef;
use crate::network::strength;
use crate::store::columns::time_at;
use crate::store::time::{from_db, to_db};
use crate::store::zone::Zone;

mod interviews;
mod introductions;

pub(super) use interviews::{interviews_to_prepare, interviews_to_reflect_on};
pub(super) use introductions::warm_introductions;

/// What the sources need to know: the time, the week, and the zone dates are said in.
pub(super) struct Now {
    pub(super) at: DateTime<Utc>,
    pub(super) week: Span,
    pub(super) zone: Zone,
}

impl Now {
    /// "Friday 4 December".
    fn day(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.zone).format("%A %-d %B").to_string()
    }

    /// "3 March".
    fn date(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.zone).format("%-d %B").to_string()
    }
}

/// The circles of the guide's natural network: people you know already, not people met online,
/// at events or imported from LinkedIn.
pub const NATURAL_CIRCLES: [&str; 8] = [
    "Family",
    "Friends",
    "Classmates",
    "Professors & advisors",
    "Coworkers",
    "Supervisors",
    "Community",
    "Student organizations",
];

/// Candidates read from each source at most (ranking keeps a few).
const READ_AT_MOST: i64 = 60;

fn person(id: i64, display_name: String) -> Option<PersonRef> {
    Some(PersonRef { id, display_name })
}

fn candidate(kind: PlanKind, subject: String, person: Option<PersonRef>, why: String) -> Candidate {
    Candidate {
        kind,
        subject,
        person,
        followup_id: None,
        meeting_id: None,
        why,
        due_at: None,
        strength: 0,
        days_late: 0,
        carried: false,
    }
}

/// Follow-ups due by the end of the week (overdue ones too), but keep-in-touch nudges, which
/// are "going cold", and birthdays, which have their own kind.
pub(super) fn follow_ups(conn: &Connection, now: &Now) -> Result<Vec<Candidate>> {
    let mut statement = conn.prepare_cached(
        "SELECT f.id, f.title, f.due_at, p.id, p.display_name FROM followup f
         LEFT JOIN person p ON p.id = f.person_id
         WHERE f.state = 'pending' AND f.due_at < ?1 AND f.kind NOT IN ('keep_in_touch', 'birthday')
           AND (f.person_id IS NULL OR p.deleted_at IS NULL)
         ORDER BY f.due_at LIMIT ?2",
    )?;
    let rows = statement
        .query_map(params![to_db(now.week.end), READ_AT_MOST], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                time_at(r, 2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|(id, title, due, person_id, name)| {
            let when = if due < now.at {
                format!("overdue since {}", now.day(due))
            } else {
                format!("due {}", now.day(due))
            };
            let mut c = candidate(
                PlanKind::FollowUp,
                format!("followup:{id}"),
                person_id.zip(name).and_then(|(id, name)| person(id, name)),
                format!("{title} — {when}"),
            );
            c.followup_id = Some(id);
            c.due_at = Some(due);
            c
        })
        .collect())
}

/// Birthdays in the next 7 days, from their pending reminders.
pub(super) fn birthdays(conn: &Connection, now: &Now) -> Result<Vec<Candidate>> {
    let today = now.at.with_timezone(&now.zone).date_naive();
    let mut statement = conn.prepare_cached(&format!(
        "SELECT f.id, f.due_at, p.id, p.display_name, p.birthday,
                (SELECT name FROM circle WHERE id = p.circle_id), p.strength, {interactions}
         FROM followup f JOIN person p ON p.id = f.person_id
         WHERE f.kind = 'birthday' AND f.state = 'pending' AND p.deleted_at IS NULL
           AND p.birthday IS NOT NULL AND f.due_at >= ?1 AND f.due_at < ?2
         ORDER BY f.due_at LIMIT ?3",
        interactions = strength::INTERACTION_COUNT
    ))?;
    let rows = statement
        .query_map(
            // The reminder can come up to a month before the day: the day itself is checked below.
            params![
                to_db(now.at - Duration::days(1 + i64::from(MOST_DAYS_BEFORE))),
                to_db(now.at + Duration::days(8)),
                READ_AT_MOST
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    time_at(r, 1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<u8>>(6)?,
                    r.get::<_, i64>(7)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut found = Vec::new();
    for (followup_id, due, id, name, birthday, circle, set, interactions) in rows {
        let Some(day) = birthdays::next_on_or_after(&birthday, today - Duration::days(1)) else {
            continue;
        };
        if day > today + Duration::days(7) {
            continue;
        }
        let when = match (day - today).num_days() {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            -1 => "yesterday".to_string(),
            _ => format!("on {}", day.format("%A %-d %B")),
        };
        let first = name.split_whitespace().next().unwrap_or(&name).to_string();
        let why = format!("{first}'s birthday is {when}: a short note keeps you in touch");
        let mut c = candidate(
            PlanKind::Birthday,
            format!("followup:{followup_id}"),
            person(id, name),
            why,
        );
        c.followup_id = Some(followup_id);
        c.due_at = Some(due);
        c.strength = set.unwrap_or_else(|| strength::default_for(circle.as_deref(), interactions));
        found.push(c);
    }
    Ok(found)
}

/// Referrals gathered (AIR) whose person you have not been in touch with since, dated by the
/// meeting they came from.
pub(super) fn referrals(conn: &Connection, now: &Now) -> Result<Vec<Candidate>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT a.id, coalesce((SELECT max(e.at) FROM meeting_event e WHERE e.meeting_id = a.meeting_id
                                AND e.state = 'held'), a.created_at), a.text, r.id, r.display_name, c.name, r.strength, {interactions},
                coalesce(m.person_id, (SELECT ip.person_id FROM interaction_participant ip
                                       WHERE ip.interaction_id = a.interaction_id LIMIT 1)),
                (SELECT display_name FROM person WHERE id = coalesce(m.person_id,
                    (SELECT ip.person_id FROM interaction_participant ip
                     WHERE ip.interaction_id = a.interaction_id LIMIT 1)))
         FROM air a JOIN person r ON r.id = a.referred_person_id
         LEFT JOIN circle c ON c.id = r.circle_id
         LEFT JOIN meeting m ON m.id = a.meeting_id
         LEFT JOIN last_contact lc ON lc.person_id = r.id
         WHERE a.kind = 'referral' AND a.closed_at IS NULL
           AND r.deleted_at IS NULL AND r.archived_at IS NULL AND r.is_me = 0
           AND (lc.at IS NULL OR lc.at < a.created_at)
         ORDER BY a.created_at DESC LIMIT ?1",
        interactions = strength::INTERACTION_COUNT.replace("p.id", "r.id")
    ))?;
    let rows = statement
        .query_map([READ_AT_MOST], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                time_at(r, 1)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<u8>>(6)?,
                r.get::<_, i64>(7)?,
                r.get::<_, Option<String>>(9)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|(air, at, id, name, circle, set, interactions, referrer)| {
            let why = match referrer {
                Some(referrer) => format!(
                    "Reach out to {name} — {referrer} referred you on {}",
                    now.date(at)
                ),
                None => format!(
                    "Reach out to {name} — a referral you noted on {}",
                    now.date(at)
                ),
            };
            let mut c = candidate(
                PlanKind::Referral,
                format!("air:{air}"),
                person(id, name),
                why,
            );
            c.strength =
                set.unwrap_or_else(|| strength::default_for(circle.as_deref(), interactions));
            c
        })
        .collect())
}

/// People of the natural network with no interaction logged yet: they have not heard what you
/// are exploring. Family first, as the circles are ordered.
pub(super) fn natural_network_not_told(conn: &Connection) -> Result<Vec<Candidate>> {
    let circles = NATURAL_CIRCLES
        .map(|c| format!("'{}'", c.replace('\'', "''")))
        .join(", ");
    let mut statement = conn.prepare_cached(&format!(
        // Who was never contacted is found in the circles' index and the last contacts alone;
        // only they are read in full (a heavy user has contacted nearly everyone: reading all
        // 20,000 people of these circles took 30 ms).
        "WITH untold AS (
             SELECT p.id FROM circle c CROSS JOIN person p ON p.circle_id = c.id
             WHERE c.builtin = 1 AND c.name IN ({circles})
               AND NOT EXISTS (SELECT 1 FROM last_contact lc WHERE lc.person_id = p.id))
         SELECT p.id, p.display_name, c.name, p.strength
         FROM untold CROSS JOIN person p ON p.id = untold.id JOIN circle c ON c.id = p.circle_id
         WHERE p.is_me = 0 AND p.deleted_at IS NULL AND p.archived_at IS NULL
         ORDER BY c.position, p.created_at, p.id LIMIT ?1"
    ))?;
    let rows = statement
        .query_map([READ_AT_MOST], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<u8>>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|(id, name, circle, set)| {
            let why = format!(
                "Tell {name} what you're exploring — {} and not yet told",
                circle_phrase(&circle)
            );
            let mut c = candidate(
                PlanKind::TellNaturalNetwork,
                format!("person:{id}:tell"),
                person(id, name),
                why,
            );
            c.strength = set.unwrap_or_else(|| strength::default_for(Some(&circle), 0));
            c
        })
        .collect())
}

/// "family", "a friend", "a professor or advisor"... for a reason's words.
fn circle_phrase(circle: &str) -> String {
    match circle {
        "Family" => "family".to_string(),
        "Friends" => "a friend".to_string(),
        "Classmates" => "a classmate".to_string(),
        "Professors & advisors" => "a professor or advisor".to_string(),
        "Coworkers" => "a coworker".to_string(),
        "Supervisors" => "a supervisor".to_string(),
        "Community" => "from your community".to_string(),
        "Student organizations" => "from a student organization".to_string(),
        other => format!("in {other}"),
    }
}

/// People whose keep-in-touch is due by the end of the week, most overdue first.
pub(super) fn going_cold(conn: &Connection, now: &Now) -> Result<Vec<Candidate>> {
    let mut statement = conn.prepare_cached(&format!(
        // The most overdue are read first, in the order of the index of due dates (which holds
        // only people who can be suggested); only they have their interactions counted.
        "WITH cold AS (
             SELECT p.id, p.display_name, last.at, {cadence} AS cadence,
                    c.name AS circle, p.strength
             FROM keep_in_touch_due due JOIN person p ON p.id = due.person_id
             JOIN last_contact last ON last.person_id = due.person_id
             LEFT JOIN circle c ON c.id = p.circle_id
             WHERE due.due <= julianday(?1)
             ORDER BY due.due, due.person_id LIMIT ?2)
         SELECT cold.*, {interactions} FROM cold JOIN person p ON p.id = cold.id",
        interactions = strength::INTERACTION_COUNT,
        cadence = strength::CADENCE_SQL
    ))?;
    let rows = statement
        .query_map(params![to_db(now.week.end), READ_AT_MOST * 4], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<u8>>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut found = Vec::new();
    for (id, name, last, cadence, circle, set, interactions) in rows {
        let days = (now.at - from_db(&last)?).num_days();
        let why = format!(
            "{name}: last contact {days} days ago — you keep in touch every {cadence} days"
        );
        let mut c = candidate(
            PlanKind::GoingCold,
            format!("person:{id}:cold"),
            person(id, name),
            why,
        );
        c.strength = set.unwrap_or_else(|| strength::default_for(circle.as_deref(), interactions));
        c.days_late = (days - cadence).max(0);
        found.push(c);
    }
    Ok(found)
}
