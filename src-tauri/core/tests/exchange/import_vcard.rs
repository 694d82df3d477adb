//! Importing vCards as Google, Apple and Outlook write them, and the vCard round trip:
//! export → import into an empty store → export gives the same cards.

use crate::common::*;
use rapport_core::exchange::export::ExportFormat;
use rapport_core::exchange::import::{self, ImportFormat, Incoming, Parsed};
use rapport_core::network::links::LinkKind;
use rapport_core::network::people::{PeopleFilter, PersonInput};
use rapport_core::Store;

fn read(name: &str) -> Parsed {
    read_fixture(ImportFormat::Vcard, name)
}

fn only(name: &str) -> Incoming {
    let parsed = read(name);
    assert_eq!(parsed.contacts.len(), 1, "{:?}", parsed.contacts);
    parsed.contacts.into_iter().next().unwrap()
}

#[test]
fn google_cards_keep_names_accents_labels_and_a_birthday_without_a_year() {
    let ana = only("vcard/google-3.0.vcf");
    assert_eq!(ana.display_name, "Ana María Pérez");
    assert_eq!(
        (ana.given_name.as_deref(), ana.family_name.as_deref()),
        (Some("Ana María"), Some("Pérez"))
    );
    assert_eq!(
        ana.emails,
        [
            "ana.perez@example.com",
            "ana@acme.example",
            "ana.conf@example.net"
        ]
    );
    assert_eq!(ana.phones, ["+34 600 123 456", "+34 910 000 000"]);
    assert_eq!(ana.organization.as_deref(), Some("Acme Ibérica S.L."));
    assert_eq!(ana.title.as_deref(), Some("Directora comercial"));
    assert_eq!(ana.birthday.as_deref(), Some("--04-15"));
    assert_eq!(ana.tags, ["Trabajo"], "Google's own group is not a tag");
    assert!(ana
        .notes
        .as_deref()
        .unwrap()
        .starts_with("Conocida en la conferencia, Madrid 2023.\nSegunda"));
}

#[test]
fn apple_cards_give_the_preferred_email_first_the_linkedin_profile_and_no_placeholder_year() {
    let johnny = only("vcard/apple-3.0.vcf");
    assert_eq!(johnny.display_name, "Johnny Appleseed");
    assert_eq!(johnny.emails[0], "johnny@example.com");
    assert_eq!(johnny.phones[0], "+1 (408) 555-0100");
    assert_eq!(
        johnny.linkedin_url.as_deref(),
        Some("https://www.linkedin.com/in/jappleseed")
    );
    assert_eq!(johnny.birthday.as_deref(), Some("--04-15"));
    assert_eq!(
        johnny.uid.as_deref(),
        Some("9F5A3D1E-7C2B-4E11-9A0B-1C2D3E4F5A6B")
    );
    assert_eq!(johnny.organization.as_deref(), Some("Apple Inc."));
}

#[test]
fn outlook_quoted_printable_in_legacy_charsets_is_decoded() {
    let parsed = read("vcard/outlook-2.1.vcf");
    let names: Vec<&str> = parsed
        .contacts
        .iter()
        .map(|c| c.display_name.as_str())
        .collect();
    assert_eq!(names, ["Jürgen Müller", "Öztürk Ayşe (no CHARSET)"]);
    let jurgen = &parsed.contacts[0];
    assert_eq!(
        jurgen.organization.as_deref(),
        Some("Großhandel GmbH"),
        "the unit is a department"
    );
    assert_eq!(jurgen.title.as_deref(), Some("Einkäufer"));
    assert!(jurgen
        .notes
        .as_deref()
        .unwrap()
        .starts_with("Preis: 5 €, überwiesen.\nZweite Zeile"));
    assert_eq!(jurgen.emails[0], "juergen.mueller@example.de");
    assert_eq!(jurgen.birthday.as_deref(), Some("1975-03-01"));
}

#[test]
fn utf16_files_and_raw_windows_1252_files_are_read() {
    let parsed = read("vcard/utf16-with-bom.vcf");
    let names: Vec<&str> = parsed
        .contacts
        .iter()
        .map(|c| c.display_name.as_str())
        .collect();
    assert_eq!(names, ["Ana María Pérez", "Johnny Appleseed"]);
    assert_eq!(
        only("vcard/windows-1252.vcf").display_name,
        "Jürgen Müller €"
    );
}

#[test]
fn vcard_4_relations_by_uid_become_links_and_others_are_kept_in_the_notes() {
    let zoe = only("vcard/rfc-4.0.vcf");
    assert_eq!(
        zoe.uid.as_deref(),
        Some("4fbe8971-0bc3-424c-9c26-36c3e1eff6b1")
    );
    assert_eq!(zoe.related.len(), 1);
    assert_eq!(zoe.related[0].uid, "03a0e51f-d1aa-4385-8a53-e29025acd8af");
    assert_eq!(zoe.related[0].kind, LinkKind::Family);
    assert!(zoe.notes.as_deref().unwrap().contains("Related: Bob Smith"));
    assert_eq!(zoe.phones[0], "+44-7700-900123");
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let summary = store
        .import(ImportFormat::Vcard, &read("vcard/rfc-4.0.vcf"), &mut |_| {})
        .unwrap();
    assert_eq!(summary.new, 1);
    assert!(
        summary.skipped[0]
            .reason
            .contains("is not in this file or in Rapport"),
        "a relation to someone unknown is reported: {:?}",
        summary.skipped
    );
}

#[test]
fn a_card_without_any_name_is_skipped_with_a_reason() {
    let parsed = read("hostile/nameless-card.vcf");
    assert_eq!(parsed.contacts.len(), 1);
    assert_eq!(parsed.skipped[0].source, "card 1");
}

/// A store with every field and every kind of link filled in.
fn rich_store() -> Store {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    for file in [
        "vcard/google-3.0.vcf",
        "vcard/apple-3.0.vcf",
        "vcard/outlook-2.1.vcf",
    ] {
        store
            .import(ImportFormat::Vcard, &read(file), &mut |_| {})
            .unwrap();
    }
    let ada = store
        .add_person(PersonInput {
            circle: Some("Professors & advisors".into()),
            organization: Some("Analytical Engines".into()),
            title: Some("Mentor, programmer; first".into()),
            email: Some("ada@analytical.org".into()),
            linkedin_url: Some("https://www.linkedin.com/in/ada-lovelace".into()),
            how_met: Some("Royal Society lecture".into()),
            notes: Some("Line one\nLine two, with a comma; and a semicolon \\ backslash".into()),
            tags: vec!["math".into(), "mentors".into()],
            ..PersonInput::named("Ada Lovelace")
        })
        .unwrap();
    let charles = add(&store, "Charles Babbage");
    let ana = store.find_person("Ana María Pérez").unwrap();
    for (from, to, kind) in [
        (charles.id, ada.id, LinkKind::Mentor),
        (ana.id, ada.id, LinkKind::IntroducedBy),
        (ada.id, charles.id, LinkKind::Colleague),
        (ana.id, charles.id, LinkKind::ReferredBy),
    ] {
        link(&store, from, to, kind);
    }
    store
}

#[test]
fn export_then_import_into_an_empty_store_then_export_gives_the_same_cards() {
    let first = rich_store().export(ExportFormat::Vcard).unwrap().0;
    assert!(
        first.contains("RELATED;TYPE=CONTACT;X-RAPPORT-KIND=mentor:urn:uuid:"),
        "{first}"
    );
    let empty = memory_store(&clock_at("2026-04-01T10:00:00Z"));
    let parsed = import::parse(ImportFormat::Vcard, first.as_bytes()).unwrap();
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    let summary = empty
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!((summary.new, summary.links_added), (6, 4));
    assert!(summary.skipped.is_empty(), "{:?}", summary.skipped);
    let second = empty.export(ExportFormat::Vcard).unwrap().0;
    assert_eq!(first, second);
    // And importing the export into the store it came from changes nothing.
    let again = empty
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!((again.new, again.updated, again.unchanged), (0, 0, 6));
    assert_eq!(empty.people(PeopleFilter::default()).unwrap().len(), 6);
}

/// Found by fuzzing: the second of two people sharing a number (a family landline) was found
/// again by nothing, so every later import added them once more.
#[test]
fn two_people_sharing_a_phone_number_are_each_found_again_on_the_next_import() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let card = |name: &str| {
        format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL;TYPE=HOME:+1 408 555 0100\r\nEND:VCARD\r\n")
    };
    let file = format!("{}{}", card("Rosa Parks"), card("Raymond Parks"));
    let parsed = import::parse(ImportFormat::Vcard, file.as_bytes()).unwrap();
    let first = store
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!(first.new, 2);
    let again = store
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!((again.new, again.unchanged), (0, 2), "{again:?}");
}
