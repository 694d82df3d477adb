//! The map at a glance, for a network too large to draw person by person: you, your circles and
//! your largest organizations as bubbles sized by how many people they hold (the other
//! organizations as one bubble), and weighted ties between them. Counted by SQLite in grouped
//! queries over everyone at once, never one query per circle or organization.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::network::map::MapFilter;
use crate::store::Store;

/// How many organizations get a bubble of their own; the rest share "other organizations".
pub const TOP_ORGANIZATIONS: usize = 12;

/// How many of the organizations folded into "other organizations" are listed by name.
pub const OTHER_LISTED: usize = 50;

/// The id of the bubble holding every organization without one of its own.
pub const OTHER_ORGANIZATIONS: &str = "o-other";

/// The id of the bubble holding the people in no circle.
pub const NO_CIRCLE: &str = "c-none";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BubbleKind {
    Me,
    Circle,
    /// People in no circle.
    NoCircle,
    Organization,
    OtherOrganizations,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bubble {
    /// "me", "c12", "c-none", "o56", "o-other": the same ids as the full map's nodes.
    pub id: String,
    pub kind: BubbleKind,
    pub label: String,
    /// The circle's or organization's id in the store.
    pub record_id: Option<i64>,
    /// How many of the people shown it holds (for "other organizations": work at one of them).
    pub people: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    /// You → a circle: everyone in it.
    Member,
    /// A circle → an organization: the people in the circle who work there.
    WorksAt,
    /// Links between the people of two circles.
    Links,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tie {
    pub source: String,
    pub target: String,
    pub kind: TieKind,
    /// How many people (member, works at) or links (links) it stands for.
    pub weight: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counted {
    pub name: String,
    pub people: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MapOverview {
    /// The people the filter lets through (you not counted).
    pub people: usize,
    /// You first, then circles in their order, then organizations largest first.
    pub bubbles: Vec<Bubble>,
    /// Heaviest first.
    pub ties: Vec<Tie>,
    /// The largest of the organizations inside "other organizations", largest first.
    pub other_organizations: Vec<Counted>,
    /// How many organizations "other organizations" holds.
    pub other_organization_count: usize,
    /// What the filters can be set to, as in the full map.
    pub circles: Vec<String>,
    pub organizations: Vec<String>,
    pub tags: Vec<String>,
}

/// The people a filter lets through, and their current organizations, as SQL the queries below
/// start from (?1 circle, ?2 organization, ?3 tag; NULL lets everyone through).
const SHOWN: &str = "WITH shown AS (
    SELECT p.id, p.circle_id FROM person p
    WHERE p.is_me = 0 AND p.deleted_at IS NULL AND p.archived_at IS NULL
      AND (?1 IS NULL OR p.circle_id IN (SELECT id FROM circle WHERE name = ?1))
      AND (?2 IS NULL OR EXISTS (SELECT 1 FROM role r JOIN organization o ON o.id = r.organization_id
                                 WHERE r.person_id = p.id AND r.ended_on IS NULL AND o.name = ?2))
      AND (?3 IS NULL OR EXISTS (SELECT 1 FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
                                 WHERE pt.person_id = p.id AND t.name = ?3))
), work AS MATERIALIZED (
    SELECT DISTINCT r.person_id, r.organization_id, s.circle_id
    FROM shown s JOIN role r ON r.person_id = s.id WHERE r.ended_on IS NULL
)";

fn wanted(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn circle_id(circle: Option<i64>) -> String {
    circle.map_or_else(|| NO_CIRCLE.to_string(), |id| format!("c{id}"))
}

/// Names for a filter menu, sorted ignoring case.
fn names(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut list: Vec<String> = conn
        .prepare(sql)?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    list.sort_by_key(|v: &String| v.to_lowercase());
    list.dedup();
    Ok(list)
}

/// Adds `weight` to the undirected tie between `a` and `b` (nothing for a bubble to itself).
fn tie(
    ties: &mut BTreeMap<(TieKind, String, String), usize>,
    kind: TieKind,
    a: String,
    b: String,
    weight: usize,
) {
    if a == b {
        return;
    }
    let key = if a < b { (kind, a, b) } else { (kind, b, a) };
    *ties.entry(key).or_default() += weight;
}

impl Store {
    /// The network as bubbles (see the module's account), narrowed by `filter`.
    pub fn network_overview(&self, filter: &MapFilter) -> Result<MapOverview> {
        self.read(|conn| {
            let args = params![
                wanted(&filter.circle),
                wanted(&filter.organization),
                wanted(&filter.tag)
            ];
            let mut overview = MapOverview {
                bubbles: vec![Bubble {
                    id: "me".into(),
                    kind: BubbleKind::Me,
                    label: "You".into(),
                    record_id: None,
                    people: 0,
                }],
                ..Default::default()
            };
            let mut ties = BTreeMap::new();

            let mut circles = conn.prepare(&format!(
                "{SHOWN} SELECT s.circle_id, c.name, count(*) FROM shown s
                 LEFT JOIN circle c ON c.id = s.circle_id
                 GROUP BY s.circle_id ORDER BY c.id IS NULL, c.position, c.name"
            ))?;
            let mut rows = circles.query(args)?;
            while let Some(row) = rows.next()? {
                let id: Option<i64> = row.get(0)?;
                let people: usize = row.get(2)?;
                overview.people += people;
                let bubble = circle_id(id);
                ties.insert((TieKind::Member, "me".to_string(), bubble.clone()), people);
                overview.bubbles.push(Bubble {
                    id: bubble,
                    kind: if id.is_some() { BubbleKind::Circle } else { BubbleKind::NoCircle },
                    label: row.get::<_, Option<String>>(1)?.unwrap_or_else(|| "No circle".into()),
                    record_id: id,
                    people,
                });
            }

            // Organizations largest first; the ones past the top fold into one bubble.
            let mut organizations = conn.prepare(&format!(
                "{SHOWN} SELECT w.organization_id, o.name, count(DISTINCT w.person_id) AS n
                 FROM work w JOIN organization o ON o.id = w.organization_id
                 GROUP BY w.organization_id ORDER BY n DESC, o.name"
            ))?;
            let mut bubble_of: HashMap<i64, String> = HashMap::new();
            let mut rows = organizations.query(args)?;
            let mut rank = 0;
            while let Some(row) = rows.next()? {
                let (id, name, people): (i64, String, usize) = (row.get(0)?, row.get(1)?, row.get(2)?);
                if rank < TOP_ORGANIZATIONS {
                    bubble_of.insert(id, format!("o{id}"));
                    overview.bubbles.push(Bubble {
                        id: format!("o{id}"),
                        kind: BubbleKind::Organization,
                        label: name,
                        record_id: Some(id),
                        people,
                    });
                } else {
                    overview.other_organization_count += 1;
                    if overview.other_organizations.len() < OTHER_LISTED {
                        overview.other_organizations.push(Counted { name, people });
                    }
                }
                rank += 1;
            }
            let bubble = |id: i64| {
                bubble_of
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| OTHER_ORGANIZATIONS.to_string())
            };

            // Per circle and organization: people in both; the others' people counted once.
            let mut other_people = 0;
            let mut by_circle = conn.prepare(&format!(
                "{SHOWN}, top(id) AS (SELECT value FROM json_each(?4))
                 SELECT w.circle_id, CASE WHEN w.organization_id IN top THEN w.organization_id END AS o,
                        count(DISTINCT w.person_id)
                 FROM work w GROUP BY w.circle_id, o"
            ))?;
            let top: Vec<i64> = bubble_of.keys().copied().collect();
            let top = serde_json::to_string(&top).expect("ids serialize");
            let mut rows = by_circle.query(params![
                wanted(&filter.circle),
                wanted(&filter.organization),
                wanted(&filter.tag),
                top
            ])?;
            while let Some(row) = rows.next()? {
                let (circle, organization, people): (Option<i64>, Option<i64>, usize) =
                    (row.get(0)?, row.get(1)?, row.get(2)?);
                let target = match organization {
                    Some(id) => bubble(id),
                    None => {
                        other_people += people;
                        OTHER_ORGANIZATIONS.to_string()
                    }
                };
                tie(&mut ties, TieKind::WorksAt, circle_id(circle), target, people);
            }
            if overview.other_organization_count > 0 {
                overview.bubbles.push(Bubble {
                    id: OTHER_ORGANIZATIONS.into(),
                    kind: BubbleKind::OtherOrganizations,
                    label: format!("{} other organizations", overview.other_organization_count),
                    record_id: None,
                    people: other_people,
                });
            }

            // Links between the people of two circles: one scan of the links against everyone's
            // circle held in memory (a join per link end costs SQLite ten times as much).
            let mut circle_of: HashMap<i64, Option<i64>> = HashMap::new();
            let mut people = conn.prepare(&format!("{SHOWN} SELECT id, circle_id FROM shown"))?;
            let mut rows = people.query(args)?;
            while let Some(row) = rows.next()? {
                circle_of.insert(row.get(0)?, row.get(1)?);
            }
            let mut between: HashMap<(Option<i64>, Option<i64>), usize> = HashMap::new();
            let mut links = conn.prepare("SELECT from_person_id, to_person_id FROM link")?;
            let mut rows = links.query([])?;
            while let Some(row) = rows.next()? {
                let (from, to): (i64, i64) = (row.get(0)?, row.get(1)?);
                if let (Some(a), Some(b)) = (circle_of.get(&from), circle_of.get(&to)) {
                    if a != b {
                        *between.entry((*a.min(b), *a.max(b))).or_default() += 1;
                    }
                }
            }
            for ((a, b), weight) in between {
                tie(&mut ties, TieKind::Links, circle_id(a), circle_id(b), weight);
            }

            overview.ties = ties
                .into_iter()
                .map(|((kind, source, target), weight)| Tie { source, target, kind, weight })
                .collect();
            overview.ties.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.kind.cmp(&b.kind)));
            let live = "p.is_me = 0 AND p.deleted_at IS NULL AND p.archived_at IS NULL";
            overview.circles = names(
                conn,
                &format!("SELECT DISTINCT c.name FROM person p JOIN circle c ON c.id = p.circle_id WHERE {live}"),
            )?;
            overview.organizations = names(
                conn,
                &format!(
                    "SELECT DISTINCT o.name FROM person p JOIN role r ON r.person_id = p.id
                     JOIN organization o ON o.id = r.organization_id WHERE r.ended_on IS NULL AND {live}"
                ),
            )?;
            overview.tags = names(
                conn,
                &format!(
                    "SELECT DISTINCT t.name FROM person p JOIN person_tag pt ON pt.person_id = p.id
                     JOIN tag t ON t.id = pt.tag_id WHERE {live}"
                ),
            )?;
            Ok(overview)
        })
    }
}
