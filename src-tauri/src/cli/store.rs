//! `rapport backup` and `restore`: a copy of the whole store, and putting one back.

use std::path::{Path, PathBuf};

use rapport_core::{Error, Store};

use super::output::say;
use super::print_json;

pub(super) fn backup(out: Option<PathBuf>, data_dir: &Path, json: bool) -> Result<(), Error> {
    let store = Store::open(data_dir)?;
    let info = match out {
        Some(path) => store.backup_to(&path)?,
        None => store.backup_now()?,
    };
    if json {
        print_json(&info);
    } else {
        say!(
            "Backed up {} people to {} ({} bytes)",
            info.people,
            info.path.display(),
            info.bytes
        );
    }
    Ok(())
}

pub(super) fn restore(file: &Path, data_dir: &Path, json: bool) -> Result<(), Error> {
    let info = Store::open(data_dir)?.restore_from(file)?;
    if json {
        print_json(&info);
    } else {
        say!(
            "Restored {} people from {}. The store as it was is saved at {}",
            info.people,
            info.restored_from.display(),
            info.previous_saved_to.display()
        );
    }
    Ok(())
}
