//! The weekly plan: a short, ranked list of who to reach out to this week and why, enough to
//! meet the user's goals and no more (at most [`MOST_SUGGESTED`] besides the follow-ups due).
//!
//! - `sources` reads the candidates from every room, each with its reason in words;
//! - `ranking` orders them and picks the week's few (pure, so it is specified by tests);
//! - `kept` keeps the week's plan once made, so it does not reshuffle on every open: items tick
//!   off when the matching record appears, and new urgent ones (a thank-you) still join it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::coach::goals::{self, Goal};
use crate::coach::period;
use crate::error::Result;
use crate::followups::{FollowupState, Snooze};
use crate::network::people::PersonRef;
use crate::store::Store;

mod kept;
pub mod ranking;
mod sources;

/// Suggestions besides the follow-ups due this week.
pub const MOST_SUGGESTED: usize = 10;
/// Follow-ups due this week listed in the plan; Today lists them all.
pub const MOST_FOLLOW_UPS: usize = 20;
/// People suggested for reaching out when no weekly goal says how many.
pub const REACH_OUTS_WITHOUT_A_GOAL: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// A follow-up due this week (or overdue): a thank-you, a follow-up, telling a referrer.
    FollowUp,
    /// Someone referred to you (AIR) you have not contacted yet.
    Referral,
    /// Someone of your natural network who has not heard what you are exploring.
    TellNaturalNetwork,
    /// Someone who could introduce you at a target organization.
    WarmIntro,
    /// Someone whose keep-in-touch is due, the closest first.
    GoingCold,
    /// A birthday in the next 7 days.
    Birthday,
    /// An interview coming up whose preparation is not done.
    PrepareInterview,
    /// An interview held without its reflection written.
    Reflect,
}

impl PlanKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanKind::FollowUp => "follow_up",
            PlanKind::Referral => "referral",
            PlanKind::TellNaturalNetwork => "tell_natural_network",
            PlanKind::WarmIntro => "warm_intro",
            PlanKind::GoingCold => "going_cold",
            PlanKind::Birthday => "birthday",
            PlanKind::PrepareInterview => "prepare_interview",
            PlanKind::Reflect => "reflect",
        }
    }

    /// Whether acting on it is reaching out to someone (what the weekly goal counts).
    pub fn is_reach_out(self) -> bool {
        matches!(
            self,
            PlanKind::Referral
                | PlanKind::TellNaturalNetwork
                | PlanKind::WarmIntro
                | PlanKind::GoingCold
        )
    }
}

/// One thing to do this week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    pub id: i64,
    pub kind: PlanKind,
    pub person: Option<PersonRef>,
    /// The reason, in words: "Reach out to Katherine — Grace referred you on 3 March".
    pub why: String,
    pub due_at: Option<DateTime<Utc>>,
    /// Whether the matching record has appeared (the message logged, the follow-up done...).
    pub done: bool,
    /// The follow-up it is about, for follow-ups and birthdays.
    pub followup_id: Option<i64>,
    /// The meeting it is about, for interviews to prepare or reflect on.
    pub meeting_id: Option<i64>,
}

/// This week's plan, and the goals it serves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WeeklyPlan {
    /// The ISO week: `2026-W49`.
    pub week: String,
    pub items: Vec<PlanItem>,
    pub goals: Vec<Goal>,
}

/// What the user can do with a suggestion besides acting on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetAside {
    /// Not this week: it comes back at the top of next week's plan (a follow-up is snoozed to
    /// Monday morning).
    NextWeek,
    /// Not now: it leaves the plan and is not suggested again for four weeks.
    NotNow,
}

impl SetAside {
    fn as_str(self) -> &'static str {
        match self {
            SetAside::NextWeek => "next_week",
            SetAside::NotNow => "not_now",
        }
    }
}

impl Store {
    /// This week's plan: made the first time it is asked for in a week, then kept.
    pub fn weekly_plan(&self) -> Result<WeeklyPlan> {
        let (at, zone) = (self.now(), self.zone());
        let now = sources::Now {
            at,
            week: period::week_of(at, &zone),
            zone,
        };
        // Reach-outs are suggested only as many as the weekly goal still needs.
        let goals = self.goals()?;
        let reach_outs = match goals::weekly_reach_outs(&goals) {
            Some(goal) => (goal.count - goal.done.unwrap_or(0)).max(0) as usize,
            None => REACH_OUTS_WITHOUT_A_GOAL,
        };
        let (week, items) = self.write(|tx| {
            let week = kept::refresh(tx, &now, reach_outs)?;
            let items = kept::items(tx, &week, now.week.start)?;
            Ok((week, items))
        })?;
        Ok(WeeklyPlan { week, items, goals })
    }

    /// Sets a plan item aside (see [`SetAside`]); a follow-up put off to next week is snoozed to
    /// Monday morning. Returns the plan as it is then.
    pub fn set_plan_item_aside(&self, id: i64, how: SetAside) -> Result<WeeklyPlan> {
        let followup = self.write(|tx| kept::set_aside(tx, id, how))?;
        if let (SetAside::NextWeek, Some(followup)) = (how, followup) {
            if self.followup(followup)?.state == FollowupState::Pending {
                let until = Snooze::NextWeek.resolve(self.now(), &self.zone());
                self.snooze_followup(followup, until)?;
            }
        }
        self.weekly_plan()
    }
}
