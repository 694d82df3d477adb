//! Progress the user can see: reach-outs per week against the goal, informational interviews
//! per month, thank-yous in time, the network by circle over time and the AIR gathered — each
//! counted from the records over the last twelve weeks or months.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::coach::goals::{self, GoalPer, GoalWhat};
use crate::coach::period::{self, Span};
use crate::error::Result;
use crate::store::time::{from_db, to_db};
use crate::store::zone::Zone;
use crate::store::Store;

/// Weeks and months each chart shows.
pub const SHOWN: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WeekCount {
    /// `2026-W49`.
    pub label: String,
    /// Its Monday, `2026-11-30`.
    pub start: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthCount {
    /// `2026-12`.
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReachOuts {
    /// The weekly reach-out goal, if set.
    pub goal: Option<i64>,
    pub weeks: Vec<WeekCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interviews {
    /// The monthly interview goal, if set.
    pub goal: Option<i64>,
    pub months: Vec<MonthCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThankYouMonth {
    pub label: String,
    pub on_time: i64,
    /// Done after their due time, or still not done past it.
    pub late: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThankYous {
    /// The percent goal, if set.
    pub goal: Option<i64>,
    pub months: Vec<ThankYouMonth>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CircleSeries {
    /// None: people in no circle.
    pub circle: Option<String>,
    /// People in the circle at the end of each month.
    pub counts: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Circles {
    pub months: Vec<String>,
    pub series: Vec<CircleSeries>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AirMonth {
    pub label: String,
    pub advice: i64,
    pub information: i64,
    pub referrals: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AirGathered {
    pub months: Vec<AirMonth>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgressReport {
    pub reach_outs: ReachOuts,
    pub interviews: Interviews,
    pub thank_yous: ThankYous,
    pub circles: Circles,
    pub air: AirGathered,
}

/// The last [`SHOWN`] local months up to the one `now` is in, oldest first.
fn months(now: DateTime<Utc>, zone: &Zone) -> Vec<(String, Span)> {
    let mut first = period::first_of_month(now.with_timezone(zone).date_naive());
    let mut found = Vec::with_capacity(SHOWN);
    for _ in 0..SHOWN {
        found.push((
            first.format("%Y-%m").to_string(),
            period::month_from(first, zone),
        ));
        first = period::first_of_month(first - Duration::days(1));
    }
    found.reverse();
    found
}

/// The last [`SHOWN`] ISO weeks up to the one `now` is in, oldest first.
fn weeks(now: DateTime<Utc>, zone: &Zone) -> Vec<(String, NaiveDate, Span)> {
    let this_monday = period::monday_of(now, zone);
    (0..SHOWN as i64)
        .rev()
        .map(|back| {
            let monday = this_monday - Duration::weeks(back);
            let week = monday.iso_week();
            (
                format!("{}-W{:02}", week.year(), week.week()),
                monday,
                period::week_from(monday, zone),
            )
        })
        .collect()
}

/// Which span of `spans` holds `at`.
fn bucket<T>(spans: &[T], span: impl Fn(&T) -> Span, at: DateTime<Utc>) -> Option<usize> {
    spans.iter().position(|s| {
        let s = span(s);
        s.start <= at && at < s.end
    })
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
    read: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    let found = statement
        .query_map(args, read)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found)
}

fn report(conn: &Connection, now: DateTime<Utc>, zone: &Zone) -> Result<ProgressReport> {
    let goals = goals::list(conn, now, zone)?;
    let goal = |what: GoalWhat, per: GoalPer| {
        goals
            .iter()
            .filter(|g| g.what == what && g.per == per)
            .map(|g| g.count)
            .max()
    };

    let weeks = weeks(now, zone);
    let mut reach = vec![std::collections::HashSet::new(); SHOWN];
    for (at, person) in rows(
        conn,
        // The weeks' interactions first (CROSS JOIN keeps that order): from the participants'
        // side SQLite read all 300,000 of them.
        "SELECT i.occurred_at, ip.person_id FROM interaction i
         CROSS JOIN interaction_participant ip ON ip.interaction_id = i.id
         CROSS JOIN person p ON p.id = ip.person_id
         WHERE i.occurred_at >= ?1 AND i.kind <> 'note' AND p.is_me = 0 AND p.deleted_at IS NULL",
        [to_db(weeks[0].2.start)],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
    )? {
        if let Some(i) = bucket(&weeks, |w| w.2, from_db(&at)?) {
            reach[i].insert(person);
        }
    }
    let reach_outs = ReachOuts {
        goal: goal(GoalWhat::ReachOuts, GoalPer::Week),
        weeks: weeks
            .iter()
            .zip(&reach)
            .map(|((label, monday, _), people)| WeekCount {
                label: label.clone(),
                start: monday.format("%Y-%m-%d").to_string(),
                count: people.len() as i64,
            })
            .collect(),
    };

    let months = months(now, zone);
    let since = to_db(months[0].1.start);
    let mut interviews = vec![0; SHOWN];
    for at in rows(
        conn,
        "SELECT occurred_at FROM interaction WHERE kind = 'informational_interview' AND occurred_at >= ?1",
        [&since],
        |r| r.get::<_, String>(0),
    )? {
        if let Some(i) = bucket(&months, |m| m.1, from_db(&at)?) {
            interviews[i] += 1;
        }
    }

    let mut thanks = vec![(0, 0); SHOWN];
    for (due, in_time) in rows(
        conn,
        "SELECT f.due_at, f.state = 'done' AND f.closed_at <= f.due_at FROM followup f
         LEFT JOIN person p ON p.id = f.person_id
         WHERE f.kind = 'thank_you' AND f.state <> 'dismissed' AND (f.person_id IS NULL OR p.deleted_at IS NULL)
           AND f.due_at >= ?1 AND (f.due_at <= ?2 OR f.state = 'done')",
        [since.clone(), to_db(now)],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)),
    )? {
        if let Some(i) = bucket(&months, |m| m.1, from_db(&due)?) {
            if in_time {
                thanks[i].0 += 1;
            } else {
                thanks[i].1 += 1;
            }
        }
    }

    let mut air = vec![(0, 0, 0); SHOWN];
    for (at, kind) in rows(
        conn,
        "SELECT created_at, kind FROM air WHERE created_at >= ?1",
        [&since],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
    )? {
        if let Some(i) = bucket(&months, |m| m.1, from_db(&at)?) {
            match kind.as_str() {
                "advice" => air[i].0 += 1,
                "information" => air[i].1 += 1,
                _ => air[i].2 += 1,
            }
        }
    }

    Ok(ProgressReport {
        reach_outs,
        interviews: Interviews {
            goal: goal(GoalWhat::Interviews, GoalPer::Month),
            months: months
                .iter()
                .zip(interviews)
                .map(|((label, _), count)| MonthCount {
                    label: label.clone(),
                    count,
                })
                .collect(),
        },
        thank_yous: ThankYous {
            goal: goals
                .iter()
                .filter(|g| g.what == GoalWhat::ThankYouOnTime)
                .map(|g| g.count)
                .max(),
            months: months
                .iter()
                .zip(thanks)
                .map(|((label, _), (on_time, late))| ThankYouMonth {
                    label: label.clone(),
                    on_time,
                    late,
                })
                .collect(),
        },
        circles: circles(conn, &months)?,
        air: AirGathered {
            months: months
                .iter()
                .zip(air)
                .map(|((label, _), (advice, information, referrals))| AirMonth {
                    label: label.clone(),
                    advice,
                    information,
                    referrals,
                })
                .collect(),
        },
    })
}

/// People per circle at the end of each month: those added by then and not deleted since, in
/// the circles' own order, people in no circle last; circles nobody is in are left out.
fn circles(conn: &Connection, months: &[(String, Span)]) -> Result<Circles> {
    let ends: Vec<String> = months.iter().map(|(_, span)| to_db(span.end)).collect();
    let mut statement = conn.prepare_cached(
        "SELECT c.name, p.created_at FROM person p LEFT JOIN circle c ON c.id = p.circle_id
         WHERE p.is_me = 0 AND p.deleted_at IS NULL
         ORDER BY c.position IS NULL, c.position, c.name",
    )?;
    let mut series: Vec<CircleSeries> = Vec::new();
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let circle: Option<String> = row.get(0)?;
        let created: String = row.get(1)?;
        if series.last().is_none_or(|s| s.circle != circle) {
            series.push(CircleSeries {
                circle: circle.clone(),
                counts: vec![0; ends.len()],
            });
        }
        let counts = &mut series.last_mut().expect("pushed above").counts;
        // Stored times compare as text.
        for (count, end) in counts.iter_mut().zip(&ends) {
            if created < *end {
                *count += 1;
            }
        }
    }
    Ok(Circles {
        months: months.iter().map(|(label, _)| label.clone()).collect(),
        series,
    })
}

impl Store {
    pub fn progress_report(&self) -> Result<ProgressReport> {
        let (now, zone) = (self.now(), self.zone());
        self.read(|conn| report(conn, now, &zone))
    }
}
