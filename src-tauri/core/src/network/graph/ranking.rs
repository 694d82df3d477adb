//! Ranking: the weight of each tie, how warm your own tie to someone is (freshness,
//! keep-in-touch health and closeness), and the order of the paths found.

use std::cmp::Ordering;
use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::loaded::Node;
use super::path::Tie;
use crate::network::links::LinkKind;

/// Each hop after the first multiplies a path's score by this.
pub const HOP_FACTOR: f64 = 0.5;

const SHARED_INTERACTION_WEIGHT: f64 = 0.6;
/// Your tie to someone in your contacts with no link between you.
const CONTACT_WEIGHT: f64 = 0.7;
/// Freshness of your tie when no interaction is logged: with a link between you, and without.
const UNLOGGED_LINKED: f64 = 0.6;
const UNLOGGED_CONTACT: f64 = 0.35;
/// Freshness decays from 1 towards 0.4 with this half-life since the last interaction.
const FRESHNESS_HALF_LIFE_DAYS: f64 = 180.0;
/// A keep-in-touch that is overdue cools the tie by this factor.
const OVERDUE_FACTOR: f64 = 0.8;
/// How much closeness counts: a tie of strength 0 weighs this much of one of strength 5.
const WEAKEST_CLOSENESS: f64 = 0.6;

/// How closeness (0-5) weighs on your tie: from [`WEAKEST_CLOSENESS`] at 0 to 1 at 5.
pub fn closeness(strength: u8) -> f64 {
    WEAKEST_CLOSENESS + (1.0 - WEAKEST_CLOSENESS) * f64::from(strength.min(5)) / 5.0
}

/// How much a link kind counts towards a warm path (1.0 the strongest).
pub fn link_weight(kind: LinkKind) -> f64 {
    match kind {
        LinkKind::Mentor => 1.0,
        LinkKind::Family => 0.95,
        LinkKind::Colleague => 0.9,
        LinkKind::IntroducedBy | LinkKind::ReferredBy => 0.85,
        LinkKind::Knows => 0.7,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Edge {
    pub(super) tie: Tie,
    pub(super) kind: Option<LinkKind>,
    pub(super) weight: f64,
}

impl Edge {
    pub(super) fn link(kind: LinkKind) -> Edge {
        Edge {
            tie: Tie::Link,
            kind: Some(kind),
            weight: link_weight(kind),
        }
    }

    pub(super) const SHARED: Edge = Edge {
        tie: Tie::SharedInteraction,
        kind: None,
        weight: SHARED_INTERACTION_WEIGHT,
    };

    /// The stronger of two ties, the same whichever order they come in.
    pub(super) fn stronger(self, other: Edge) -> Edge {
        let key = |e: &Edge| (e.weight, e.kind.map(LinkKind::as_str));
        match key(&self).partial_cmp(&key(&other)) {
            Some(Ordering::Less) => other,
            _ => self,
        }
    }
}

impl Node {
    pub(super) fn days_since(&self, now: DateTime<Utc>) -> Option<i64> {
        self.last_interaction
            .map(|last| (now - last).num_days().max(0))
    }

    pub(super) fn overdue(&self, now: DateTime<Utc>) -> bool {
        match (self.cadence_days, self.days_since(now)) {
            (Some(cadence), Some(days)) => days > cadence,
            _ => false,
        }
    }

    pub(super) fn my_tie(&self) -> Edge {
        match self.my_link {
            Some(kind) => Edge::link(kind),
            None => Edge {
                tie: Tie::Contact,
                kind: None,
                weight: CONTACT_WEIGHT,
            },
        }
    }

    /// How warm your own tie to them is, in (0, 1]: the tie's kind, how recently you spoke,
    /// whether keep-in-touch is overdue, and how close you are.
    pub(super) fn warmth(&self, now: DateTime<Utc>) -> f64 {
        let freshness = match (self.days_since(now), self.my_link) {
            (Some(days), _) => 0.4 + 0.6 * 0.5_f64.powf(days as f64 / FRESHNESS_HALF_LIFE_DAYS),
            (None, Some(_)) => UNLOGGED_LINKED,
            (None, None) => UNLOGGED_CONTACT,
        };
        let health = if self.overdue(now) {
            OVERDUE_FACTOR
        } else {
            1.0
        };
        self.my_tie().weight * freshness * health * closeness(self.strength)
    }
}

/// A path found, from the first person to the target: `edges[i]` ties `people[i]` to
/// `people[i + 1]`.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) people: Vec<i64>,
    pub(super) edges: Vec<Edge>,
    pub(super) score: f64,
}

/// Best first: higher score, then fewer hops, then by ids for a stable order.
fn rank(a: &Candidate, b: &Candidate) -> Ordering {
    b.score
        .partial_cmp(&a.score)
        .unwrap_or(Ordering::Equal)
        .then(a.people.len().cmp(&b.people.len()))
        .then_with(|| a.people.cmp(&b.people))
}

/// A path's first person and target: of paths sharing them only the best is kept.
fn route_key(candidate: &Candidate) -> (i64, i64) {
    let last = candidate.people.last().expect("a path has a target");
    (candidate.people[0], *last)
}

/// Keeps the best path per first person and target, and at most `limit` of them, best first.
pub(super) fn best(mut candidates: Vec<Candidate>, limit: usize) -> Vec<Candidate> {
    candidates.sort_by(rank);
    let mut seen = HashSet::new();
    candidates
        .into_iter()
        .filter(|c| seen.insert(route_key(c)))
        .take(limit)
        .collect()
}

/// The score of the `limit`-th best path so far (0 while there are fewer): a branch that cannot
/// beat it is not read.
pub(super) fn threshold(candidates: &[Candidate], limit: usize) -> f64 {
    let mut sorted: Vec<&Candidate> = candidates.iter().collect();
    sorted.sort_by(|a, b| rank(a, b));
    let mut seen = HashSet::new();
    sorted
        .into_iter()
        .filter(|c| seen.insert(route_key(c)))
        .nth(limit - 1)
        .map_or(0.0, |c| c.score)
}
