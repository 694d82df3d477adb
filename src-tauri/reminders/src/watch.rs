//! Noticing other processes' writes: a watch on the data folder, for changes to the store's
//! files (the loop then confirms with `PRAGMA data_version`).

use std::path::Path;
use std::sync::mpsc::Sender;

use notify::{RecursiveMode, Watcher};

/// Sends `changed` on `wake` whenever the store's files change (any process's writes, this
/// one's too: confirm with `Store::data_version`).
pub fn watch<T: Clone + Send + 'static>(
    data_dir: &Path,
    wake: Sender<T>,
    changed: T,
) -> Option<notify::RecommendedWatcher> {
    let database = rapport_core::store::paths::DATABASE_FILE;
    let handler = move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let touches_store = event.paths.iter().any(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(database))
        });
        if touches_store && (event.kind.is_modify() || event.kind.is_create()) {
            let _ = wake.send(changed.clone());
        }
    };
    let watcher = notify::recommended_watcher(handler).and_then(|mut watcher| {
        watcher.watch(data_dir, RecursiveMode::NonRecursive)?;
        Ok(watcher)
    });
    match watcher {
        Ok(watcher) => Some(watcher),
        Err(error) => {
            // Still correct without it: changes by other processes are then seen within a minute.
            tracing::warn!(%error, "cannot watch the data folder; other processes' changes are seen within a minute");
            None
        }
    }
}
