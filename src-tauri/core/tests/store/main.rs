//! The floor: opening a store, migrations, backups, settings.

#[path = "../common/mod.rs"]
mod common;

mod backups;
mod migrations;
mod open;
mod settings;
