//! Rapport's core: the contact store, its rules and its formats. Nothing here knows about Tauri
//! or a window, so everything a user can do is a plain function first, tested in seconds.

pub mod backups;
pub mod calendar;
pub mod circles;
pub mod clock;
mod columns;
pub mod drafts;
pub mod duplicates;
pub mod error;
pub mod export;
pub mod followups;
pub mod graph;
pub mod import;
pub mod interactions;
pub mod links;
pub mod meetings;
pub mod merge;
pub mod migrations;
pub mod network_map;
pub mod opportunities;
mod organizations;
pub mod paths;
pub mod people;
pub mod pitches;
pub mod questions;
pub mod reminders;
pub mod rules;
pub mod search;
pub mod settings;
pub mod speech;
pub mod store;
pub mod time;
pub mod today;

pub use error::{Error, ErrorPayload, Result};
pub use store::Store;
