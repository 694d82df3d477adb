//! Rapport at heavy-user scale. A heavy user sits at LinkedIn's cap of 30,000 connections; the
//! generator builds such a network (and a 1,000,000-people stress set) from a seed, and
//! [`stats`] turns timings into the medians and 95th percentiles the benchmarks print.

pub mod cache;
pub mod connections;
pub mod generate;
pub mod machine;
pub mod names;
pub mod stats;
pub mod vocabulary;
