//! One person's corner of the network, two hops out: the people linked to them, where they
//! work, and who is one more link or one shared organization away; with you, where warm paths
//! start. Bounded, so that it stays readable in a network of any size.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Connection};

use crate::error::{Error, Result};
use crate::network::map::{EdgeKind, MapEdge, MapNode, NetworkMap, NodeKind};
use crate::store::columns::text_enum;
use crate::store::Store;

/// At most this many people one link away, and this many more two hops away.
pub const FIRST_HOP: usize = 40;
pub const SECOND_HOP: usize = 40;
/// At most this many colleagues at each of the person's organizations.
pub const COLLEAGUES: usize = 8;

fn id_list(ids: impl IntoIterator<Item = i64>) -> String {
    serde_json::to_string(&ids.into_iter().collect::<Vec<_>>()).expect("ids serialize")
}

/// The links touching any of `ids`: (from, to, kind), oldest first.
fn links_of(conn: &Connection, ids: &BTreeSet<i64>) -> Result<Vec<(i64, i64, String)>> {
    let mut statement = conn.prepare_cached(
        "SELECT from_person_id, to_person_id, kind FROM link
         WHERE from_person_id IN (SELECT value FROM json_each(?1))
            OR to_person_id IN (SELECT value FROM json_each(?1))
         ORDER BY id",
    )?;
    let rows = statement.query_map(params![id_list(ids.iter().copied())], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Names of the people among `ids` who are shown (not deleted, archived or you).
fn live_names(conn: &Connection, ids: &BTreeSet<i64>) -> Result<BTreeMap<i64, String>> {
    let mut statement = conn.prepare_cached(
        "SELECT p.id, p.display_name FROM json_each(?1) j CROSS JOIN person p ON p.id = j.value
         WHERE p.is_me = 0 AND p.deleted_at IS NULL AND p.archived_at IS NULL",
    )?;
    let rows = statement.query_map(params![id_list(ids.iter().copied())], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The current organizations of `ids`: (person, organization, name).
fn organizations_of(conn: &Connection, ids: &BTreeSet<i64>) -> Result<Vec<(i64, i64, String)>> {
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT r.person_id, o.id, o.name FROM json_each(?1) j
         CROSS JOIN role r ON r.person_id = j.value
         JOIN organization o ON o.id = r.organization_id WHERE r.ended_on IS NULL",
    )?;
    let rows = statement.query_map(params![id_list(ids.iter().copied())], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds the other ends of `links` (from the people in `from`) to `reached`, up to `room` new
/// ones, each remembered with who reached them.
fn reach(
    links: &[(i64, i64, String)],
    from: &BTreeSet<i64>,
    me: i64,
    reached: &mut BTreeMap<i64, i64>,
    room: usize,
) -> Vec<i64> {
    let mut new = Vec::new();
    for (a, b, _) in links {
        for (near, far) in [(a, b), (b, a)] {
            if new.len() < room && from.contains(near) && *far != me && !reached.contains_key(far) {
                reached.insert(*far, *near);
                new.push(*far);
            }
        }
    }
    new
}

impl Store {
    /// `person_id`'s neighbourhood as a map: the person (its `focus`), you, their links and
    /// organizations, and the people two hops away (each node's `parent` is whom it was reached
    /// through). Edges are every link between the people shown, and where they work.
    pub fn person_neighbourhood(&self, person_id: i64) -> Result<NetworkMap> {
        self.read(|conn| {
            let me: i64 =
                conn.query_row("SELECT id FROM person WHERE is_me = 1", [], |r| r.get(0))?;
            let focus = BTreeSet::from([person_id]);
            let name = live_names(conn, &focus)?
                .remove(&person_id)
                .ok_or_else(|| Error::not_found("person", person_id))?;
            // Who reached whom: person → the person (or organization's person) before them.
            let mut reached: BTreeMap<i64, i64> = BTreeMap::from([(person_id, person_id)]);
            let first_links = links_of(conn, &focus)?;
            let mut first: Vec<i64> = reach(&first_links, &focus, me, &mut reached, FIRST_HOP);
            let mut names = live_names(conn, &first.iter().copied().collect())?;
            first.retain(|id| names.contains_key(id));
            reached.retain(|id, _| *id == person_id || names.contains_key(id));
            let first_set: BTreeSet<i64> = first.iter().copied().collect();

            // Two hops: a link from someone one link away, or a colleague at their organization.
            let organizations = organizations_of(conn, &focus)?;
            let mut second: Vec<i64> = Vec::new();
            let mut colleagues = conn.prepare_cached(
                "SELECT r.person_id FROM role r WHERE r.organization_id = ?1 AND r.ended_on IS NULL
                 AND r.person_id <> ?2 ORDER BY r.person_id LIMIT ?3",
            )?;
            let mut colleague_of: Vec<(i64, i64)> = Vec::new();
            for (_, organization, _) in &organizations {
                // One query per organization of this one person (a handful), bounded.
                let ids: Vec<i64> = colleagues
                    .query_map(
                        params![organization, person_id, COLLEAGUES as i64 * 2],
                        |r| r.get(0),
                    )?
                    .collect::<rusqlite::Result<_>>()?;
                colleague_of.extend(ids.into_iter().map(|id| (id, *organization)));
            }
            let second_links = links_of(conn, &first_set)?;
            let candidates = reach(&second_links, &first_set, me, &mut reached, SECOND_HOP * 2);
            let mut more = live_names(
                conn,
                &candidates
                    .iter()
                    .chain(colleague_of.iter().map(|c| &c.0))
                    .copied()
                    .collect(),
            )?;
            let mut per_organization: BTreeMap<i64, usize> = BTreeMap::new();
            let mut by_organization: BTreeMap<i64, i64> = BTreeMap::new();
            for (id, organization) in &colleague_of {
                let count = per_organization.entry(*organization).or_default();
                if *count < COLLEAGUES
                    && more.contains_key(id)
                    && !first_set.contains(id)
                    && !by_organization.contains_key(id)
                {
                    *count += 1;
                    by_organization.insert(*id, *organization);
                    second.push(*id);
                }
            }
            for id in candidates {
                if second.len() >= SECOND_HOP + by_organization.len() {
                    break;
                }
                if more.contains_key(&id) && !by_organization.contains_key(&id) {
                    second.push(id);
                }
            }
            names.append(&mut more);
            names.insert(person_id, name);

            let shown: BTreeSet<i64> = [person_id]
                .into_iter()
                .chain(first.iter().copied())
                .chain(second.iter().copied())
                .collect();
            let mut map = NetworkMap {
                focus: Some(format!("p{person_id}")),
                ..Default::default()
            };
            map.nodes.push(MapNode {
                id: "me".into(),
                kind: NodeKind::Me,
                label: "You".into(),
                record_id: Some(me),
                parent: None,
                photo: None,
            });
            for id in &shown {
                let parent = if *id == person_id {
                    None
                } else if let Some(organization) = by_organization.get(id) {
                    Some(format!("o{organization}"))
                } else {
                    reached.get(id).map(|by| format!("p{by}"))
                };
                map.nodes.push(MapNode {
                    id: format!("p{id}"),
                    kind: NodeKind::Person,
                    label: names[id].clone(),
                    record_id: Some(*id),
                    parent,
                    photo: None,
                });
            }
            // Organizations of the person and of the people one link away.
            let mut with_organizations: BTreeSet<i64> = first_set.clone();
            with_organizations.insert(person_id);
            let mut organizations_added = BTreeSet::new();
            let works = organizations_of(conn, &with_organizations)?;
            let colleague_edges = by_organization
                .iter()
                .map(|(person, organization)| (*person, *organization, None));
            for (person, organization, label) in works
                .iter()
                .map(|(p, o, n)| (*p, *o, Some(n)))
                .chain(colleague_edges)
            {
                if let Some(label) = label {
                    if organizations_added.insert(organization) {
                        map.nodes.push(MapNode {
                            id: format!("o{organization}"),
                            kind: NodeKind::Organization,
                            label: label.clone(),
                            record_id: Some(organization),
                            parent: Some(format!("p{person}")),
                            photo: None,
                        });
                    }
                }
                map.edges.push(MapEdge {
                    source: format!("p{person}"),
                    target: format!("o{organization}"),
                    kind: EdgeKind::WorksAt,
                    link_kind: None,
                });
            }
            let node = |id: i64| {
                if id == me {
                    Some("me".to_string())
                } else {
                    shown.contains(&id).then(|| format!("p{id}"))
                }
            };
            let mut seen = BTreeSet::new();
            for (from, to, kind) in first_links.iter().chain(second_links.iter()) {
                if let (Some(source), Some(target)) = (node(*from), node(*to)) {
                    if seen.insert((source.clone(), target.clone(), kind.clone())) {
                        map.edges.push(MapEdge {
                            source,
                            target,
                            kind: EdgeKind::Link,
                            link_kind: Some(text_enum(kind.clone(), 2)?),
                        });
                    }
                }
            }
            super::with_faces(conn, &mut map)?;
            Ok(map)
        })
    }
}
