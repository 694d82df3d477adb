//! Goals: what the user aims for ("reach out to 5 people a week", "2 informational interviews a
//! month", "50 names in my network", "every thank-you within 24 hours"). Progress is always
//! counted from the records — interactions logged, interviews held, people added, thank-yous
//! done in time — never ticked by hand.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::coach::period::{self, Span};
use crate::error::{Error, Result};
use crate::network::naming;
use crate::store::columns::text_enum;
use crate::store::time::to_db;
use crate::store::zone::Zone;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalWhat {
    /// People reached out to: anyone an interaction (other than a note) was logged with.
    ReachOuts,
    /// Informational interviews held.
    Interviews,
    /// People added to the network.
    NewPeople,
    /// The share (percent) of thank-yous done by their due time, 24 hours after the meeting.
    ThankYouOnTime,
}

impl GoalWhat {
    pub const ALL: [GoalWhat; 4] = [
        GoalWhat::ReachOuts,
        GoalWhat::Interviews,
        GoalWhat::NewPeople,
        GoalWhat::ThankYouOnTime,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GoalWhat::ReachOuts => "reach_outs",
            GoalWhat::Interviews => "interviews",
            GoalWhat::NewPeople => "new_people",
            GoalWhat::ThankYouOnTime => "thank_you_on_time",
        }
    }
}

impl std::str::FromStr for GoalWhat {
    type Err = Error;

    fn from_str(typed: &str) -> Result<Self> {
        naming::parse_value(typed, "goal", &GoalWhat::ALL, GoalWhat::as_str)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalPer {
    Week,
    Month,
    Total,
}

impl GoalPer {
    pub const ALL: [GoalPer; 3] = [GoalPer::Week, GoalPer::Month, GoalPer::Total];

    pub fn as_str(self) -> &'static str {
        match self {
            GoalPer::Week => "week",
            GoalPer::Month => "month",
            GoalPer::Total => "total",
        }
    }
}

impl std::str::FromStr for GoalPer {
    type Err = Error;

    fn from_str(typed: &str) -> Result<Self> {
        naming::parse_value(typed, "period", &GoalPer::ALL, GoalPer::as_str)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalInput {
    pub what: GoalWhat,
    pub count: i64,
    pub per: GoalPer,
}

/// A goal with how far the current period has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub id: i64,
    pub what: GoalWhat,
    /// For `thank_you_on_time`, a percent.
    pub count: i64,
    pub per: GoalPer,
    /// So far in `period`; for `thank_you_on_time` the percent done in time, or None when no
    /// thank-you was due yet.
    pub done: Option<i64>,
    /// `2026-W49`, `2026-12` or `total`.
    pub period: String,
    /// The goal in words: "Reach out to 5 people a week".
    pub label: String,
}

impl Goal {
    /// Whether `done` has reached `count`.
    pub fn met(&self) -> bool {
        self.done.is_some_and(|done| done >= self.count)
    }
}

pub fn label(what: GoalWhat, count: i64, per: GoalPer) -> String {
    let per = match per {
        GoalPer::Week => " a week",
        GoalPer::Month => " a month",
        GoalPer::Total => "",
    };
    let plural = |one: &str, many: &str| {
        if count == 1 {
            one.to_string()
        } else {
            many.to_string()
        }
    };
    match what {
        GoalWhat::ReachOuts => format!("Reach out to {count} {}{per}", plural("person", "people")),
        GoalWhat::Interviews => format!(
            "{count} informational {}{per}",
            plural("interview", "interviews")
        ),
        GoalWhat::NewPeople => match per {
            "" => format!("{count} names in your network"),
            _ => format!("Add {count} {}{per}", plural("person", "people")),
        },
        GoalWhat::ThankYouOnTime => {
            let each = per.replace(" a ", ", each ");
            match count {
                100 => format!("Every thank-you within 24 hours{each}"),
                _ => format!("{count}% of thank-yous within 24 hours{each}"),
            }
        }
    }
}

fn check(input: &GoalInput) -> Result<()> {
    if input.count < 1 {
        return Err(Error::invalid(
            "count",
            "A goal needs a count of at least 1.",
        ));
    }
    if input.what == GoalWhat::ThankYouOnTime && input.count > 100 {
        return Err(Error::invalid(
            "count",
            "A share of thank-yous is a percent: 1 to 100.",
        ));
    }
    if input.count > 10_000 {
        return Err(Error::invalid("count", "A goal can count up to 10,000."));
    }
    Ok(())
}

/// The span a goal's period covers at `now` (None: all time) and its name.
fn span(per: GoalPer, now: DateTime<Utc>, zone: &Zone) -> (Option<Span>, String) {
    match per {
        GoalPer::Week => (
            Some(period::week_of(now, zone)),
            period::week_label(now, zone),
        ),
        GoalPer::Month => (
            Some(period::month_of(now, zone)),
            period::month_label(now, zone),
        ),
        GoalPer::Total => (None, "total".to_string()),
    }
}

/// The bounds SQL compares with: all time is from the first instant to the last.
fn bounds(span: Option<Span>) -> (String, String) {
    match span {
        Some(span) => (to_db(span.start), to_db(span.end)),
        None => ("0000".to_string(), "9999".to_string()),
    }
}

/// People reached out to within the span: anyone an interaction other than a note was logged
/// with, counted once however often.
pub(crate) fn reach_outs(conn: &Connection, span: Option<Span>) -> Result<i64> {
    let (start, end) = bounds(span);
    Ok(conn
        .prepare_cached(
            "SELECT count(DISTINCT ip.person_id) FROM interaction i
             JOIN interaction_participant ip ON ip.interaction_id = i.id
             JOIN person p ON p.id = ip.person_id
             WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2 AND i.kind <> 'note'
               AND p.is_me = 0 AND p.deleted_at IS NULL",
        )?
        .query_row([start, end], |r| r.get(0))?)
}

pub(crate) fn interviews(conn: &Connection, span: Option<Span>) -> Result<i64> {
    let (start, end) = bounds(span);
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM interaction i
             WHERE i.kind = 'informational_interview' AND i.occurred_at >= ?1 AND i.occurred_at < ?2",
        )?
        .query_row([start, end], |r| r.get(0))?)
}

fn new_people(conn: &Connection, span: Option<Span>) -> Result<i64> {
    let (start, end) = bounds(span);
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM person
             WHERE is_me = 0 AND deleted_at IS NULL AND created_at >= ?1 AND created_at < ?2",
        )?
        .query_row([start, end], |r| r.get(0))?)
}

/// Thank-yous due within the span (and by now): how many, and how many were done in time.
pub(crate) fn thank_yous(
    conn: &Connection,
    span: Option<Span>,
    now: DateTime<Utc>,
) -> Result<(i64, i64)> {
    let (start, end) = bounds(span);
    Ok(conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(f.state = 'done' AND f.closed_at <= f.due_at), 0)
             FROM followup f LEFT JOIN person p ON p.id = f.person_id
             WHERE f.kind = 'thank_you' AND f.state <> 'dismissed'
               AND (f.person_id IS NULL OR p.deleted_at IS NULL)
               AND f.due_at >= ?1 AND f.due_at < ?2 AND (f.due_at <= ?3 OR f.state = 'done')",
        )?
        .query_row([start, end, to_db(now)], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

fn progress(
    conn: &Connection,
    what: GoalWhat,
    span: Option<Span>,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    Ok(match what {
        GoalWhat::ReachOuts => Some(reach_outs(conn, span)?),
        GoalWhat::Interviews => Some(interviews(conn, span)?),
        GoalWhat::NewPeople => Some(new_people(conn, span)?),
        GoalWhat::ThankYouOnTime => match thank_yous(conn, span, now)? {
            (0, _) => None,
            (due, in_time) => Some((in_time * 100 + due / 2) / due),
        },
    })
}

pub(crate) fn list(conn: &Connection, now: DateTime<Utc>, zone: &Zone) -> Result<Vec<Goal>> {
    let mut statement = conn.prepare_cached("SELECT id, what, count, per FROM goal ORDER BY id")?;
    let rows = statement
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                text_enum::<GoalWhat>(r.get(1)?, 1)?,
                r.get::<_, i64>(2)?,
                text_enum::<GoalPer>(r.get(3)?, 3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, what, count, per)| {
            let (span, period) = span(per, now, zone);
            Ok(Goal {
                id,
                what,
                count,
                per,
                done: progress(conn, what, span, now)?,
                period,
                label: label(what, count, per),
            })
        })
        .collect()
}

fn load(conn: &Connection, id: i64, now: DateTime<Utc>, zone: &Zone) -> Result<Goal> {
    list(conn, now, zone)?
        .into_iter()
        .find(|g| g.id == id)
        .ok_or_else(|| Error::not_found("goal", format!("id {id}")))
}

impl Store {
    /// Every goal with its progress in the current period.
    pub fn goals(&self) -> Result<Vec<Goal>> {
        let (now, zone) = (self.now(), self.zone());
        self.read(|conn| list(conn, now, &zone))
    }

    pub fn add_goal(&self, input: GoalInput) -> Result<Goal> {
        check(&input)?;
        let (now, zone) = (self.now(), self.zone());
        self.write(|tx| {
            tx.execute(
                "INSERT INTO goal (what, count, per, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    input.what.as_str(),
                    input.count,
                    input.per.as_str(),
                    to_db(now)
                ],
            )?;
            load(tx, tx.last_insert_rowid(), now, &zone)
        })
    }

    pub fn update_goal(&self, id: i64, input: GoalInput) -> Result<Goal> {
        check(&input)?;
        let (now, zone) = (self.now(), self.zone());
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE goal SET what = ?2, count = ?3, per = ?4 WHERE id = ?1",
                params![id, input.what.as_str(), input.count, input.per.as_str()],
            )?;
            if changed == 0 {
                return Err(Error::not_found("goal", format!("id {id}")));
            }
            load(tx, id, now, &zone)
        })
    }

    /// Removes a goal; returns it as it was.
    pub fn remove_goal(&self, id: i64) -> Result<Goal> {
        let (now, zone) = (self.now(), self.zone());
        self.write(|tx| {
            let goal = load(tx, id, now, &zone)?;
            tx.execute("DELETE FROM goal WHERE id = ?1", [id])?;
            Ok(goal)
        })
    }
}

/// The weekly reach-out goal the plan and the tray go by: the largest, when there are several.
pub fn weekly_reach_outs(goals: &[Goal]) -> Option<&Goal> {
    goals
        .iter()
        .filter(|g| g.what == GoalWhat::ReachOuts && g.per == GoalPer::Week)
        .max_by_key(|g| g.count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_read_as_people_say_them() {
        assert_eq!(
            label(GoalWhat::ReachOuts, 5, GoalPer::Week),
            "Reach out to 5 people a week"
        );
        assert_eq!(
            label(GoalWhat::ReachOuts, 1, GoalPer::Week),
            "Reach out to 1 person a week"
        );
        assert_eq!(
            label(GoalWhat::Interviews, 2, GoalPer::Month),
            "2 informational interviews a month"
        );
        assert_eq!(
            label(GoalWhat::NewPeople, 50, GoalPer::Total),
            "50 names in your network"
        );
        assert_eq!(
            label(GoalWhat::ThankYouOnTime, 100, GoalPer::Month),
            "Every thank-you within 24 hours, each month"
        );
        assert_eq!(
            label(GoalWhat::ThankYouOnTime, 80, GoalPer::Total),
            "80% of thank-yous within 24 hours"
        );
    }
}
