//! The typed commands the UI calls, one module per domain. Each converts its arguments, calls
//! the core, tells the reminder loop about writes, and maps the error.

pub mod backups;
pub mod calendar;
pub mod duplicates;
pub mod exchange;
pub mod followups;
pub mod graph;
pub mod interactions;
pub mod meetings;
pub mod opportunities;
pub mod people;
pub mod pitches;
pub mod questions;
pub mod settings;
pub mod today;
pub mod window;
