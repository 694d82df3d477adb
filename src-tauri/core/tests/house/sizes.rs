//! House rule two: no file of ours is too long to read in one sitting. A source file may have 400
//! lines, a test file (one under a folder named `tests`) 600; past that, split it by concept.

use std::fs;
use std::path::Path;

use crate::{synthetic_tree, write_file};

const SOURCE_LIMIT: usize = 400;
const TEST_LIMIT: usize = 600;

/// Files allowed past their limit, each with the reason. An entry whose file is gone or back
/// within its limit fails the rule too, so the list cannot outlive its reasons.
const EXEMPT: &[(&str, &str)] = &[];

/// Folders that are not ours or not source: built output, vendored code, fuzzing runs.
/// (Any folder named `target` or `target-…` is skipped too, as are `.git` and `node_modules`; a
/// module folder such as `targets/` is ours and checked.)
const SKIPPED: &[&str] = &[
    "ui/vendor",
    "tests/e2e/vendor",
    "fuzz/target",
    "fuzz/corpus",
    "fuzz/artifacts",
];

#[test]
fn no_file_of_ours_is_too_long() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let findings = check(&root, EXEMPT);
    assert!(findings.is_clean(), "\n{}", findings.report());
}

/// A file over its limit.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLong {
    pub path: String,
    pub lines: usize,
    pub limit: usize,
}

#[derive(Debug)]
pub struct Findings {
    pub too_long: Vec<TooLong>,
    /// Exemptions no longer needed, each with why.
    pub stale: Vec<String>,
}

/// Measures every `.rs` and `.js` file under `root` (paths relative to it, with `/`).
pub fn check(root: &Path, exempt: &[(&str, &str)]) -> Findings {
    let mut files = Vec::new();
    list_files(root, "", &mut files);
    files.sort();

    let mut too_long = Vec::new();
    let mut exempt_sizes = Vec::new();
    for path in files {
        let text = fs::read_to_string(root.join(&path))
            .unwrap_or_else(|err| panic!("could not read {path}: {err}"));
        let lines = text.lines().count();
        let limit = limit_for(&path);
        if exempt.iter().any(|(exempt, _)| *exempt == path) {
            exempt_sizes.push((path, lines, limit));
        } else if lines > limit {
            too_long.push(TooLong { path, lines, limit });
        }
    }

    let stale = exempt
        .iter()
        .filter_map(
            |(exempt, _)| match exempt_sizes.iter().find(|(path, ..)| path == exempt) {
                None => Some(format!("{exempt}: no such file of ours any more")),
                Some((_, lines, limit)) if lines <= limit => Some(format!(
                    "{exempt}: {lines} lines, within its limit of {limit} now"
                )),
                Some(_) => None,
            },
        )
        .collect();
    Findings { too_long, stale }
}

/// Test files may be longer: a test reads top to bottom and repeats its set-up on purpose.
fn limit_for(path: &str) -> usize {
    let mut folders = path.split('/').rev().skip(1);
    if folders.any(|folder| folder == "tests") {
        TEST_LIMIT
    } else {
        SOURCE_LIMIT
    }
}

fn list_files(root: &Path, relative: &str, files: &mut Vec<String>) {
    let dir = root.join(relative);
    let entries = fs::read_dir(&dir).unwrap_or_else(|err| panic!("could not list {dir:?}: {err}"));
    for entry in entries {
        let entry = entry.expect("a readable folder entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = if relative.is_empty() {
            name.clone()
        } else {
            format!("{relative}/{name}")
        };
        let kind = entry.file_type().expect("a folder entry's type");
        if kind.is_dir() {
            let skipped = name == ".git"
                || name == "node_modules"
                || name == "target"
                || name.starts_with("target-")
                || SKIPPED.contains(&path.as_str());
            if !skipped {
                list_files(root, &path, files);
            }
        } else if kind.is_file() && (name.ends_with(".rs") || name.ends_with(".js")) {
            files.push(path);
        }
    }
}

impl Findings {
    pub fn is_clean(&self) -> bool {
        self.too_long.is_empty() && self.stale.is_empty()
    }

    pub fn report(&self) -> String {
        let mut out = String::new();
        if !self.too_long.is_empty() {
            out.push_str(
                "These files are too long to read in one sitting (a test file, under a folder \
                 named `tests`, may have 600 lines; any other 400). Split each by concept, into \
                 files that each say one thing; only if a file cannot be split sensibly, name \
                 it in EXEMPT in src-tauri/core/tests/house/sizes.rs with the reason:\n",
            );
            for file in &self.too_long {
                out.push_str(&format!(
                    "  {}: {} lines (limit {})\n",
                    file.path, file.lines, file.limit
                ));
            }
        }
        if !self.stale.is_empty() {
            out.push_str(
                "These exemptions in EXEMPT (src-tauri/core/tests/house/sizes.rs) are no longer \
                 needed; remove them:\n",
            );
            for line in &self.stale {
                out.push_str(&format!("  {line}\n"));
            }
        }
        out
    }
}

fn lines(count: usize) -> String {
    (1..=count).map(|n| format!("// line {n}\n")).collect()
}

#[test]
fn a_source_file_may_have_400_lines_and_a_test_file_600() {
    let tree = synthetic_tree(&[
        ("src/long.rs", &lines(401)),
        ("src/fits.rs", &lines(400)),
        ("ui/js/long.js", &lines(401)),
        ("tests/long.rs", &lines(601)),
        ("tests/fits.rs", &lines(600)),
        ("ui/tests/fits.js", &lines(600)),
        ("crate/tests/deep/fits.rs", &lines(600)),
    ]);
    let found = check(tree.path(), &[]);
    let expected = [
        TooLong {
            path: "src/long.rs".into(),
            lines: 401,
            limit: 400,
        },
        TooLong {
            path: "tests/long.rs".into(),
            lines: 601,
            limit: 600,
        },
        TooLong {
            path: "ui/js/long.js".into(),
            lines: 401,
            limit: 400,
        },
    ];
    assert_eq!(found.too_long, expected);
    let report = found.report();
    assert!(
        report.contains("  src/long.rs: 401 lines (limit 400)"),
        "{report}"
    );
    assert!(
        report.contains("  tests/long.rs: 601 lines (limit 600)"),
        "{report}"
    );
}

#[test]
fn a_file_named_tests_is_not_a_test_folder() {
    let tree = synthetic_tree(&[("src/tests.rs", &lines(401))]);
    assert_eq!(check(tree.path(), &[]).too_long.len(), 1);
}

#[test]
fn an_exempt_file_passes() {
    let tree = synthetic_tree(&[("src/names.rs", &lines(450))]);
    let found = check(tree.path(), &[("src/names.rs", "word lists")]);
    assert!(found.is_clean(), "{}", found.report());
}

#[test]
fn an_exemption_for_a_file_gone_or_back_within_its_limit_is_reported() {
    let tree = synthetic_tree(&[("src/short.rs", &lines(12))]);
    let found = check(
        tree.path(),
        &[("src/gone.rs", "was long"), ("src/short.rs", "was long")],
    );
    assert_eq!(
        found.stale,
        [
            "src/gone.rs: no such file of ours any more",
            "src/short.rs: 12 lines, within its limit of 400 now"
        ]
    );
    assert!(found.report().contains("remove them"), "{}", found.report());
}

#[test]
fn built_vendored_and_fuzzing_files_are_not_ours() {
    let tree = synthetic_tree(&[]);
    for skipped in [
        "target/debug/build.rs",
        "target-helpers/x.rs",
        "fuzz/target/x.rs",
        "fuzz/corpus/x.rs",
        "fuzz/artifacts/x.rs",
        "node_modules/pkg/index.js",
        "ui/node_modules/pkg/index.js",
        "ui/vendor/lib.js",
        "tests/e2e/vendor/driver.js",
        ".git/hooks/x.js",
        "notes.md",
    ] {
        write_file(tree.path(), skipped, &lines(700));
    }
    let found = check(tree.path(), &[]);
    assert!(found.is_clean(), "{}", found.report());
}
