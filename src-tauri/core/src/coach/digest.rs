//! The weekly digest: one notification on Monday morning (09:00 local unless set otherwise)
//! saying what this week's plan holds — "This week: 2 thank-yous, 3 people to tell, 1 referral
//! to follow" — that opens the plan. Sent at most once a week, on the Monday only (a digest on
//! Thursday would be news of a week half gone), and not on the day a store is new: someone who
//! just opened Rapport for the first time is looking at the plan already.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use rusqlite::Connection;

use crate::coach::period;
use crate::coach::plan::{PlanKind, WeeklyPlan};
use crate::error::{Error, Result};
use crate::followups::FollowupKind;
use crate::store::settings::{read_setting, write_setting};
use crate::store::time::local_to_utc;
use crate::store::Store;

const TIME_KEY: &str = "digest.time";
const SENT_KEY: &str = "digest.sent_week";
const OFF: &str = "off";
pub const DEFAULT_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => panic!("09:00 is a time"),
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub week: String,
    pub title: String,
    pub body: String,
}

fn time(conn: &Connection) -> Result<Option<NaiveTime>> {
    Ok(match read_setting(conn, TIME_KEY)?.as_deref() {
        None => Some(DEFAULT_TIME),
        Some(OFF) => None,
        Some(text) => Some(NaiveTime::parse_from_str(text, "%H:%M").unwrap_or(DEFAULT_TIME)),
    })
}

/// "2 thank-yous, 3 people to tell, 1 referral to follow", from what the plan still has to do.
pub fn summary(plan: &WeeklyPlan, thank_yous: usize) -> String {
    let open = |kind: PlanKind| {
        plan.items
            .iter()
            .filter(|i| i.kind == kind && !i.done)
            .count()
    };
    let follow_ups = open(PlanKind::FollowUp).saturating_sub(thank_yous);
    let parts = [
        (thank_yous, "thank-you", "thank-yous"),
        (follow_ups, "follow-up", "follow-ups"),
        (open(PlanKind::Birthday), "birthday", "birthdays"),
        (
            open(PlanKind::PrepareInterview),
            "interview to prepare",
            "interviews to prepare",
        ),
        (
            open(PlanKind::TellNaturalNetwork),
            "person to tell",
            "people to tell",
        ),
        (
            open(PlanKind::Referral),
            "referral to follow",
            "referrals to follow",
        ),
        (
            open(PlanKind::WarmIntro),
            "introduction to ask for",
            "introductions to ask for",
        ),
        (
            open(PlanKind::GoingCold),
            "person to catch up with",
            "people to catch up with",
        ),
        (
            open(PlanKind::Reflect),
            "interview to reflect on",
            "interviews to reflect on",
        ),
    ];
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    if said.is_empty() {
        "Nothing pressing — a good week to add names to your network.".to_string()
    } else {
        said.join(", ")
    }
}

impl Store {
    /// When the digest goes out on Mondays (None: off).
    pub fn digest_time(&self) -> Result<Option<NaiveTime>> {
        self.read(time)
    }

    pub fn set_digest_time(&self, at: Option<NaiveTime>) -> Result<Option<NaiveTime>> {
        let text = at.map_or(OFF.to_string(), |t| t.format("%H:%M").to_string());
        self.write(|tx| write_setting(tx, TIME_KEY, Some(&text)))?;
        Ok(at)
    }

    /// When this week's digest is or was due: Monday at the digest time, locally.
    fn digest_due_at(&self, time: NaiveTime, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let zone = self.zone();
        local_to_utc(period::monday_of(now, &zone).and_time(time), &zone)
    }

    /// Where this week's digest stands at `now`.
    fn this_week(&self, time: NaiveTime, now: DateTime<Utc>) -> Result<ThisWeek> {
        let zone = self.zone();
        let week = period::week_label(now, &zone);
        let sent =
            self.read(|conn| read_setting(conn, SENT_KEY))?.as_deref() == Some(week.as_str());
        let monday = period::week_of(now, &zone).start;
        Ok(ThisWeek {
            due: self.digest_due_at(time, now),
            sent,
            monday_of_an_older_store: now < monday + Duration::days(1)
                && self.me()?.created_at < monday,
            week,
        })
    }

    /// The digest, when this week's is due and has not gone out. The caller marks it sent
    /// (before showing it: at most once) with [`Store::mark_digest_sent`].
    pub fn digest_due(&self) -> Result<Option<Digest>> {
        let now = self.now();
        let Some(time) = self.digest_time()? else {
            return Ok(None);
        };
        let this_week = self.this_week(time, now)?;
        if this_week.sent
            || !this_week.monday_of_an_older_store
            || this_week.due.is_none_or(|due| now < due)
        {
            return Ok(None);
        }
        let plan = self.weekly_plan()?;
        let mut thank_yous = 0;
        for item in plan
            .items
            .iter()
            .filter(|i| i.kind == PlanKind::FollowUp && !i.done)
        {
            if let Some(id) = item.followup_id {
                thank_yous += usize::from(self.followup(id)?.kind == FollowupKind::ThankYou);
            }
        }
        Ok(Some(Digest {
            title: "This week".to_string(),
            body: format!("This week: {}", summary(&plan, thank_yous)),
            week: this_week.week,
        }))
    }

    pub fn mark_digest_sent(&self, week: &str) -> Result<()> {
        if week.is_empty() {
            return Err(Error::invalid(
                "week",
                "Name the week the digest was sent for.",
            ));
        }
        self.write(|tx| write_setting(tx, SENT_KEY, Some(week)))
    }

    /// When the reminder loop should wake for the next digest (None: off). While this Monday's
    /// has not gone out this can be a time past (quiet hours held it back): the loop then wakes
    /// when they end.
    pub fn next_digest_at(&self) -> Result<Option<DateTime<Utc>>> {
        let now = self.now();
        let Some(time) = self.digest_time()? else {
            return Ok(None);
        };
        let this_week = self.this_week(time, now)?;
        Ok(match (this_week.sent, this_week.due) {
            (false, Some(due)) if due > now || this_week.monday_of_an_older_store => Some(due),
            _ => self.digest_due_at(time, now + Duration::days(7)),
        })
    }
}

/// This week's digest: the week's name, when it is due, whether it went out, and whether now is
/// still its Monday in a store that began before it (the only time it may go out).
struct ThisWeek {
    week: String,
    due: Option<DateTime<Utc>>,
    sent: bool,
    monday_of_an_older_store: bool,
}
