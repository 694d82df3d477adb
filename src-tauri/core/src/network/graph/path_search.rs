//! The search for warm paths: backwards from the target, a level of ties at a time, expanding
//! only what could still beat the paths already found.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};

use super::explain::to_path;
use super::loaded::Graph;
use super::path::{PathTarget, WarmPath};
use super::ranking::{best, threshold, Candidate, Edge, HOP_FACTOR};
use super::who_you_know::people_at;
use crate::error::{Error, Result};
use crate::store::Store;

/// The longest warm path searched for: you, two introducers, the target.
pub const MAX_HOPS: u8 = 3;
/// The most paths one search returns.
pub const MAX_PATHS: usize = 200;

fn search(
    graph: &mut Graph,
    targets: &[i64],
    max_hops: u8,
    limit: usize,
) -> Result<Vec<Candidate>> {
    let now = graph.now;
    graph.load_nodes(targets.iter().copied())?;
    let targets: Vec<i64> = targets
        .iter()
        .copied()
        .filter(|t| graph.node(*t).is_some())
        .collect();
    let is_target: HashSet<i64> = targets.iter().copied().collect();
    let warmth = |graph: &Graph, id: i64| graph.node(id).map_or(0.0, |n| n.warmth(now));

    let mut candidates: Vec<Candidate> = targets
        .iter()
        .map(|&t| Candidate {
            people: vec![t],
            edges: vec![],
            score: warmth(graph, t),
        })
        .collect();

    // Two hops: you → n1 → t. A person already at the target is not a way in to it.
    if max_hops >= 2 && threshold(&candidates, limit) < HOP_FACTOR {
        graph.expand(&targets)?;
        let mut second = Vec::new();
        for &t in &targets {
            for &(n1, edge) in graph.ties(t) {
                if is_target.contains(&n1) {
                    continue;
                }
                second.push(Candidate {
                    people: vec![n1, t],
                    edges: vec![edge],
                    score: warmth(graph, n1) * edge.weight * HOP_FACTOR,
                });
            }
        }
        candidates.extend(second);
    }

    // Three hops: you → n2 → n1 → t, only through the n1 whose best case can still make the
    // list (every tie weighs at most 1).
    if max_hops >= 3 {
        let floor = threshold(&candidates, limit);
        let bound = HOP_FACTOR * HOP_FACTOR;
        let through: Vec<(i64, i64, Edge)> = candidates
            .iter()
            .filter(|c| c.people.len() == 2 && bound * c.edges[0].weight > floor)
            .map(|c| (c.people[0], c.people[1], c.edges[0]))
            .collect();
        let frontier: Vec<i64> = through.iter().map(|(n1, _, _)| *n1).collect();
        graph.expand(&frontier)?;
        let mut third = Vec::new();
        for (n1, t, last) in through {
            for &(n2, edge) in graph.ties(n1) {
                if is_target.contains(&n2) {
                    continue;
                }
                third.push(Candidate {
                    people: vec![n2, n1, t],
                    edges: vec![edge, last],
                    score: warmth(graph, n2) * edge.weight * last.weight * bound,
                });
            }
        }
        candidates.extend(third);
    }
    Ok(best(candidates, limit))
}

/// A person who exists and is not deleted: their name, whether they are you, whether archived.
pub(super) fn person_state(conn: &Connection, id: i64) -> Result<(String, bool, bool)> {
    conn.query_row(
        "SELECT display_name, is_me, archived_at IS NOT NULL FROM person
         WHERE id = ?1 AND deleted_at IS NULL",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| Error::not_found("person", format!("id {id}")))
}

impl Store {
    /// Warm-introduction paths from you to a person, or to anyone with a current role at an
    /// organization, of at most `max_hops` (1 to 3) people, best first (see the graph module's
    /// documentation for the ranking), each explained in words. At most one path is given per
    /// first person and target: the best.
    pub fn warm_paths(
        &self,
        target: PathTarget,
        max_hops: u8,
        limit: usize,
    ) -> Result<Vec<WarmPath>> {
        if !(1..=MAX_HOPS).contains(&max_hops) {
            return Err(Error::invalid(
                "maxHops",
                format!("A path has 1 to {MAX_HOPS} hops."),
            ));
        }
        if !(1..=MAX_PATHS).contains(&limit) {
            return Err(Error::invalid(
                "limit",
                format!("Ask for 1 to {MAX_PATHS} paths."),
            ));
        }
        let now = self.now();
        self.read(|conn| {
            let targets: Vec<i64> = match target {
                PathTarget::Person(id) => {
                    let (name, is_me, archived) = person_state(conn, id)?;
                    if is_me {
                        return Err(Error::invalid("target", "That is you: pick someone else."));
                    }
                    if archived {
                        return Err(Error::invalid(
                            "target",
                            format!("{name} is archived: restore them to look for a path."),
                        ));
                    }
                    vec![id]
                }
                PathTarget::Organization(id) => {
                    conn.query_row("SELECT id FROM organization WHERE id = ?1", [id], |r| {
                        r.get::<_, i64>(0)
                    })
                    .optional()?
                    .ok_or_else(|| Error::not_found("organization", format!("id {id}")))?;
                    people_at(conn, id)?.into_iter().map(|(id, _)| id).collect()
                }
            };
            let mut graph = Graph::new(conn, now)?;
            let found = search(&mut graph, &targets, max_hops, limit)?;
            debug_assert!(found.iter().all(|c| c.people.len() <= max_hops as usize));
            let shown: Vec<i64> = found
                .iter()
                .flat_map(|c| c.people.iter().copied())
                .collect();
            let roles = graph.roles(&shown)?;
            Ok(found
                .into_iter()
                .map(|c| to_path(&graph, &roles, c))
                .collect())
        })
    }
}
