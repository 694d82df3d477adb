//! What every importer must do with any bytes at all: read them or refuse them with an error,
//! and import what it read into a store without a panic or a database error.

use std::sync::Arc;

use rapport_core::exchange::import::{self, ImportFormat};
use rapport_core::store::clock::SystemClock;
use rapport_core::Store;

/// Small enough that each run stays fast; parsing itself is fuzzed at any size.
const MAX_CONTACTS_IMPORTED: usize = 64;

pub fn check(format: ImportFormat, data: &[u8]) {
    let Ok(parsed) = import::parse(format, data) else {
        return;
    };
    if parsed.contacts.len() > MAX_CONTACTS_IMPORTED {
        return;
    }
    let store = Store::open_in_memory(Arc::new(SystemClock)).expect("a store in memory");
    store
        .preview_import(format, &parsed, &mut |_| {})
        .expect("a preview of what was read never fails");
    let summary = store
        .import(format, &parsed, &mut |_| {})
        .expect("importing what was read never fails");
    let again = store
        .import(format, &parsed, &mut |_| {})
        .expect("importing it again never fails");
    assert_eq!(
        again.new, 0,
        "a second import adds nobody: {summary:?} then {again:?}"
    );
}
