//! The graph as read from the store: its nodes (people neither deleted nor archived) and the
//! ties between them, read a frontier at a time, never the whole graph.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::ranking::Edge;
use crate::error::Result;
use crate::network::links::LinkKind;
use crate::network::people::PersonRef;
use crate::network::strength::{self, CADENCE_SQL};
use crate::store::columns::text_enum;
use crate::store::time::{from_db, to_db};

/// A node as the search needs it.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) name: String,
    pub(super) cadence_days: Option<i64>,
    pub(super) last_interaction: Option<DateTime<Utc>>,
    /// The strongest link between you and them.
    pub(super) my_link: Option<LinkKind>,
    /// How close you are, 0-5 (see `network::strength`).
    pub(super) strength: u8,
}

impl Node {
    pub(super) fn person_ref(&self, id: i64) -> PersonRef {
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
pub(super) type Roles = HashMap<i64, (Option<String>, Option<String>)>;

/// The part of the graph read so far, loaded a frontier at a time.
pub(super) struct Graph<'c> {
    conn: &'c Connection,
    me: i64,
    pub(super) now: DateTime<Utc>,
    /// None: deleted, archived or you, so not a node.
    nodes: HashMap<i64, Option<Node>>,
    /// Ties of the expanded nodes to other nodes, strongest per neighbour, by neighbour id.
    ties: HashMap<i64, Vec<(i64, Edge)>>,
    /// The strongest link between you and each person you are linked to.
    my_links: HashMap<i64, LinkKind>,
}

impl<'c> Graph<'c> {
    pub(super) fn new(conn: &'c Connection, now: DateTime<Utc>) -> Result<Graph<'c>> {
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

    pub(super) fn node(&self, id: i64) -> Option<&Node> {
        self.nodes.get(&id).and_then(Option::as_ref)
    }

    /// Reads the people among `ids` not read yet.
    pub(super) fn load_nodes(&mut self, ids: impl IntoIterator<Item = i64>) -> Result<()> {
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
        let mut people = self.conn.prepare_cached(&format!(
            "SELECT p.id, p.display_name, {CADENCE_SQL},
                    (SELECT max(i.occurred_at) FROM interaction_participant ip
                     JOIN interaction i ON i.id = ip.interaction_id
                     WHERE ip.person_id = p.id AND i.occurred_at <= ?2),
                    p.strength, c.name,
                    (SELECT count(*) FROM interaction_participant ip WHERE ip.person_id = p.id)
             FROM json_each(?1) j
             CROSS JOIN person p ON p.id = j.value
             LEFT JOIN circle c ON c.id = p.circle_id
             WHERE p.deleted_at IS NULL AND p.archived_at IS NULL AND p.is_me = 0"
        ))?;
        let rows = people.query_map(params![list, to_db(self.now)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<u8>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        for row in rows {
            let (id, name, cadence_days, last, set, circle, interactions) = row?;
            let last_interaction = last.as_deref().map(from_db).transpose()?;
            self.nodes.insert(
                id,
                Some(Node {
                    name,
                    cadence_days,
                    last_interaction,
                    my_link: self.my_links.get(&id).copied(),
                    strength: set
                        .unwrap_or_else(|| strength::default_for(circle.as_deref(), interactions)),
                }),
            );
        }
        Ok(())
    }

    /// The current organization and title of each of `ids` (only read for what is shown).
    pub(super) fn roles(&self, ids: &[i64]) -> Result<Roles> {
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
    pub(super) fn expand(&mut self, ids: &[i64]) -> Result<()> {
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

    pub(super) fn ties(&self, id: i64) -> &[(i64, Edge)] {
        self.ties.get(&id).map_or(&[], Vec::as_slice)
    }
}
