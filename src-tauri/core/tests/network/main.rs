//! The network: people, search, the graph of warm introductions, merge, the map.

#[path = "../common/mod.rs"]
mod common;

mod circles;
mod faces_and_places;
mod graph;
mod map;
mod merge;
mod naming;
mod overview;
mod people;
mod search;
