//! A found path in words and steps: each person with their organization and title, how they
//! are tied to the one before, and how close you are to the first and when you last spoke.

use chrono::{DateTime, Utc};

use super::loaded::{Graph, Node, Roles};
use super::path::{PathStep, Tie, WarmPath};
use super::ranking::{Candidate, Edge};
use crate::network::links::LinkKind;
use crate::network::strength;

fn link_label(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::IntroducedBy => "introduction",
        LinkKind::ReferredBy => "referral",
        LinkKind::Knows => "knows",
        LinkKind::Mentor => "mentor",
        LinkKind::Family => "family",
        LinkKind::Colleague => "colleague",
    }
}

impl Edge {
    fn label(&self) -> &'static str {
        match (self.tie, self.kind) {
            (Tie::Link, Some(kind)) => link_label(kind),
            (Tie::SharedInteraction, _) => "met together",
            _ => "in your contacts",
        }
    }
}

fn describe_recency(node: &Node, now: DateTime<Utc>) -> String {
    let mut text = match node.days_since(now) {
        None => "no interaction logged".to_string(),
        Some(0) => "last spoke today".to_string(),
        Some(1) => "last spoke yesterday".to_string(),
        Some(days) => format!("last spoke {days} days ago"),
    };
    if node.overdue(now) {
        text.push_str(", keep-in-touch overdue");
    }
    text
}

pub(super) fn to_path(graph: &Graph, roles: &Roles, candidate: Candidate) -> WarmPath {
    let now = graph.now;
    let role = |id: i64| roles.get(&id).cloned().unwrap_or_default();
    let node = |id: i64| graph.node(id).expect("paths only hold nodes");
    let first = node(candidate.people[0]);
    let ties: Vec<Edge> = std::iter::once(first.my_tie())
        .chain(candidate.edges.iter().copied())
        .collect();
    let mut explanation = String::from("You");
    let mut steps = Vec::with_capacity(candidate.people.len());
    for (i, (&id, tie)) in candidate.people.iter().zip(&ties).enumerate() {
        let n = node(id);
        explanation.push_str(" → ");
        explanation.push_str(&n.name);
        if i == 0 {
            explanation.push_str(&format!(
                " ({}, {}, {})",
                tie.label(),
                strength::words(n.strength),
                describe_recency(n, now)
            ));
        } else {
            explanation.push_str(&format!(" ({})", tie.label()));
        }
        let (organization, title) = role(id);
        steps.push(PathStep {
            person: n.person_ref(id),
            tie: tie.tie,
            link_kind: tie.kind,
            organization,
            title,
            last_interaction_at: n.last_interaction,
            keep_in_touch_overdue: n.overdue(now),
        });
    }
    if let Some(organization) = &steps.last().expect("a path has a target").organization {
        explanation.push_str(" at ");
        explanation.push_str(organization);
    }
    WarmPath {
        hops: steps.len(),
        steps,
        score: candidate.score,
        explanation,
    }
}
