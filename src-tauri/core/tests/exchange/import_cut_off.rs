//! A file cut off inside a card (a download that stopped): the complete cards are read and the
//! incomplete one is listed as skipped, saying why; a file with no complete card is refused
//! with that reason, and nothing is written.

use crate::common::*;
use rapport_core::exchange::export::ExportFormat;
use rapport_core::exchange::import::{self, vcard::CUT_OFF, ImportFormat, Skipped};

#[test]
fn the_complete_cards_are_read_and_the_card_the_file_ends_inside_is_skipped_with_the_reason() {
    let parsed = read_fixture(ImportFormat::Vcard, "hostile/cut-off-after-two-cards.vcf");
    let names: Vec<&str> = parsed
        .contacts
        .iter()
        .map(|c| c.display_name.as_str())
        .collect();
    assert_eq!(names, ["Ada Lovelace", "Charles Babbage"]);
    assert!(parsed.contacts.iter().all(|c| c.emails != ["half@"]));
    assert_eq!(
        parsed.skipped,
        [Skipped {
            source: "card 3".into(),
            reason: "the file ends inside this card — was the download cut?".into()
        }]
    );
    assert_eq!(CUT_OFF, parsed.skipped[0].reason);
}

#[test]
fn a_file_that_ends_inside_its_first_card_is_refused_and_nothing_is_written() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    add(&store, "Someone Already Here");
    let before = store.export(ExportFormat::Json).unwrap().0;
    let bytes = import::read_file(&fixture("hostile/truncated.vcf")).unwrap();
    let error = import::parse(ImportFormat::Vcard, &bytes)
        .and_then(|parsed| store.import(ImportFormat::Vcard, &parsed, &mut |_| {}))
        .unwrap_err();
    assert_eq!(error.code(), "invalid_input", "{error:?}");
    assert!(
        error.to_string().contains("was the download cut?"),
        "{error}"
    );
    assert_eq!(store.export(ExportFormat::Json).unwrap().0, before);
}

#[test]
fn a_card_whose_end_is_missing_before_the_next_card_is_still_read() {
    let file = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No End\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Next One\r\nEND:VCARD\r\n";
    let parsed = import::parse(ImportFormat::Vcard, file).unwrap();
    let names: Vec<&str> = parsed
        .contacts
        .iter()
        .map(|c| c.display_name.as_str())
        .collect();
    assert_eq!(names, ["No End", "Next One"]);
}
