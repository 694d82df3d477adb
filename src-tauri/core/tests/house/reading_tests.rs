//! How `reading.rs` turns the paths written in a crate into the modules they name: one test per
//! form a path can take, each on a small crate written into a temporary folder.

use crate::reading::{module_of_file, Crate};
use crate::synthetic_tree;

/// Reads a crate made of `files` (relative to `src/`) and lists each reference it resolves as
/// `module written in -> path named`, the root written as `crate`.
fn resolved(files: &[(&str, &str)]) -> Vec<String> {
    let tree = synthetic_tree(files);
    let name = |path: &[String]| match path {
        [] => "crate".to_owned(),
        _ => path.join("::"),
    };
    Crate::read(tree.path())
        .references()
        .iter()
        .map(|reference| format!("{} -> {}", name(&reference.from), name(&reference.to)))
        .collect()
}

#[track_caller]
fn assert_resolves(references: &[String], expected: &str) {
    assert!(
        references.iter().any(|reference| reference == expected),
        "expected `{expected}` among the resolved references:\n{references:#?}"
    );
}

#[test]
fn a_file_path_gives_its_module_path() {
    assert_eq!(module_of_file("lib.rs"), Vec::<String>::new());
    assert_eq!(module_of_file("store.rs"), ["store"]);
    assert_eq!(module_of_file("store/mod.rs"), ["store"]);
    assert_eq!(module_of_file("network/people.rs"), ["network", "people"]);
    assert_eq!(
        module_of_file("network/people/notes.rs"),
        ["network", "people", "notes"]
    );
}

#[test]
fn a_grouped_use_names_every_path_in_the_group() {
    let references = resolved(&[
        ("lib.rs", "mod a; mod b; mod c;"),
        ("a.rs", "use crate::{b::{X, inner::{self, Y as Z}}, c::*};"),
    ]);
    assert_resolves(&references, "a -> b::X");
    assert_resolves(&references, "a -> b::inner");
    assert_resolves(&references, "a -> b::inner::Y");
    assert_resolves(&references, "a -> c");
}

#[test]
fn a_path_inside_an_expression_is_read() {
    let references = resolved(&[
        ("lib.rs", "mod a; mod x;"),
        ("a.rs", "fn go() -> u32 { let n = crate::x::f(); n + 1 }"),
    ]);
    assert_resolves(&references, "a -> x::f");
}

#[test]
fn a_path_in_a_type_position_is_read() {
    let references = resolved(&[
        ("lib.rs", "mod a; mod x; mod y; mod z;"),
        (
            "a.rs",
            "struct Held { inner: Vec<crate::x::Thing> }
             fn take(_: &dyn crate::y::Show) {}
             impl crate::z::Trait for Held {}",
        ),
    ]);
    assert_resolves(&references, "a -> x::Thing");
    assert_resolves(&references, "a -> y::Show");
    assert_resolves(&references, "a -> z::Trait");
}

#[test]
fn a_path_inside_a_macro_call_is_read() {
    let references = resolved(&[
        ("lib.rs", "mod a; mod x;"),
        ("a.rs", r#"fn go() { println!("{}", crate::x::name()); }"#),
    ]);
    assert_resolves(&references, "a -> x::name");
}

#[test]
fn a_path_inside_a_macro_body_that_is_not_expressions_is_read() {
    let references = resolved(&[
        ("lib.rs", "mod a; mod x; mod y;"),
        (
            "a.rs",
            r#"fn go() { tracing::info!(%who, found = ?crate::x::count(), "done"); let v = vec![super::y::Z; 3]; }"#,
        ),
    ]);
    assert_resolves(&references, "a -> x::count");
    assert_resolves(&references, "a -> y::Z");
}

#[test]
#[should_panic(expected = "neither a top-level module nor a name lib.rs re-exports by name")]
fn a_crate_path_to_a_name_the_root_only_globs_is_refused() {
    resolved(&[
        ("lib.rs", "mod a; mod x; pub use x::*;"),
        ("a.rs", "fn go() { crate::Thing::new(); }"),
    ]);
}

#[test]
fn super_climbs_one_module_per_super_from_a_nested_file() {
    let references = resolved(&[
        ("lib.rs", "mod net; mod x;"),
        ("net/mod.rs", "mod people;"),
        (
            "net/people.rs",
            "use super::super::x::Y; use super::Sibling; fn f() { super::g(); }",
        ),
    ]);
    assert_resolves(&references, "net::people -> x::Y");
    assert_resolves(&references, "net::people -> net::Sibling");
    assert_resolves(&references, "net::people -> net::g");
}

#[test]
fn self_starts_from_the_current_module() {
    let references = resolved(&[
        ("lib.rs", "mod a;"),
        ("a.rs", "mod inner; use self::inner::X;"),
    ]);
    assert_resolves(&references, "a -> a::inner::X");
}

#[test]
fn a_root_reexport_used_through_crate_names_the_module_it_comes_from() {
    let references = resolved(&[
        (
            "lib.rs",
            "mod error; mod store; pub use error::{Error, Result as Res}; pub use store::Store;",
        ),
        ("error.rs", "pub struct Error;"),
        (
            "store.rs",
            "pub struct Store; fn open() -> crate::Res<crate::Store> { loop {} }",
        ),
        ("store/keys.rs", "use crate::Error;"),
    ]);
    assert_resolves(&references, "store -> error::Result");
    assert_resolves(&references, "store -> store::Store");
    assert_resolves(&references, "store::keys -> error::Error");
}

#[test]
fn a_first_segment_naming_a_child_module_resolves_relative_to_the_current_module() {
    let references = resolved(&[
        ("lib.rs", "mod net; pub use net::Person;"),
        ("net/mod.rs", "mod people; pub use people::Person;"),
        ("net/people.rs", "pub struct Person;"),
    ]);
    assert_resolves(&references, "crate -> net::Person");
    assert_resolves(&references, "net -> net::people::Person");
}

#[test]
fn an_inline_module_nests_the_paths_written_in_it() {
    let references = resolved(&[
        ("lib.rs", "mod a; mod y;"),
        (
            "a.rs",
            "#[cfg(test)] mod tests { use super::*; use crate::y::Z; }",
        ),
    ]);
    assert_resolves(&references, "a::tests -> a");
    assert_resolves(&references, "a::tests -> y::Z");
}

#[test]
fn paths_to_std_external_crates_and_local_items_are_left_out() {
    let references = resolved(&[
        ("lib.rs", "mod a;"),
        (
            "a.rs",
            "use std::collections::BTreeMap; use ::serde::Serialize; use chrono::Utc;
             struct Local; fn f() -> Option<Local> { let m: BTreeMap<u8, u8> = BTreeMap::new();
             Local::new(); Self::g(); core::mem::drop(m); None }",
        ),
    ]);
    assert_eq!(references, Vec::<String>::new());
}
