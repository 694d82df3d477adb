//! Who you know at an organization, with who else you know could introduce you to each of
//! them; and the mutual contacts of two people.

use std::cmp::Ordering;
use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::loaded::Graph;
use super::path::Tie;
use super::path_search::person_state;
use super::ranking::Edge;
use crate::error::{Error, Result};
use crate::network::links::LinkKind;
use crate::network::people::PersonRef;
use crate::store::Store;

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
pub(super) fn people_at(conn: &Connection, organization_id: i64) -> Result<Vec<(i64, KnownAt)>> {
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

impl Store {
    /// Resolves an organization typed by name (ignoring case) or id (`12`, `#12`).
    pub fn find_organization(&self, name_or_id: &str) -> Result<OrganizationRef> {
        self.read(|conn| organization_by_name_or_id(conn, name_or_id))
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
}
