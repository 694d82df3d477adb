//! Commands over the network: people (their addresses and faces), the graph and its map,
//! duplicates.

pub mod duplicates;
pub mod faces;
pub mod graph;
pub mod people;
