//! The contact graph: who you know at an organization, the mutual contacts of two people, and
//! warm-introduction paths from you to a person or an organization.
//!
//! ## The graph
//! - **Nodes** are people who are neither deleted nor archived; you are the root.
//! - **Ties between two other people** (undirected): a `link` row of any kind, either way, or
//!   having shared an interaction (both were participants of one logged interaction). Of several
//!   ties between the same two people the strongest counts.
//! - **Your ties**: everyone in the store is one of your contacts, so there is a tie from you to
//!   every node. How warm it is depends on the relationship: the strongest link between you and
//!   them (otherwise "contact"), how recently you last had an interaction with them, and whether
//!   that is still within their keep-in-touch cadence (their own, or their circle's).
//!
//! ## Ranking a path
//! `score = warmth(you → first person) × weight(tie) × … × HOP_FACTOR^(hops − 1)`.
//! Tie weights run from 0.6 (shared interaction) to 1.0 (mentor), and each extra hop halves the
//! score, so of two paths whose first person is as warm, the shorter always ranks first; a
//! shorter path loses only when its first person is much colder (someone you have never spoken
//! to ranks below a recent contact who can introduce you).
//!
//! ## Searching
//! Paths are searched backwards from the target over at most `max_hops − 1` ties (your tie to
//! the first person closes every path). Each level is one batch of indexed SQL lookups for the
//! whole frontier, and a level is only expanded where it could still beat the paths already
//! found, so a search reads the target's neighbourhood, never the whole graph.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::links::LinkKind;
use crate::network::people::PersonRef;
use crate::store::columns::text_enum;
use crate::store::time::{from_db, to_db};
use crate::store::Store;

/// The longest warm path searched for: you, two introducers, the target.
pub const MAX_HOPS: u8 = 3;
/// Each hop after the first multiplies a path's score by this.
pub const HOP_FACTOR: f64 = 0.5;
/// The most paths one search returns.
pub const MAX_PATHS: usize = 200;

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

/// How two people in a path are tied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tie {
    /// A link; its kind is given beside.
    Link,
    /// They took part in the same logged interaction.
    SharedInteraction,
    /// Your tie to someone in your contacts with no link between you.
    Contact,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRef {
    pub id: i64,
    pub name: String,
}

/// Someone with a current role at the organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KnownAt {
    pub person: PersonRef,
    pub title: Option<String>,
}

/// Someone at the organization, and a person you know who is tied to them and could introduce
/// you.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IntroductionAt {
    pub person: PersonRef,
    pub title: Option<String>,
    pub via: PersonRef,
    pub tie: Tie,
    pub link_kind: Option<LinkKind>,
}

/// "Who do I know at ORG".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WhoAtOrganization {
    pub organization: OrganizationRef,
    /// Everyone (but you) with a current role there, by name.
    pub direct: Vec<KnownAt>,
    /// For each of them, who else you know is tied to them (a link either way, or a shared
    /// interaction): by the person at the organization, then the strongest tie first.
    pub through_one: Vec<IntroductionAt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "camelCase")]
pub enum PathTarget {
    Person(i64),
    /// Anyone with a current role there.
    Organization(i64),
}

/// One person along a path, and how they are tied to the one before (you, for the first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PathStep {
    pub person: PersonRef,
    pub tie: Tie,
    pub link_kind: Option<LinkKind>,
    /// Their current organization and title.
    pub organization: Option<String>,
    pub title: Option<String>,
    /// Your last interaction with them.
    pub last_interaction_at: Option<DateTime<Utc>>,
    pub keep_in_touch_overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WarmPath {
    /// From the person you would contact first to the target; you are left implicit.
    pub steps: Vec<PathStep>,
    pub hops: usize,
    pub score: f64,
    /// The path in words: "You → Ada Lovelace (mentor, last spoke 12 days ago) → Charles
    /// Babbage (colleague) at Analytical Engines".
    pub explanation: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Edge {
    tie: Tie,
    kind: Option<LinkKind>,
    weight: f64,
}

impl Edge {
    fn link(kind: LinkKind) -> Edge {
        Edge {
            tie: Tie::Link,
            kind: Some(kind),
            weight: link_weight(kind),
        }
    }

    const SHARED: Edge = Edge {
        tie: Tie::SharedInteraction,
        kind: None,
        weight: SHARED_INTERACTION_WEIGHT,
    };

    /// The stronger of two ties, the same whichever order they come in.
    fn stronger(self, other: Edge) -> Edge {
        let key = |e: &Edge| (e.weight, e.kind.map(LinkKind::as_str));
        match key(&self).partial_cmp(&key(&other)) {
            Some(Ordering::Less) => other,
            _ => self,
        }
    }

    fn label(&self) -> &'static str {
        match (self.tie, self.kind) {
            (Tie::Link, Some(kind)) => link_label(kind),
            (Tie::SharedInteraction, _) => "met together",
            _ => "in your contacts",
        }
    }
}

/// A node as the search needs it.
#[derive(Debug, Clone)]
struct Node {
    name: String,
    cadence_days: Option<i64>,
    last_interaction: Option<DateTime<Utc>>,
    /// The strongest link between you and them.
    my_link: Option<LinkKind>,
}

impl Node {
    fn days_since(&self, now: DateTime<Utc>) -> Option<i64> {
        self.last_interaction
            .map(|last| (now - last).num_days().max(0))
    }

    fn overdue(&self, now: DateTime<Utc>) -> bool {
        match (self.cadence_days, self.days_since(now)) {
            (Some(cadence), Some(days)) => days > cadence,
            _ => false,
        }
    }

    fn my_tie(&self) -> Edge {
        match self.my_link {
            Some(kind) => Edge::link(kind),
            None => Edge {
                tie: Tie::Contact,
                kind: None,
                weight: CONTACT_WEIGHT,
            },
        }
    }

    /// How warm your own tie to them is, in (0, 1].
    fn warmth(&self, now: DateTime<Utc>) -> f64 {
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
        self.my_tie().weight * freshness * health
    }

    fn person_ref(&self, id: i64) -> PersonRef {
        PersonRef {
            id,
            display_name: self.name.clone(),
        }
    }
}

/// Ids as a JSON array, for `json_each(?)`: one cached statement whatever the frontier's size.
fn id_list(ids: &[i64]) -> String {
    let mut text = String::with_capacity(ids.len() * 7 + 2);
    text.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&id.to_string());
    }
    text.push(']');
    text
}

/// Current organization and title, by person.
type Roles = HashMap<i64, (Option<String>, Option<String>)>;

/// The part of the graph read so far, loaded a frontier at a time.
struct Graph<'c> {
    conn: &'c Connection,
    me: i64,
    now: DateTime<Utc>,
    /// None: deleted, archived or you, so not a node.
    nodes: HashMap<i64, Option<Node>>,
    /// Ties of the expanded nodes to other nodes, strongest per neighbour, by neighbour id.
    ties: HashMap<i64, Vec<(i64, Edge)>>,
    /// The strongest link between you and each person you are linked to.
    my_links: HashMap<i64, LinkKind>,
}

impl<'c> Graph<'c> {
    fn new(conn: &'c Connection, now: DateTime<Utc>) -> Result<Graph<'c>> {
        let me = conn.query_row("SELECT id FROM person WHERE is_me = 1", [], |r| r.get(0))?;
        // Read once: your own links are far fewer than the links of the people a search visits.
        let mut statement = conn.prepare_cached(
            "SELECT to_person_id, kind FROM link WHERE from_person_id = ?1
             UNION ALL
             SELECT from_person_id, kind FROM link WHERE to_person_id = ?1",
        )?;
        let rows = statement.query_map([me], |r| {
            Ok((r.get::<_, i64>(0)?, text_enum::<LinkKind>(r.get(1)?, 1)?))
        })?;
        let mut my_links: HashMap<i64, LinkKind> = HashMap::new();
        for row in rows {
            let (id, kind) = row?;
            let best = my_links.get(&id).map_or(kind, |&old| {
                let stronger = Edge::link(old).stronger(Edge::link(kind));
                stronger.kind.expect("a link has a kind")
            });
            my_links.insert(id, best);
        }
        Ok(Graph {
            conn,
            me,
            now,
            nodes: HashMap::new(),
            ties: HashMap::new(),
            my_links,
        })
    }

    fn node(&self, id: i64) -> Option<&Node> {
        self.nodes.get(&id).and_then(Option::as_ref)
    }

    /// Reads the people among `ids` not read yet.
    fn load_nodes(&mut self, ids: impl IntoIterator<Item = i64>) -> Result<()> {
        let mut wanted: Vec<i64> = ids
            .into_iter()
            .filter(|id| !self.nodes.contains_key(id))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return Ok(());
        }
        let list = id_list(&wanted);
        for id in &wanted {
            self.nodes.insert(*id, None);
        }
        let mut people = self.conn.prepare_cached(
            "SELECT p.id, p.display_name, coalesce(p.cadence_days, c.cadence_days),
                    (SELECT max(i.occurred_at) FROM interaction_participant ip
                     JOIN interaction i ON i.id = ip.interaction_id
                     WHERE ip.person_id = p.id AND i.occurred_at <= ?2)
             FROM json_each(?1) j
             CROSS JOIN person p ON p.id = j.value
             LEFT JOIN circle c ON c.id = p.circle_id
             WHERE p.deleted_at IS NULL AND p.archived_at IS NULL AND p.is_me = 0",
        )?;
        let rows = people.query_map(params![list, to_db(self.now)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (id, name, cadence_days, last) = row?;
            let last_interaction = last.as_deref().map(from_db).transpose()?;
            self.nodes.insert(
                id,
                Some(Node {
                    name,
                    cadence_days,
                    last_interaction,
                    my_link: self.my_links.get(&id).copied(),
                }),
            );
        }
        Ok(())
    }

    /// The current organization and title of each of `ids` (only read for what is shown).
    fn roles(&self, ids: &[i64]) -> Result<Roles> {
        let mut statement = self.conn.prepare_cached(
            "SELECT j.value, o.name, r.title FROM json_each(?1) j
             CROSS JOIN role r ON r.id =
                 (SELECT max(id) FROM role WHERE person_id = j.value AND ended_on IS NULL)
             JOIN organization o ON o.id = r.organization_id",
        )?;
        let rows = statement.query_map([id_list(ids)], |r| {
            Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }

    /// Reads the ties of the nodes among `ids` not expanded yet, and the people they lead to.
    fn expand(&mut self, ids: &[i64]) -> Result<()> {
        let mut wanted: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| !self.ties.contains_key(id))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return Ok(());
        }
        let list = id_list(&wanted);
        let mut found: HashMap<i64, HashMap<i64, Edge>> =
            wanted.iter().map(|id| (*id, HashMap::new())).collect();
        let mut add = |from: i64, to: i64, edge: Edge| {
            if from == to {
                return;
            }
            let ties = found.entry(from).or_default();
            let best = ties.get(&to).map_or(edge, |old| old.stronger(edge));
            ties.insert(to, best);
        };
        let mut links = self.conn.prepare_cached(
            "SELECT j.value, l.to_person_id, l.kind FROM json_each(?1) j
             CROSS JOIN link l ON l.from_person_id = j.value
             UNION ALL
             SELECT j.value, l.from_person_id, l.kind FROM json_each(?1) j
             CROSS JOIN link l ON l.to_person_id = j.value",
        )?;
        let rows = links.query_map([&list], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                text_enum::<LinkKind>(r.get(2)?, 2)?,
            ))
        })?;
        for row in rows {
            let (from, to, kind) = row?;
            add(from, to, Edge::link(kind));
        }
        let mut shared = self.conn.prepare_cached(
            "SELECT DISTINCT j.value, other.person_id FROM json_each(?1) j
             CROSS JOIN interaction_participant ip ON ip.person_id = j.value
             CROSS JOIN interaction_participant other ON other.interaction_id = ip.interaction_id
             WHERE other.person_id <> ip.person_id",
        )?;
        let rows = shared.query_map([&list], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (from, to) = row?;
            add(from, to, Edge::SHARED);
        }
        self.load_nodes(found.values().flat_map(|ties| ties.keys().copied()))?;
        for (id, ties) in found {
            let mut ties: Vec<(i64, Edge)> = ties
                .into_iter()
                .filter(|(other, _)| *other != self.me && self.node(*other).is_some())
                .collect();
            ties.sort_unstable_by_key(|(other, _)| *other);
            self.ties.insert(id, ties);
        }
        Ok(())
    }

    fn ties(&self, id: i64) -> &[(i64, Edge)] {
        self.ties.get(&id).map_or(&[], Vec::as_slice)
    }
}

/// A path found, from the first person to the target: `edges[i]` ties `people[i]` to
/// `people[i + 1]`.
#[derive(Debug, Clone)]
struct Candidate {
    people: Vec<i64>,
    edges: Vec<Edge>,
    score: f64,
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
fn best(mut candidates: Vec<Candidate>, limit: usize) -> Vec<Candidate> {
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
fn threshold(candidates: &[Candidate], limit: usize) -> f64 {
    let mut sorted: Vec<&Candidate> = candidates.iter().collect();
    sorted.sort_by(|a, b| rank(a, b));
    let mut seen = HashSet::new();
    sorted
        .into_iter()
        .filter(|c| seen.insert(route_key(c)))
        .nth(limit - 1)
        .map_or(0.0, |c| c.score)
}

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

fn to_path(graph: &Graph, roles: &Roles, candidate: Candidate) -> WarmPath {
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
            explanation.push_str(&format!(" ({}, {})", tie.label(), describe_recency(n, now)));
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

fn organization_by_name_or_id(conn: &Connection, name_or_id: &str) -> Result<OrganizationRef> {
    let text = name_or_id.trim();
    if text.is_empty() {
        return Err(Error::invalid("organization", "Name an organization."));
    }
    let row = |r: &rusqlite::Row| {
        Ok(OrganizationRef {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    };
    let by_id = match text.trim_start_matches('#').parse::<i64>() {
        Ok(id) => conn
            .query_row("SELECT id, name FROM organization WHERE id = ?1", [id], row)
            .optional()?,
        Err(_) => None,
    };
    if let Some(found) = by_id {
        return Ok(found);
    }
    conn.query_row(
        "SELECT id, name FROM organization WHERE name = ?1",
        [text],
        row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found("organization", format!("name “{text}”")))
}

/// People (not you, not deleted, not archived) with a current role at the organization.
fn people_at(conn: &Connection, organization_id: i64) -> Result<Vec<(i64, KnownAt)>> {
    let mut statement = conn.prepare_cached(
        "SELECT p.id, p.display_name, r.title FROM role r
         JOIN person p ON p.id = r.person_id
         WHERE r.organization_id = ?1 AND r.ended_on IS NULL
           AND r.id = (SELECT max(id) FROM role WHERE person_id = p.id AND ended_on IS NULL)
           AND p.deleted_at IS NULL AND p.archived_at IS NULL AND p.is_me = 0
         ORDER BY p.display_name COLLATE NOCASE, p.id",
    )?;
    let rows = statement.query_map([organization_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            KnownAt {
                person: PersonRef {
                    id: r.get(0)?,
                    display_name: r.get(1)?,
                },
                title: r.get(2)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A person who exists and is not deleted: their name, whether they are you, whether archived.
fn person_state(conn: &Connection, id: i64) -> Result<(String, bool, bool)> {
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
    /// Resolves an organization typed by name (ignoring case) or id (`12`, `#12`).
    pub fn find_organization(&self, name_or_id: &str) -> Result<OrganizationRef> {
        self.read(|conn| organization_by_name_or_id(conn, name_or_id))
    }

    /// Resolves what was typed to name the target of a warm path: an organization with exactly
    /// that name, otherwise a person as [`Store::find_person`] finds them.
    pub fn path_target(&self, name_or_org: &str) -> Result<PathTarget> {
        let text = name_or_org.trim();
        let organization: Option<i64> = self.read(|conn| {
            Ok(conn
                .query_row("SELECT id FROM organization WHERE name = ?1", [text], |r| {
                    r.get(0)
                })
                .optional()?)
        })?;
        match organization {
            Some(id) => Ok(PathTarget::Organization(id)),
            None => Ok(PathTarget::Person(self.find_person(text)?.id)),
        }
    }

    /// Who you know at an organization: everyone with a current role there, and for each of
    /// them who else you know could introduce you.
    pub fn who_do_i_know_at(&self, organization: &str) -> Result<WhoAtOrganization> {
        let now = self.now();
        self.read(|conn| {
            let organization = organization_by_name_or_id(conn, organization)?;
            let direct = people_at(conn, organization.id)?;
            let mut graph = Graph::new(conn, now)?;
            let ids: Vec<i64> = direct.iter().map(|(id, _)| *id).collect();
            graph.load_nodes(ids.iter().copied())?;
            graph.expand(&ids)?;
            let mut through_one = Vec::new();
            for (id, known) in &direct {
                let mut vias: Vec<(i64, Edge)> = graph.ties(*id).to_vec();
                vias.sort_by(|(a, ea), (b, eb)| {
                    eb.weight
                        .partial_cmp(&ea.weight)
                        .unwrap_or(Ordering::Equal)
                        .then_with(|| {
                            let name = |id: &i64| graph.node(*id).map(|n| n.name.to_lowercase());
                            name(a).cmp(&name(b))
                        })
                        .then(a.cmp(b))
                });
                for (via, edge) in vias {
                    let node = graph.node(via).expect("ties lead to nodes");
                    through_one.push(IntroductionAt {
                        person: known.person.clone(),
                        title: known.title.clone(),
                        via: node.person_ref(via),
                        tie: edge.tie,
                        link_kind: edge.kind,
                    });
                }
            }
            Ok(WhoAtOrganization {
                organization,
                direct: direct.into_iter().map(|(_, known)| known).collect(),
                through_one,
            })
        })
    }

    /// People tied to both `a` and `b` (a link of any kind either way, or a shared
    /// interaction), by name. You, and archived or deleted people, are left out.
    pub fn mutual_contacts(&self, a: i64, b: i64) -> Result<Vec<PersonRef>> {
        if a == b {
            return Err(Error::invalid("personId", "Pick two different people."));
        }
        let now = self.now();
        self.read(|conn| {
            person_state(conn, a)?;
            person_state(conn, b)?;
            let mut graph = Graph::new(conn, now)?;
            graph.expand(&[a, b])?;
            let of_b: HashSet<i64> = graph.ties(b).iter().map(|(id, _)| *id).collect();
            let mut mutual: Vec<PersonRef> = graph
                .ties(a)
                .iter()
                .filter(|(id, _)| of_b.contains(id) && *id != a && *id != b)
                .filter_map(|(id, _)| graph.node(*id).map(|n| n.person_ref(*id)))
                .collect();
            mutual.sort_by(|x, y| {
                x.display_name
                    .to_lowercase()
                    .cmp(&y.display_name.to_lowercase())
                    .then(x.id.cmp(&y.id))
            });
            Ok(mutual)
        })
    }

    /// Warm-introduction paths from you to a person, or to anyone with a current role at an
    /// organization, of at most `max_hops` (1 to 3) people, best first (see the module's
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
