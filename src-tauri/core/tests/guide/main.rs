//! The guide's workflow: informational interviews, drafts, pitches, questions, opportunities.

#[path = "../common/mod.rs"]
mod common;

mod drafts;
mod meetings;
mod opportunities;
mod pitches;
mod questions;
