//! Commands over the network: people, the graph and its map, duplicates.

pub mod duplicates;
pub mod graph;
pub mod people;
