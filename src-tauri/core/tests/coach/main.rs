//! What to do now: Today, the weekly plan, goals and progress.

#[path = "../common/mod.rs"]
mod common;

mod goals;
mod plan;
mod progress;
mod today;
