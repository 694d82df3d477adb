//! Rapport's core: the contact store, its rules and its formats. Nothing here knows about Tauri
//! or a window, so everything a user can do is a plain function first, tested in seconds.
//!
//! The core is arranged in rooms named after the domain, from the floor up; a room may use the
//! rooms below it and never one above (the `house` test keeps it so):
//!
//! - [`error`] — the one error type, with stable codes; names no domain type.
//! - [`store`] — the floor: opening the SQLite file, migrations, backups, settings, paths, time.
//! - [`network`] — people, organizations, circles, links, search, duplicates and merge, the graph
//!   of warm introductions and its map.
//! - [`followups`] — follow-ups and their delivery as reminders, interactions, keep-in-touch.
//! - [`guide`] — the guide's way of networking: informational interviews (agenda, AIR), the
//!   question bank, drafts, pitches and their timing, opportunities.
//! - [`exchange`] — import (LinkedIn, vCard), export (vCard, CSV, JSON) and the calendar.
//! - [`sync`] — the user's CardDAV/CalDAV accounts: cards and events on their server.
//! - [`coach`] — what to do now: Today.
//! - `open` — opening a store whole: the floor's file plus what every room needs at start.

pub mod coach;
pub mod error;
pub mod exchange;
pub mod followups;
pub mod guide;
pub mod network;
mod open;
pub mod store;
pub mod sync;

pub use error::{Error, ErrorPayload, Result};
pub use store::Store;
