//! The rooms rule on small crates written into a temporary folder: each kind of breach is caught,
//! named and placed, and a crate that keeps the rule passes.

use crate::rooms::{check, Findings, Place};
use crate::synthetic_tree;

const ABC: &[&str] = &["a", "b", "c"];

fn findings(files: &[(&str, &str)], layers: &[&str]) -> Findings {
    let tree = synthetic_tree(files);
    check(tree.path(), layers)
}

fn place(file: &str, text: &str) -> Place {
    Place {
        file: file.to_owned(),
        text: text.to_owned(),
    }
}

fn circle(rooms: &[&str]) -> Vec<String> {
    rooms.iter().map(|room| room.to_string()).collect()
}

#[test]
fn a_planted_circle_is_caught_and_named_with_a_place_for_each_step() {
    let found = findings(
        &[
            ("lib.rs", "pub mod a; pub mod b; pub mod c;"),
            ("a.rs", "pub struct Y; fn f() { crate::c::g(); }"),
            ("b/mod.rs", "use super::a::Y;"),
            ("c.rs", "pub fn g() {} fn h(_: crate::b::X) {}"),
        ],
        ABC,
    );
    assert_eq!(found.circles, [circle(&["a", "c", "b", "a"])]);
    let report = found.report(ABC);
    assert!(report.contains("a → c → b → a"), "{report}");
    assert!(report.contains("a → c at a.rs: crate::c::g"), "{report}");
    assert!(report.contains("c → b at c.rs: crate::b::X"), "{report}");
    assert!(
        report.contains("b → a at b/mod.rs: super::a::Y"),
        "{report}"
    );
}

#[test]
fn two_rooms_leaning_on_each_other_are_a_circle() {
    let found = findings(
        &[
            ("lib.rs", "mod a; mod b;"),
            ("a.rs", "use crate::b::X;"),
            ("b.rs", "fn f() -> crate::a::Y { loop {} }"),
        ],
        ABC,
    );
    assert_eq!(found.circles, [circle(&["a", "b", "a"])]);
}

#[test]
fn a_use_that_goes_upwards_is_reported_with_its_place() {
    let found = findings(
        &[
            ("lib.rs", "mod a; mod b; mod c;"),
            ("b.rs", "pub struct X;"),
            ("a/deep.rs", "fn f() -> crate::b::X { loop {} }"),
            ("c.rs", "use crate::{a, b::X};"),
        ],
        ABC,
    );
    assert!(found.circles.is_empty(), "{found:?}");
    assert_eq!(found.upward, [("a".to_owned(), "b".to_owned())]);
    assert_eq!(
        found.edges[&("a".to_owned(), "b".to_owned())],
        place("a/deep.rs", "crate::b::X")
    );
    let report = found.report(ABC);
    assert!(report.contains("These uses go upwards"), "{report}");
    assert!(
        report.contains("a → b at a/deep.rs: crate::b::X"),
        "{report}"
    );
}

#[test]
fn a_top_level_module_not_in_the_layers_is_reported_with_what_to_do() {
    let found = findings(&[("lib.rs", "mod a; mod stray;"), ("stray.rs", "")], ABC);
    assert_eq!(found.unlisted, ["stray"]);
    let report = found.report(ABC);
    assert!(report.contains("not in LAYERS: stray"), "{report}");
    assert!(
        report.contains("add it to LAYERS in tests/house/rooms.rs, at its place"),
        "{report}"
    );
}

#[test]
fn a_root_reexport_makes_an_edge_to_the_room_it_comes_from() {
    let found = findings(
        &[
            ("lib.rs", "mod a; mod b; pub use b::Store;"),
            ("a.rs", "fn f(_: &crate::Store) {}"),
        ],
        ABC,
    );
    assert_eq!(found.upward, [("a".to_owned(), "b".to_owned())]);
    assert_eq!(
        found.edges[&("a".to_owned(), "b".to_owned())],
        place("a.rs", "crate::Store")
    );
}

#[test]
fn lib_rs_sits_above_every_room_and_makes_no_edge() {
    let found = findings(
        &[(
            "lib.rs",
            "pub mod a; pub mod c; pub use c::X; pub use a::Y;",
        )],
        ABC,
    );
    assert!(found.edges.is_empty(), "{found:?}");
    assert!(found.is_clean());
}

#[test]
fn uses_within_one_room_and_down_to_lower_rooms_keep_the_rule() {
    let found = findings(
        &[
            ("lib.rs", "mod a; mod b; mod c; pub use a::Error;"),
            ("a.rs", "pub struct Error;"),
            (
                "b/mod.rs",
                "mod inner; pub use inner::Thing; use crate::Error;",
            ),
            (
                "b/inner.rs",
                "pub struct Thing; fn f() -> Result<(), super::super::a::Error> { Ok(()) }",
            ),
            (
                "c.rs",
                "use crate::b::{self, Thing}; #[cfg(test)] mod tests { use super::*; }",
            ),
        ],
        ABC,
    );
    assert!(found.is_clean(), "{}", found.report(ABC));
    assert_eq!(found.edges.len(), 2, "{found:?}"); // b → a, c → b
}

#[test]
fn a_listed_room_that_does_not_exist_yet_is_fine() {
    let found = findings(
        &[("lib.rs", "mod a; mod c;"), ("c.rs", "use crate::a::X;")],
        ABC,
    );
    assert!(found.is_clean(), "{}", found.report(ABC));
}

#[test]
fn paths_to_std_and_external_crates_make_no_edge() {
    let found = findings(
        &[
            ("lib.rs", "mod a;"),
            (
                "a.rs",
                "use std::fmt; use serde::Serialize; fn f() { chrono::Utc::now(); }",
            ),
        ],
        ABC,
    );
    assert!(found.edges.is_empty(), "{found:?}");
}
