//! The network itself: the people you know (you among them), where they work, the circles they
//! come from, the typed links between them, finding anyone by a few letters, telling duplicates
//! apart and merging them, and the graph of warm introductions with its map.

pub mod addresses;
pub mod circles;
pub mod duplicates;
pub mod graph;
pub mod identity;
pub mod links;
pub mod map;
pub mod merge;
pub(crate) mod organizations;
pub mod people;
pub mod photos;
pub mod search;
