//! House rules for the whole repository, checked on every `cargo test`: the core's rooms stand on
//! one another without circles (`rooms.rs`, over what `reading.rs` reads with `syn`), and no file
//! of ours grows too long to read in one sitting (`sizes.rs`). Each rule is tested on a small
//! synthetic tree first, so a failure on the real tree is about the tree, not the checker.

mod reading;
mod reading_tests;
mod rooms;
mod rooms_tests;
mod sizes;

use std::fs;
use std::path::Path;

use tempfile::TempDir;

/// Writes `files` (path relative to the folder, contents) into a fresh temporary folder.
pub fn synthetic_tree(files: &[(&str, &str)]) -> TempDir {
    let root = tempfile::tempdir().expect("a temporary folder");
    for (path, text) in files {
        write_file(root.path(), path, text);
    }
    root
}

pub fn write_file(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    let folder = path.parent().expect("a file has a folder");
    fs::create_dir_all(folder).expect("create the folder");
    fs::write(&path, text).expect("write the file");
}
