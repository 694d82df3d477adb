//! Lines end however the program that wrote the file ended them: LF, CR LF, a CR alone (classic
//! Mac OS), CR CR LF (iOS 6), or a mixture of them; folded lines and quoted-printable soft
//! breaks unfold in each.

use crate::common::*;
use rapport_core::exchange::import::{self, ImportFormat, Incoming, Parsed};

fn vcard(bytes: &[u8]) -> Parsed {
    import::parse(ImportFormat::Vcard, bytes).unwrap()
}

fn names(parsed: &Parsed) -> Vec<&str> {
    parsed
        .contacts
        .iter()
        .map(|c| c.display_name.as_str())
        .collect()
}

/// Two cards, one 3.0 with a folded note, one 2.1 with a quoted-printable note broken softly.
const LINES: [&str; 14] = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    "FN:Ana María Pérez",
    "NOTE:Met in Madrid\\, a long note folded",
    "  over two lines.",
    "EMAIL:ana@example.com",
    "END:VCARD",
    "BEGIN:VCARD",
    "VERSION:2.1",
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller",
    "NOTE;ENCODING=QUOTED-PRINTABLE:Zweite Zeile, sehr lang, damit=",
    "Outlook sie umbricht.",
    "TEL;CELL:+49 170 1234567",
    "END:VCARD",
];

fn read_with(endings: &[&str]) -> Vec<Incoming> {
    let mut file = String::new();
    for (index, line) in LINES.iter().enumerate() {
        file.push_str(line);
        file.push_str(endings[index % endings.len()]);
    }
    let parsed = vcard(file.as_bytes());
    assert!(
        parsed.skipped.is_empty(),
        "{endings:?}: {:?}",
        parsed.skipped
    );
    parsed.contacts
}

#[test]
fn lf_crlf_cr_alone_cr_cr_lf_and_mixtures_read_the_same_with_folded_lines_unfolded() {
    let expected = read_with(&["\r\n"]);
    assert_eq!(expected.len(), 2);
    assert_eq!(
        expected[0].notes.as_deref(),
        Some("Met in Madrid, a long note folded over two lines.")
    );
    assert_eq!(expected[1].display_name, "Jürgen Müller");
    assert_eq!(
        expected[1].notes.as_deref(),
        Some("Zweite Zeile, sehr lang, damitOutlook sie umbricht.")
    );
    for endings in [
        &["\n"][..],
        &["\r"],
        &["\r\r\n"],
        &["\r", "\n", "\r\n", "\r\r\n"],
        &["\r\r\n", "\r"],
    ] {
        assert_eq!(read_with(endings), expected, "{endings:?}");
    }
}

#[test]
fn a_classic_mac_file_with_cr_alone_imports_everyone() {
    let parsed = read_fixture(ImportFormat::Vcard, "vcard/classic-mac-cr-only.vcf");
    assert_eq!(names(&parsed), ["Jürgen Müller", "Johnny Appleseed"]);
    assert_eq!(parsed.contacts[0].family_name.as_deref(), Some("Müller"));
    assert_eq!(
        parsed.contacts[0].notes.as_deref(),
        Some("Met at the Frankfurt book fair, 1998. A long note that the Address Book folds.")
    );
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
}

#[test]
fn an_ios_6_file_with_cr_cr_lf_imports_everyone() {
    let parsed = read_fixture(ImportFormat::Vcard, "vcard/ios6-cr-cr-lf.vcf");
    assert_eq!(names(&parsed), ["Ana María Pérez", "Johnny Appleseed"]);
    assert_eq!(parsed.contacts[0].emails, ["ana@acme.example"]);
    assert_eq!(
        parsed.contacts[0].notes.as_deref(),
        Some("Conocida en la conferencia de Madrid, con una nota lo bastante larga para que iOS la pliegue.")
    );
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
}
