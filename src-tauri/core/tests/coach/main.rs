//! What to do now: Today.

#[path = "../common/mod.rs"]
mod common;

mod today;
