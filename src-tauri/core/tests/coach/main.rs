//! What to do now: Today, the weekly plan, its Monday digest, goals and progress.

#[path = "../common/mod.rs"]
mod common;

mod digest;
mod goals;
mod plan;
mod progress;
mod today;
