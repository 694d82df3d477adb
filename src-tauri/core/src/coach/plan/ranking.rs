//! Which candidates make the week's plan, in what order. A career coach's order for a student
//! with little time: what is dated comes first (a birthday, an interview to prepare), then the
//! warmest reach-outs — a referral gathered, someone close who has not heard what you are
//! exploring, an introduction towards a target — then the people going cold, the closest first.
//! Reach-outs are suggested only as many as the weekly goal still needs; one message per person.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::{PlanKind, MOST_FOLLOW_UPS, MOST_SUGGESTED};
use crate::network::people::PersonRef;

/// Something the plan could suggest, as a source found it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub kind: PlanKind,
    /// What it is about, unique in a week: "followup:12", "air:3", "person:5:tell".
    pub subject: String,
    pub person: Option<PersonRef>,
    pub followup_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub why: String,
    pub due_at: Option<DateTime<Utc>>,
    /// How close the user is to the person, 0-5.
    pub strength: u8,
    /// How long it has waited beyond its time, in days (a keep-in-touch overdue): a little
    /// weight, so the longest out of touch come first among equals.
    pub days_late: i64,
    /// Set aside last week "for next week": it comes back first.
    pub carried: bool,
}

fn base(kind: PlanKind) -> i64 {
    match kind {
        PlanKind::FollowUp => 100,
        PlanKind::Birthday => 60,
        PlanKind::PrepareInterview => 58,
        PlanKind::Referral => 50,
        PlanKind::Reflect => 40,
        PlanKind::TellNaturalNetwork => 36,
        PlanKind::WarmIntro => 30,
        PlanKind::GoingCold => 20,
    }
}

/// A candidate's score: its kind, then how close the person is, then how late it is.
pub fn score(candidate: &Candidate) -> i64 {
    let carried = if candidate.carried { 1000 } else { 0 };
    carried
        + base(candidate.kind)
        + 4 * i64::from(candidate.strength)
        + (candidate.days_late / 30).min(10)
}

/// The plan's items, in order: the follow-ups due (earliest first, at most
/// [`MOST_FOLLOW_UPS`]), then at most [`MOST_SUGGESTED`] suggestions of which at most
/// `reach_outs` are reach-outs.
pub fn choose(candidates: Vec<Candidate>, reach_outs: usize) -> Vec<Candidate> {
    let (mut follow_ups, mut others): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .partition(|c| c.kind == PlanKind::FollowUp);
    follow_ups.sort_by(|a, b| {
        a.due_at
            .cmp(&b.due_at)
            .then_with(|| a.subject.cmp(&b.subject))
    });
    follow_ups.truncate(MOST_FOLLOW_UPS);
    others.sort_by(|a, b| {
        score(b)
            .cmp(&score(a))
            .then_with(|| a.subject.cmp(&b.subject))
    });

    let mut people: HashSet<i64> = follow_ups
        .iter()
        .filter_map(|c| c.person.as_ref().map(|p| p.id))
        .collect();
    let mut subjects: HashSet<String> = HashSet::new();
    let (mut suggested, mut reaching) = (Vec::new(), 0);
    for candidate in others {
        if suggested.len() == MOST_SUGGESTED {
            break;
        }
        if candidate.kind.is_reach_out() && reaching == reach_outs {
            continue;
        }
        // An interview to prepare or reflect on is about the meeting, not another message to
        // the person: it stands beside a thank-you to them.
        let about_meeting = matches!(
            candidate.kind,
            PlanKind::PrepareInterview | PlanKind::Reflect
        );
        let person = candidate
            .person
            .as_ref()
            .map(|p| p.id)
            .filter(|_| !about_meeting);
        if subjects.contains(&candidate.subject) || person.is_some_and(|id| people.contains(&id)) {
            continue;
        }
        subjects.insert(candidate.subject.clone());
        people.extend(person);
        reaching += usize::from(candidate.kind.is_reach_out());
        suggested.push(candidate);
    }
    follow_ups.extend(suggested);
    follow_ups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(kind: PlanKind, person: i64, strength: u8) -> Candidate {
        Candidate {
            kind,
            subject: format!("{}:{person}", kind.as_str()),
            person: Some(PersonRef {
                id: person,
                display_name: format!("P{person}"),
            }),
            followup_id: None,
            meeting_id: None,
            why: String::new(),
            due_at: None,
            strength,
            days_late: 0,
            carried: false,
        }
    }

    fn kinds(chosen: &[Candidate]) -> Vec<(PlanKind, i64)> {
        chosen
            .iter()
            .map(|c| (c.kind, c.person.as_ref().unwrap().id))
            .collect()
    }

    #[test]
    fn dated_things_come_before_reach_outs_and_the_closest_people_first() {
        let chosen = choose(
            vec![
                candidate(PlanKind::GoingCold, 1, 5),
                candidate(PlanKind::TellNaturalNetwork, 2, 4),
                candidate(PlanKind::Referral, 3, 2),
                candidate(PlanKind::Birthday, 4, 2),
                candidate(PlanKind::GoingCold, 5, 1),
            ],
            5,
        );
        assert_eq!(
            kinds(&chosen),
            vec![
                (PlanKind::Birthday, 4),
                (PlanKind::Referral, 3),
                (PlanKind::TellNaturalNetwork, 2),
                (PlanKind::GoingCold, 1),
                (PlanKind::GoingCold, 5),
            ]
        );
    }

    #[test]
    fn reach_outs_are_only_as_many_as_the_goal_still_needs() {
        let many: Vec<Candidate> = (1..=30)
            .map(|id| candidate(PlanKind::TellNaturalNetwork, id, 3))
            .collect();
        assert_eq!(choose(many.clone(), 4).len(), 4);
        assert_eq!(
            choose(many.clone(), 0).len(),
            0,
            "a goal already met asks for no more"
        );
        assert_eq!(
            choose(many, 50).len(),
            MOST_SUGGESTED,
            "never the whole network"
        );
    }

    #[test]
    fn follow_ups_due_come_first_and_do_not_count_against_the_suggestions() {
        let mut due = candidate(PlanKind::FollowUp, 9, 0);
        due.due_at = Some(
            DateTime::parse_from_rfc3339("2026-12-03T09:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
        );
        let mut candidates: Vec<Candidate> = (1..=12)
            .map(|id| candidate(PlanKind::Reflect, id, 3))
            .collect();
        candidates.push(due);
        let chosen = choose(candidates, 5);
        assert_eq!(chosen[0].kind, PlanKind::FollowUp);
        assert_eq!(chosen.len(), 1 + MOST_SUGGESTED);
    }

    #[test]
    fn one_item_per_person_the_most_pressing() {
        let chosen = choose(
            vec![
                candidate(PlanKind::GoingCold, 1, 3),
                candidate(PlanKind::Birthday, 1, 3),
            ],
            5,
        );
        assert_eq!(kinds(&chosen), vec![(PlanKind::Birthday, 1)]);
    }

    #[test]
    fn what_was_set_aside_for_next_week_comes_back_first() {
        let mut carried = candidate(PlanKind::GoingCold, 1, 0);
        carried.carried = true;
        let chosen = choose(vec![candidate(PlanKind::Birthday, 2, 5), carried], 5);
        assert_eq!(kinds(&chosen)[0], (PlanKind::GoingCold, 1));
    }

    #[test]
    fn among_people_going_cold_the_longest_out_of_touch_edges_ahead() {
        let mut long = candidate(PlanKind::GoingCold, 1, 3);
        long.days_late = 200;
        let recent = candidate(PlanKind::GoingCold, 2, 3);
        assert_eq!(
            kinds(&choose(vec![recent, long], 5))[0],
            (PlanKind::GoingCold, 1)
        );
    }
}
