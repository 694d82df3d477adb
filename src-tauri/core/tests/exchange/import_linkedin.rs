//! Importing LinkedIn's Connections.csv: the header after the notes, every quirk of the format,
//! and never a duplicate.

use crate::common::*;
use rapport_core::exchange::import::{ImportFormat, ImportSummary, Parsed};
use rapport_core::network::people::{PeopleFilter, PersonInput};
use rapport_core::Store;

fn read(name: &str) -> Parsed {
    read_fixture(ImportFormat::Linkedin, name)
}

fn import_file(store: &Store, name: &str) -> ImportSummary {
    store
        .import(ImportFormat::Linkedin, &read(name), &mut |_| {})
        .unwrap()
}

fn names(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store
        .people(PeopleFilter::default())
        .unwrap()
        .into_iter()
        .map(|p| p.display_name)
        .collect();
    names.sort();
    names
}

#[test]
fn the_header_is_found_after_the_notes_and_quirks_are_read_as_linkedin_writes_them() {
    let parsed = read("linkedin/Connections.csv");
    let names: Vec<&str> = parsed
        .contacts
        .iter()
        .map(|c| c.display_name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Ada Lovelace",
            "Charles Babbage",
            "Grace Hopper",
            "José Núñez",
            "Katherine Johnson"
        ]
    );
    let ada = &parsed.contacts[0];
    assert_eq!(ada.title.as_deref(), Some("Programmer, first of her kind"));
    assert_eq!(ada.organization.as_deref(), Some("Analytical Engines"));
    assert_eq!(ada.emails, ["ada@analytical.org"]);
    assert_eq!(ada.connected_on.as_deref(), Some("2024-03-12"));
    assert_eq!(ada.circle.as_deref(), Some("LinkedIn"));
    assert!(
        parsed.contacts[1].emails.is_empty(),
        "an empty email is no email"
    );
    assert_eq!(
        parsed.contacts[2].organization.as_deref(),
        Some("US Navy, Reserve")
    );
    assert_eq!(
        parsed.contacts[3].title.as_deref(),
        Some("Analyst \"Data\"")
    );
    assert_eq!(
        parsed.skipped.len(),
        1,
        "the member with no name is skipped, with a reason"
    );
    assert!(
        parsed.skipped[0].reason.contains("no name"),
        "{:?}",
        parsed.skipped
    );
}

#[test]
fn rows_become_people_organizations_and_roles_in_the_linkedin_circle() {
    let clock = clock_at("2026-03-01T10:00:00Z");
    let store = memory_store(&clock);
    let summary = import_file(&store, "linkedin/Connections.csv");
    assert_eq!((summary.new, summary.updated, summary.unchanged), (5, 0, 0));
    assert!(summary.written);
    let ada = store
        .person(store.find_person("Ada Lovelace").unwrap().id)
        .unwrap();
    assert_eq!(ada.circle.as_deref(), Some("LinkedIn"));
    assert_eq!(ada.organization.as_deref(), Some("Analytical Engines"));
    assert_eq!(ada.connected_on.as_deref(), Some("2024-03-12"));
    assert_eq!(
        ada.linkedin_url.as_deref(),
        Some("https://www.linkedin.com/in/ada-lovelace")
    );
    let at_engines = store.who_do_i_know_at("Analytical Engines").unwrap();
    assert_eq!(at_engines.direct.len(), 2);
    assert_eq!(
        store.search_people("nunez").unwrap()[0].display_name,
        "José Núñez"
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let clock = clock_at("2026-03-01T10:00:00Z");
    let store = memory_store(&clock);
    import_file(&store, "linkedin/Connections.csv");
    let first = store.people(PeopleFilter::default()).unwrap();
    let again = import_file(&store, "linkedin/Connections.csv");
    assert_eq!((again.new, again.updated, again.unchanged), (0, 0, 5));
    assert_eq!(store.people(PeopleFilter::default()).unwrap(), first);
}

#[test]
fn the_preview_counts_exactly_what_the_import_then_does_and_writes_nothing() {
    let clock = clock_at("2026-03-01T10:00:00Z");
    let store = memory_store(&clock);
    store
        .add_person(PersonInput {
            email: Some("ADA@analytical.org".into()),
            ..PersonInput::named("Ada King")
        })
        .unwrap();
    store
        .add_person(PersonInput::named("Grace Hopper"))
        .unwrap();
    let parsed = read("linkedin/Connections.csv");
    let mut reports = Vec::new();
    let preview = store
        .preview_import(ImportFormat::Linkedin, &parsed, &mut |p| reports.push(p))
        .unwrap();
    assert!(!preview.written);
    assert_eq!(
        names(&store),
        ["Ada King", "Grace Hopper"],
        "a preview writes nothing"
    );
    assert_eq!(reports.last().map(|p| (p.done, p.total)), Some((5, 5)));
    let done = store
        .import(ImportFormat::Linkedin, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!(
        (
            preview.new,
            preview.updated,
            preview.unchanged,
            preview.possible_duplicates
        ),
        (
            done.new,
            done.updated,
            done.unchanged,
            done.possible_duplicates
        )
    );
    // Ada matched by email (whatever its case), so she gains LinkedIn's details and keeps her name.
    assert_eq!(
        (done.new, done.updated, done.possible_duplicates),
        (4, 1, 1)
    );
    let ada = store
        .person(store.find_person("Ada King").unwrap().id)
        .unwrap();
    assert_eq!(ada.organization.as_deref(), Some("Analytical Engines"));
    assert_eq!(ada.email.as_deref(), Some("ADA@analytical.org"));
    // Grace had only a name: the import adds the LinkedIn Grace and flags the pair to review.
    assert_eq!(store.search_people("grace hopper").unwrap().len(), 2);
}

#[test]
fn a_profile_link_matches_whatever_its_form_and_a_new_company_ends_the_old_role() {
    let clock = clock_at("2026-03-01T10:00:00Z");
    let store = memory_store(&clock);
    store
        .add_person(PersonInput {
            linkedin_url: Some("http://linkedin.com/in/Charles-Babbage/".into()),
            organization: Some("Difference Engines".into()),
            notes: Some("Met at the Royal Society".into()),
            ..PersonInput::named("Charles Babbage")
        })
        .unwrap();
    let summary = import_file(&store, "linkedin/Connections.csv");
    assert_eq!((summary.new, summary.updated), (4, 1));
    let charles = store
        .person(store.find_person("Charles Babbage").unwrap().id)
        .unwrap();
    assert_eq!(charles.organization.as_deref(), Some("Analytical Engines"));
    assert_eq!(
        charles.notes, "Met at the Royal Society",
        "what the user typed stays"
    );
    assert_eq!(
        store
            .who_do_i_know_at("Difference Engines")
            .unwrap()
            .direct
            .len(),
        0,
        "the old role ended"
    );
}

#[test]
fn older_exports_without_a_url_column_still_import() {
    let clock = clock_at("2026-03-01T10:00:00Z");
    let store = memory_store(&clock);
    import_file(&store, "linkedin/Connections.csv");
    let summary = import_file(&store, "linkedin/Connections-older-export.csv");
    // Ada is known by email; Alan is new, with a date in the older US form.
    assert_eq!((summary.new, summary.unchanged + summary.updated), (1, 1));
    let alan = store
        .person(store.find_person("Alan Turing").unwrap().id)
        .unwrap();
    assert_eq!(alan.connected_on.as_deref(), Some("2019-06-23"));
}

#[test]
fn namesakes_at_one_company_with_different_profiles_are_two_people() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\
        John,Smith,https://www.linkedin.com/in/john-smith-1,,Contoso,Engineer,01 Mar 2024\r\n\
        John,Smith,https://www.linkedin.com/in/john-smith-2,,Contoso,Analyst,02 Mar 2024\r\n";
    let parsed =
        rapport_core::exchange::import::parse(ImportFormat::Linkedin, csv.as_bytes()).unwrap();
    let summary = store
        .import(ImportFormat::Linkedin, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!(summary.new, 2);
    assert_eq!(names(&store), ["John Smith", "John Smith"]);
    // The same file again: each profile finds its own person.
    let again = store
        .import(ImportFormat::Linkedin, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!((again.new, again.unchanged), (0, 2));
}
