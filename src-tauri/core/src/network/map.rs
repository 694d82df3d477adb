//! The network as a picture: you at the centre, your circles around you, the people in them,
//! and the organizations they work at, with the links between people. The UI draws it; this
//! module decides what is in it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::network::links::LinkKind;
use crate::store::columns::text_enum;
use crate::store::Store;

mod aggregate;
mod neighbourhood;

pub use aggregate::*;
pub use neighbourhood::{COLLEAGUES, FIRST_HOP, SECOND_HOP};

/// Narrows the map; every filter given must hold. Names compare ignoring case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MapFilter {
    pub circle: Option<String>,
    pub organization: Option<String>,
    pub tag: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Me,
    Circle,
    Person,
    Organization,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MapNode {
    /// Unique across kinds: "me", "c12", "p34", "o56".
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    /// The person's or organization's id in the store.
    pub record_id: Option<i64>,
    /// For a person: the circle's node id they are drawn under.
    pub parent: Option<String>,
    /// Your or a person's photo id, when they have one: their face is drawn (`Store::thumbnails`).
    pub photo: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// You → a circle, a circle → a person in it (or you → a person in no circle).
    Member,
    WorksAt,
    Link,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MapEdge {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    /// For a link between people, its kind.
    pub link_kind: Option<LinkKind>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkMap {
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
    /// What the filters can be set to, for the UI's menus.
    pub circles: Vec<String>,
    pub organizations: Vec<String>,
    pub tags: Vec<String>,
    /// For a person's neighbourhood: that person's node id.
    pub focus: Option<String>,
}

struct PersonRow {
    id: i64,
    name: String,
    circle: Option<(i64, String)>,
    organizations: Vec<(i64, String)>,
    tags: Vec<String>,
}

fn matches(filter: &Option<String>, values: impl IntoIterator<Item = impl AsRef<str>>) -> bool {
    match filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => true,
        Some(wanted) => values
            .into_iter()
            .any(|v| v.as_ref().to_lowercase() == wanted.to_lowercase()),
    }
}

impl Store {
    pub fn network_map(&self, filter: &MapFilter) -> Result<NetworkMap> {
        self.read(|conn| {
            let me: i64 =
                conn.query_row("SELECT id FROM person WHERE is_me = 1", [], |r| r.get(0))?;
            let mut people: BTreeMap<i64, PersonRow> = BTreeMap::new();
            let mut statement = conn.prepare(
                "SELECT p.id, p.display_name, c.id, c.name FROM person p
                 LEFT JOIN circle c ON c.id = p.circle_id
                 WHERE p.is_me = 0 AND p.deleted_at IS NULL AND p.archived_at IS NULL",
            )?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let circle_id: Option<i64> = row.get(2)?;
                let circle_name: Option<String> = row.get(3)?;
                people.insert(
                    row.get(0)?,
                    PersonRow {
                        id: row.get(0)?,
                        name: row.get(1)?,
                        circle: circle_id.zip(circle_name),
                        organizations: Vec::new(),
                        tags: Vec::new(),
                    },
                );
            }
            let mut roles = conn.prepare(
                "SELECT r.person_id, o.id, o.name FROM role r
                 JOIN organization o ON o.id = r.organization_id WHERE r.ended_on IS NULL",
            )?;
            let mut rows = roles.query([])?;
            while let Some(row) = rows.next()? {
                if let Some(person) = people.get_mut(&row.get(0)?) {
                    person.organizations.push((row.get(1)?, row.get(2)?));
                }
            }
            let mut tags = conn.prepare(
                "SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id",
            )?;
            let mut rows = tags.query([])?;
            while let Some(row) = rows.next()? {
                if let Some(person) = people.get_mut(&row.get(0)?) {
                    person.tags.push(row.get(1)?);
                }
            }

            let mut map = NetworkMap::default();
            let collect = |values: &mut dyn Iterator<Item = String>| {
                let set: BTreeSet<String> = values.collect();
                let mut list: Vec<String> = set.into_iter().collect();
                list.sort_by_key(|v| v.to_lowercase());
                list
            };
            map.circles = collect(
                &mut people
                    .values()
                    .filter_map(|p| p.circle.as_ref().map(|c| c.1.clone())),
            );
            map.organizations = collect(
                &mut people
                    .values()
                    .flat_map(|p| p.organizations.iter().map(|o| o.1.clone())),
            );
            map.tags = collect(&mut people.values().flat_map(|p| p.tags.iter().cloned()));

            let shown: Vec<&PersonRow> = people
                .values()
                .filter(|p| {
                    matches(&filter.circle, p.circle.iter().map(|c| c.1.as_str()))
                        && matches(
                            &filter.organization,
                            p.organizations.iter().map(|o| o.1.as_str()),
                        )
                        && matches(&filter.tag, p.tags.iter())
                })
                .collect();
            let shown_ids: BTreeSet<i64> = shown.iter().map(|p| p.id).collect();

            map.nodes.push(MapNode {
                id: "me".into(),
                kind: NodeKind::Me,
                label: "You".into(),
                record_id: Some(me),
                parent: None,
                photo: None,
            });
            let mut circles_added = BTreeSet::new();
            let mut organizations_added = BTreeSet::new();
            for person in &shown {
                let person_node = format!("p{}", person.id);
                let parent = match &person.circle {
                    Some((id, name)) => {
                        let circle_node = format!("c{id}");
                        if circles_added.insert(*id) {
                            map.nodes.push(MapNode {
                                id: circle_node.clone(),
                                kind: NodeKind::Circle,
                                label: name.clone(),
                                record_id: Some(*id),
                                parent: None,
                                photo: None,
                            });
                            map.edges.push(MapEdge {
                                source: "me".into(),
                                target: circle_node.clone(),
                                kind: EdgeKind::Member,
                                link_kind: None,
                            });
                        }
                        circle_node
                    }
                    None => "me".to_string(),
                };
                map.nodes.push(MapNode {
                    id: person_node.clone(),
                    kind: NodeKind::Person,
                    label: person.name.clone(),
                    record_id: Some(person.id),
                    parent: Some(parent.clone()),
                    photo: None,
                });
                map.edges.push(MapEdge {
                    source: parent,
                    target: person_node.clone(),
                    kind: EdgeKind::Member,
                    link_kind: None,
                });
                for (id, name) in &person.organizations {
                    let organization_node = format!("o{id}");
                    if organizations_added.insert(*id) {
                        map.nodes.push(MapNode {
                            id: organization_node.clone(),
                            kind: NodeKind::Organization,
                            label: name.clone(),
                            record_id: Some(*id),
                            parent: None,
                            photo: None,
                        });
                    }
                    map.edges.push(MapEdge {
                        source: person_node.clone(),
                        target: organization_node,
                        kind: EdgeKind::WorksAt,
                        link_kind: None,
                    });
                }
            }
            let mut links =
                conn.prepare("SELECT from_person_id, to_person_id, kind FROM link ORDER BY id")?;
            let mut rows = links.query(params![])?;
            while let Some(row) = rows.next()? {
                let (from, to): (i64, i64) = (row.get(0)?, row.get(1)?);
                let node = |id: i64| {
                    if id == me {
                        Some("me".to_string())
                    } else {
                        shown_ids.contains(&id).then(|| format!("p{id}"))
                    }
                };
                if let (Some(source), Some(target)) = (node(from), node(to)) {
                    map.edges.push(MapEdge {
                        source,
                        target,
                        kind: EdgeKind::Link,
                        link_kind: Some(text_enum(row.get(2)?, 2)?),
                    });
                }
            }
            with_faces(conn, &mut map)?;
            Ok(map)
        })
    }
}

/// Marks each person on `map` who has a photo with its id, so the map can draw their face.
fn with_faces(conn: &Connection, map: &mut NetworkMap) -> Result<()> {
    let mut statement = conn.prepare_cached("SELECT person_id, id FROM person_photo")?;
    let photos: HashMap<i64, i64> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for node in &mut map.nodes {
        if matches!(node.kind, NodeKind::Person | NodeKind::Me) {
            node.photo = node.record_id.and_then(|id| photos.get(&id).copied());
        }
    }
    Ok(())
}
