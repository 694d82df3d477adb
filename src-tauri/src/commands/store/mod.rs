//! Commands over the floor: backups and settings.

pub mod backups;
pub mod settings;
