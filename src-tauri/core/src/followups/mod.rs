//! Follow-ups: every reminder the user must not drop. Their lifecycle (pending, done, dismissed)
//! is separate from their delivery (whether a notification went out for the current due time).
//!
//! The room also holds what makes and restarts them below the guide: interactions (what
//! happened with whom, a person's timeline), keep-in-touch, and the reminders shown for them.

use chrono::{DateTime, Datelike, Duration, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::network::people::PersonRef;
use crate::store::time::local_to_utc;

pub mod birthdays;
mod due;
pub mod interactions;
pub mod keep_in_touch;
mod lifecycle;
pub mod reminders;
mod rows;

pub(crate) use lifecycle::{complete_for_rule, upsert_for_rule};
pub(crate) use rows::of_person;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupKind {
    ThankYou,
    FollowUp,
    InformReferrer,
    KeepInTouch,
    Birthday,
    Custom,
}

impl FollowupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FollowupKind::ThankYou => "thank_you",
            FollowupKind::FollowUp => "follow_up",
            FollowupKind::InformReferrer => "inform_referrer",
            FollowupKind::KeepInTouch => "keep_in_touch",
            FollowupKind::Birthday => "birthday",
            FollowupKind::Custom => "custom",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupState {
    Pending,
    Done,
    Dismissed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Followup {
    pub id: i64,
    pub person: Option<PersonRef>,
    pub kind: FollowupKind,
    pub title: String,
    pub due_at: DateTime<Utc>,
    pub state: FollowupState,
    /// When a notification last went out for this follow-up, if one did for its current due time.
    pub notified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowupInput {
    pub person_id: Option<i64>,
    #[serde(default)]
    pub kind: Option<FollowupKind>,
    pub title: String,
    pub due_at: DateTime<Utc>,
}

/// When to bring a follow-up back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "preset", rename_all = "camelCase")]
pub enum Snooze {
    OneHour,
    /// 09:00 tomorrow, local time.
    TomorrowMorning,
    /// 09:00 next Monday, local time.
    NextWeek,
    Until {
        at: DateTime<Utc>,
    },
}

/// The morning hour snooze presets bring a follow-up back at.
const MORNING: u32 = 9;

impl Snooze {
    pub fn resolve<Tz: TimeZone>(self, now: DateTime<Utc>, zone: &Tz) -> DateTime<Utc> {
        let morning = NaiveTime::from_hms_opt(MORNING, 0, 0).expect("valid time");
        let today = now.with_timezone(zone).date_naive();
        let at_morning = |date: chrono::NaiveDate| {
            local_to_utc(date.and_time(morning), zone).unwrap_or(now + Duration::days(1))
        };
        match self {
            Snooze::OneHour => now + Duration::hours(1),
            Snooze::TomorrowMorning => at_morning(today + Duration::days(1)),
            Snooze::NextWeek => {
                let days = 7 - i64::from(today.weekday().num_days_from_monday());
                at_morning(today + Duration::days(days))
            }
            Snooze::Until { at } => at,
        }
    }
}

/// See [`Store::followups_ahead`](crate::Store::followups_ahead).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowupsAhead {
    pub due: Vec<Followup>,
    pub later: Vec<Followup>,
    pub later_total: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::time::{from_db, to_db};
    use chrono::FixedOffset;

    #[test]
    fn snooze_presets_land_on_local_mornings() {
        // Wednesday 2026-03-04 22:30 in UTC+2.
        let zone = FixedOffset::east_opt(2 * 3600).unwrap();
        let now = from_db("2026-03-04T20:30:00Z").unwrap();
        assert_eq!(
            to_db(Snooze::OneHour.resolve(now, &zone)),
            "2026-03-04T21:30:00Z"
        );
        assert_eq!(
            to_db(Snooze::TomorrowMorning.resolve(now, &zone)),
            "2026-03-05T07:00:00Z"
        );
        assert_eq!(
            to_db(Snooze::NextWeek.resolve(now, &zone)),
            "2026-03-09T07:00:00Z"
        );
    }

    #[test]
    fn next_week_from_a_monday_is_the_following_monday() {
        let now = from_db("2026-03-02T10:00:00Z").unwrap();
        assert_eq!(
            to_db(Snooze::NextWeek.resolve(now, &Utc)),
            "2026-03-09T09:00:00Z"
        );
    }
}
