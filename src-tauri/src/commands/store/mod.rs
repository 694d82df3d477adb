//! Commands over the floor: backups and settings.

pub mod accounts;
pub mod backups;
pub mod settings;
