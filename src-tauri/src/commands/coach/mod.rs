//! Commands over the coach: Today, the weekly plan, goals and progress.

pub mod goals;
pub mod plan;
pub mod today;
