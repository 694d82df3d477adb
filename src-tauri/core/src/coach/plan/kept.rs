//! The week's plan as kept: made once a week from the sources, then read back in its order with
//! each item's `done` read from the records. New follow-ups and birthdays join a kept plan; the
//! suggestions do not reshuffle.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::ranking::{self, Candidate};
use super::sources::{self, Now};
use super::{PlanItem, PlanKind, SetAside};
use crate::coach::period;
use crate::error::{Error, Result};
use crate::network::people::PersonRef;
use crate::store::columns::{optional_time_at, text_enum};
use crate::store::time::to_db;

/// A suggestion set aside "not now" is not made again for this long.
const NOT_NOW_FOR: Duration = Duration::days(28);

/// Every candidate the sources find now.
fn candidates(conn: &Connection, now: &Now) -> Result<Vec<Candidate>> {
    let mut all = sources::follow_ups(conn, now)?;
    all.extend(sources::birthdays(conn, now)?);
    all.extend(sources::interviews_to_prepare(conn, now)?);
    all.extend(sources::interviews_to_reflect_on(conn, now)?);
    all.extend(sources::referrals(conn, now)?);
    all.extend(sources::natural_network_not_told(conn)?);
    all.extend(sources::warm_introductions(conn)?);
    all.extend(sources::going_cold(conn, now)?);
    Ok(all)
}

/// Subjects set aside recently: "next week" ones come back first, "not now" ones stay out.
fn set_aside_before(
    conn: &Connection,
    week: &str,
    now: DateTime<Utc>,
) -> Result<(Vec<String>, Vec<String>)> {
    let mut statement = conn.prepare_cached(
        "SELECT subject, state FROM plan_item
         WHERE week < ?1 AND state <> 'open' AND created_at >= ?2",
    )?;
    let rows = statement
        .query_map(params![week, to_db(now - NOT_NOW_FOR)], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (next_week, not_now): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .partition(|(_, state)| state == "next_week");
    Ok((
        next_week.into_iter().map(|(s, _)| s).collect(),
        not_now.into_iter().map(|(s, _)| s).collect(),
    ))
}

fn insert(
    conn: &Connection,
    week: &str,
    position: i64,
    c: &Candidate,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO plan_item (week, position, kind, subject, person_id, followup_id, meeting_id, why, due_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (week, subject) DO NOTHING",
    )?
    .execute(params![
        week,
        position,
        c.kind.as_str(),
        c.subject,
        c.person.as_ref().map(|p| p.id),
        c.followup_id,
        c.meeting_id,
        c.why,
        c.due_at.map(to_db),
        to_db(now)
    ])?;
    Ok(())
}

/// Makes the week's plan if there is none yet, or adds to it the urgent items that appeared
/// since (follow-ups and birthdays); a new plan suggests at most `reach_outs` reach-outs.
/// Returns the week's name.
pub(super) fn refresh(conn: &Connection, now: &Now, reach_outs: usize) -> Result<String> {
    let week = period::week_label(now.at, &now.zone);
    let kept: i64 = conn
        .prepare_cached("SELECT count(*) FROM plan_item WHERE week = ?1")?
        .query_row([&week], |r| r.get(0))?;
    if kept == 0 {
        let (next_week, not_now) = set_aside_before(conn, &week, now.at)?;
        let mut found = candidates(conn, now)?;
        found.retain(|c| !not_now.contains(&c.subject));
        for c in &mut found {
            c.carried = next_week.contains(&c.subject);
        }
        for (position, c) in ranking::choose(found, reach_outs).iter().enumerate() {
            insert(conn, &week, position as i64, c, now.at)?;
        }
    } else {
        let next: i64 = conn
            .prepare_cached("SELECT coalesce(max(position), 0) + 1 FROM plan_item WHERE week = ?1")?
            .query_row([&week], |r| r.get(0))?;
        let mut urgent = sources::follow_ups(conn, now)?;
        urgent.extend(sources::birthdays(conn, now)?);
        let urgent = ranking::choose(urgent, 0);
        for (position, c) in (next..).zip(&urgent) {
            insert(conn, &week, position, c, now.at)?;
        }
    }
    Ok(week)
}

/// Whether the record that answers an item has appeared.
fn is_done(
    conn: &Connection,
    kind: PlanKind,
    subject: &str,
    person: Option<i64>,
    followup: Option<i64>,
    meeting: Option<i64>,
    since: DateTime<Utc>,
) -> Result<bool> {
    let contacted_since = |at: String| -> Result<bool> {
        Ok(conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM last_contact WHERE person_id = ?1 AND at >= ?2)",
            )?
            .query_row(params![person, at], |r| r.get(0))?)
    };
    let followup_closed = || -> Result<bool> {
        Ok(conn
            .prepare_cached(
                "SELECT coalesce((SELECT state <> 'pending' FROM followup WHERE id = ?1), 1)",
            )?
            .query_row([followup], |r| r.get(0))?)
    };
    match kind {
        PlanKind::FollowUp => followup_closed(),
        // A wish sent (logged) answers a birthday as much as ticking its reminder off.
        PlanKind::Birthday => Ok(followup_closed()? || contacted_since(to_db(since))?),
        PlanKind::Referral => {
            let air_id: i64 = subject.trim_start_matches("air:").parse().unwrap_or(0);
            let air: Option<(String, bool)> = conn
                .prepare_cached("SELECT created_at, closed_at IS NOT NULL FROM air WHERE id = ?1")?
                .query_row([air_id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            match air {
                Some((created, closed)) => Ok(closed || contacted_since(created)?),
                None => Ok(true),
            }
        }
        PlanKind::TellNaturalNetwork => contacted_since(String::new()),
        PlanKind::WarmIntro | PlanKind::GoingCold => contacted_since(to_db(since)),
        PlanKind::PrepareInterview => Ok(conn
            .prepare_cached(
                "SELECT coalesce((SELECT m.state NOT IN ('idea', 'preparing', 'requested', 'scheduled')
                    OR (SELECT count(*) FROM meeting_prep s WHERE s.meeting_id = m.id AND s.done = 1) >= 7
                  FROM meeting m WHERE m.id = ?1), 1)",
            )?
            .query_row([meeting], |r| r.get(0))?),
        PlanKind::Reflect => Ok(conn
            .prepare_cached("SELECT coalesce((SELECT trim(learned) <> '' FROM meeting WHERE id = ?1), 1)")?
            .query_row([meeting], |r| r.get(0))?),
    }
}

/// The week's items still in the plan (not set aside), in order, each with `done` read now.
pub(super) fn items(
    conn: &Connection,
    week: &str,
    week_start: DateTime<Utc>,
) -> Result<Vec<PlanItem>> {
    let mut statement = conn.prepare_cached(
        "SELECT i.id, i.kind, i.subject, p.id, p.display_name, i.why, i.due_at, i.followup_id, i.meeting_id
         FROM plan_item i LEFT JOIN person p ON p.id = i.person_id
         WHERE i.week = ?1 AND i.state = 'open' AND (i.person_id IS NULL OR p.deleted_at IS NULL)
         ORDER BY i.position, i.id",
    )?;
    let rows = statement
        .query_map([week], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                text_enum::<PlanKind>(r.get(1)?, 1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                optional_time_at(r, 6)?,
                r.get::<_, Option<i64>>(7)?,
                r.get::<_, Option<i64>>(8)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(
            |(id, kind, subject, person_id, name, why, due_at, followup_id, meeting_id)| {
                Ok(PlanItem {
                    id,
                    kind,
                    done: is_done(
                        conn,
                        kind,
                        &subject,
                        person_id,
                        followup_id,
                        meeting_id,
                        week_start,
                    )?,
                    person: person_id
                        .zip(name)
                        .map(|(id, display_name)| PersonRef { id, display_name }),
                    why,
                    due_at,
                    followup_id,
                    meeting_id,
                })
            },
        )
        .collect()
}

/// Sets an item aside; returns the follow-up it is about, if any, so that "next week" can move
/// it too.
pub(super) fn set_aside(conn: &Connection, id: i64, how: SetAside) -> Result<Option<i64>> {
    let found: Option<Option<i64>> = conn
        .prepare_cached("SELECT followup_id FROM plan_item WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let Some(followup) = found else {
        return Err(Error::not_found("plan item", format!("id {id}")));
    };
    conn.execute(
        "UPDATE plan_item SET state = ?2 WHERE id = ?1",
        params![id, how.as_str()],
    )?;
    Ok(followup)
}
