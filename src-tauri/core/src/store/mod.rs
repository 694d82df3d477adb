//! The floor every room stands on: one SQLite file opened in one place, its schema as
//! append-only migrations, backups, this computer's settings, where files live, and time. It
//! knows the schema but no domain rule, and uses no room above it.

pub mod backups;
pub mod clock;
pub(crate) mod columns;
mod connection;
pub mod migrations;
pub mod paths;
pub mod settings;
pub mod time;
pub mod zone;

pub use connection::Store;
