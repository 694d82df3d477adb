//! The network itself: the people you know (you among them), where they work, the circles they
//! come from, the typed links between them, finding anyone by a few letters, telling duplicates
//! apart and merging them, the graph of warm introductions with its map, and naming a circle or
//! a kind of link as people say it; birthdays and how close the user is to each person.

pub mod addresses;
pub mod birthdays;
pub mod circles;
pub mod duplicates;
pub mod graph;
pub mod identity;
pub mod links;
pub mod map;
pub mod merge;
pub mod naming;
pub(crate) mod organizations;
pub mod people;
pub mod photos;
pub mod search;
pub mod strength;
