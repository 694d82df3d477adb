//! House rule one: the core's top-level modules ("rooms") stand on one another in one order, and
//! every use goes downwards, so no two rooms lean on each other in a circle. A room can then be
//! read, tested and changed knowing only the rooms below it.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt;
use std::path::Path;

use crate::reading::Crate;

/// The core's top-level modules from the floor up: each may use only the ones before it.
const LAYERS: &[&str] = &[
    "error",
    "store",
    "network",
    "followups",
    "guide",
    "exchange",
    "sync",
    "coach",
    "open",
];

#[test]
fn the_core_has_no_circle_between_its_rooms() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let findings = check(&src, LAYERS);
    assert!(findings.is_clean(), "\n{}", findings.report(LAYERS));
}

/// One place that makes an edge between two rooms: the file (relative to `src/`) and the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub text: String,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.text)
    }
}

/// What breaks the rule in one source tree.
#[derive(Debug)]
pub struct Findings {
    /// Each circle as the rooms along it, the first repeated at the end: `a → b → a`.
    pub circles: Vec<Vec<String>>,
    /// Uses from a room to one above it in the layers: (user, used).
    pub upward: Vec<(String, String)>,
    /// Top-level modules the layers do not name.
    pub unlisted: Vec<String>,
    /// Every edge between two rooms, with the first place that makes it.
    pub edges: BTreeMap<(String, String), Place>,
}

/// Reads the crate under `src` and judges its rooms against `layers` (lowest first).
pub fn check(src: &Path, layers: &[&str]) -> Findings {
    let read = Crate::read(src);
    let mut edges = BTreeMap::new();
    for reference in read.references() {
        // `lib.rs` is the root, above every room: its uses make no edge.
        let Some(from) = reference.from.first() else {
            continue;
        };
        let to = &reference.to[0];
        if from != to {
            let place = Place {
                file: reference.file,
                text: reference.text,
            };
            edges.entry((from.clone(), to.clone())).or_insert(place);
        }
    }

    let layer = |room: &str| layers.iter().position(|listed| *listed == room);
    let upward = edges
        .keys()
        .filter(|(from, to)| matches!((layer(from), layer(to)), (Some(f), Some(t)) if t > f))
        .cloned()
        .collect();
    let unlisted = read
        .top_modules()
        .into_iter()
        .filter(|room| layer(room).is_none())
        .collect();
    let circles = circles(edges.keys(), |room| {
        (layer(room).unwrap_or(usize::MAX), room.to_owned())
    });
    Findings {
        circles,
        upward,
        unlisted,
        edges,
    }
}

impl Findings {
    pub fn is_clean(&self) -> bool {
        self.circles.is_empty() && self.upward.is_empty() && self.unlisted.is_empty()
    }

    fn place(&self, from: &str, to: &str) -> &Place {
        &self.edges[&(from.to_owned(), to.to_owned())]
    }

    /// Says what is wrong and what to do about it, for a reader who has not seen this file.
    pub fn report(&self, layers: &[&str]) -> String {
        let mut out = format!(
            "The core's rooms (its top-level modules) stand in this order, from the floor up, \
             and each may use only the rooms before it (LAYERS in tests/house/rooms.rs):\n    \
             {}\n",
            layers.join(" → ")
        );
        if !self.circles.is_empty() {
            out.push_str(
                "\nThese rooms use each other in a circle, so none of them can be understood, \
                 tested or moved without the others. Break each circle at the use that goes \
                 upwards: move what it needs down into the lower room, or have the room above \
                 pass it in (`open` composes the rooms):\n",
            );
            for circle in &self.circles {
                out.push_str(&format!("  {}\n", circle.join(" → ")));
                for step in circle.windows(2) {
                    let place = self.place(&step[0], &step[1]);
                    out.push_str(&format!("      {} → {} at {place}\n", step[0], step[1]));
                }
            }
        }
        if !self.upward.is_empty() {
            out.push_str(
                "\nThese uses go upwards. Move the item used down into a room at or below the \
                 one using it, or turn the use around so the upper room calls down:\n",
            );
            for (from, to) in &self.upward {
                out.push_str(&format!("  {from} → {to} at {}\n", self.place(from, to)));
            }
        }
        if !self.unlisted.is_empty() {
            out.push_str(&format!(
                "\nThese top-level modules are not in LAYERS: {}.\nMove each into the room it \
                 belongs to, or if it is a room of its own, add it to LAYERS in \
                 tests/house/rooms.rs, at its place: after every room it uses, before every \
                 room that uses it.\n",
                self.unlisted.join(", ")
            ));
        }
        out
    }
}

/// Finds the circles among `edges`: for every group of rooms that all reach one another, the
/// shortest circle through each of its rooms, starting from its lowest room by `rank`.
fn circles<'a, K: Ord>(
    edges: impl Iterator<Item = &'a (String, String)>,
    rank: impl Fn(&str) -> K,
) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (from, to) in edges {
        next.entry(from).or_default().insert(to);
        next.entry(to).or_default();
    }
    let reach: BTreeMap<&str, BTreeSet<&str>> = next
        .keys()
        .map(|&room| (room, reachable(&next, room)))
        .collect();

    let mut found: Vec<Vec<String>> = Vec::new();
    for (&room, from_room) in &reach {
        // The rooms in a circle with `room`: those it reaches that reach it back.
        let group: BTreeSet<&str> = from_room
            .iter()
            .copied()
            .filter(|other| reach[other].contains(room))
            .collect();
        if !group.contains(room) {
            continue;
        }
        let mut circle = shortest_circle(&next, &group, room);
        let lowest = (0..circle.len())
            .min_by_key(|&i| rank(circle[i]))
            .expect("a room");
        circle.rotate_left(lowest);
        circle.push(circle[0]);
        let circle: Vec<String> = circle.into_iter().map(str::to_owned).collect();
        if !found.contains(&circle) {
            found.push(circle);
        }
    }
    found.sort_by_key(|circle| {
        (
            circle.len(),
            circle.iter().map(|r| rank(r)).collect::<Vec<_>>(),
        )
    });
    found
}

/// The rooms reachable from `start` by one edge or more.
fn reachable<'a>(next: &BTreeMap<&'a str, BTreeSet<&'a str>>, start: &'a str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![start];
    while let Some(room) = todo.pop() {
        for &to in &next[room] {
            if seen.insert(to) {
                todo.push(to);
            }
        }
    }
    seen
}

/// The shortest way from `start` back to itself inside `group` (breadth first), without the
/// repeated `start` at its end.
fn shortest_circle<'a>(
    next: &BTreeMap<&'a str, BTreeSet<&'a str>>,
    group: &BTreeSet<&'a str>,
    start: &'a str,
) -> Vec<&'a str> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut todo = VecDeque::from([start]);
    while let Some(room) = todo.pop_front() {
        for &to in &next[room] {
            if to == start {
                let mut way = vec![room];
                while let Some(&before) = came_from.get(way.last().expect("a room")) {
                    way.push(before);
                }
                way.reverse();
                return way;
            }
            if group.contains(to) && to != start && !came_from.contains_key(to) {
                came_from.insert(to, room);
                todo.push_back(to);
            }
        }
    }
    unreachable!("{start} is in a circle, so it reaches itself")
}
