//! Address books in legacy charsets, as feature phones, Outlook, old Macs and spreadsheets write
//! them: every `CHARSET` is honoured on plain and quoted-printable values alike; text that
//! declares none is read in the charset its card or file declares elsewhere, or the one
//! detected; and the summary says which charsets were assumed, so a person can check.

use encoding_rs::Encoding;
use serde_json::json;

use crate::common::*;
use rapport_core::exchange::import::{
    self, AssumedCharset, CharsetEvidence, CharsetExample, ImportFormat, Incoming, Parsed,
};

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

fn parts(contact: &Incoming) -> (Option<&str>, Option<&str>) {
    (
        contact.family_name.as_deref(),
        contact.given_name.as_deref(),
    )
}

fn assumed(
    charset: &str,
    how: CharsetEvidence,
    contacts: usize,
    first: (&str, &str),
) -> AssumedCharset {
    AssumedCharset {
        charset: charset.into(),
        how,
        contacts,
        example: CharsetExample {
            source: first.0.into(),
            name: first.1.into(),
        },
    }
}

/// Names in each charset address books are found in: (label, family name, given name).
const NAMES: [(&str, &str, &str); 22] = [
    ("SHIFT_JIS", "安藤", "ロイド"),
    ("EUC-JP", "安藤", "ロイド"),
    ("ISO-2022-JP", "安藤", "ロイド"),
    ("GB18030", "王", "小明"),
    ("GB2312", "李", "华"),
    ("GBK", "张", "伟"),
    ("BIG5", "陳", "大文"),
    ("EUC-KR", "김", "민준"),
    ("WINDOWS-1250", "Wróbel", "Łukasz"),
    ("WINDOWS-1251", "Шевченко", "Тарас"),
    ("WINDOWS-1252", "Lefèvre", "François"),
    ("WINDOWS-1253", "Παπαδόπουλος", "Νίκος"),
    ("WINDOWS-1254", "Öztürk", "Ayşe"),
    ("WINDOWS-1255", "כהן", "אבי"),
    ("WINDOWS-1256", "علي", "محمد"),
    ("WINDOWS-1257", "Bērziņš", "Jānis"),
    ("WINDOWS-1258", "Đoàn", "Văn"),
    ("ISO-8859-2", "Dvořák", "Antonín"),
    ("ISO-8859-5", "Петров", "Иван"),
    ("ISO-8859-7", "Οικονόμου", "Ελένη"),
    ("KOI8-R", "Иванова", "Ольга"),
    ("KOI8-U", "Їжакевич", "Олена"),
];

fn encode(label: &str, text: &str) -> Vec<u8> {
    let encoding = Encoding::for_label(label.as_bytes()).unwrap();
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{text} in {label}");
    bytes.into_owned()
}

/// Quoted-printable as phones write it: every byte above 127, every control byte and `=` escaped.
fn quoted_printable(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .flat_map(|&b| match b {
            0x80.. | ..0x20 | b'=' => format!("={b:02X}").into_bytes(),
            _ => vec![b],
        })
        .collect()
}

/// A 2.1 card with the name declared in `label`, plain or quoted-printable.
fn card_in(label: &str, family: &str, given: &str, qp: bool) -> Vec<u8> {
    let value = |text: &str| match qp {
        true => quoted_printable(&encode(label, text)),
        false => encode(label, text),
    };
    let parameters = match qp {
        true => format!(";CHARSET={label};ENCODING=QUOTED-PRINTABLE:"),
        false => format!(";CHARSET={label}:"),
    };
    let mut card = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN".to_vec();
    card.extend(parameters.bytes());
    card.extend(value(family));
    card.push(b';');
    card.extend(value(given));
    card.extend(b";;;\r\nFN".iter().chain(parameters.as_bytes()));
    card.extend(value(&format!("{given} {family}")));
    card.extend(b"\r\nTEL;CELL:+1 555 0100\r\nEND:VCARD\r\n");
    card
}

#[test]
fn every_declared_charset_is_read_in_plain_and_quoted_printable_values() {
    for (label, family, given) in NAMES {
        for qp in [false, true] {
            let parsed = vcard(&card_in(label, family, given, qp));
            let form = if qp { "quoted-printable" } else { "plain" };
            assert_eq!(
                names(&parsed),
                [format!("{given} {family}")],
                "{label} {form}"
            );
            assert_eq!(
                parts(&parsed.contacts[0]),
                (Some(family), Some(given)),
                "{label} {form}"
            );
            assert!(
                parsed.assumed_charsets.is_empty(),
                "{label} {form}: declared, not assumed"
            );
        }
    }
}

#[test]
fn a_feature_phone_card_in_shift_jis_reads_in_japanese_even_where_a_byte_is_a_backslash() {
    let parsed = read_fixture(ImportFormat::Vcard, "vcard/feature-phone-shift-jis-2.1.vcf");
    assert_eq!(names(&parsed), ["安藤 ロイド", "能登 ソラ"]);
    let lloyd = &parsed.contacts[0];
    assert_eq!(parts(lloyd), (Some("安藤"), Some("ロイド")));
    assert_eq!(lloyd.organization.as_deref(), Some("株式会社テスト商事"));
    assert_eq!(
        lloyd.notes.as_deref(),
        Some("展示会で名刺交換。\n来月もう一度連絡すること。"),
        "quoted-printable with a soft break and a line break"
    );
    assert_eq!(lloyd.emails, ["lloyd.ando@docomo.example"]);
    // 能 and ソ end in the byte of `\`, plain and quoted-printable alike.
    assert_eq!(parts(&parsed.contacts[1]), (Some("能登"), Some("ソラ")));
    assert!(parsed.assumed_charsets.is_empty());
}

#[test]
fn text_with_no_charset_uses_the_one_its_card_declares_on_another_property_then_the_files() {
    let parsed = read_fixture(
        ImportFormat::Vcard,
        "vcard/ukrainian-1251-declared-once.vcf",
    );
    assert_eq!(names(&parsed), ["Тарас Шевченко", "Леся Українка"]);
    assert_eq!(
        parsed.contacts[0].organization.as_deref(),
        Some("Київський університет")
    );
    assert_eq!(
        parsed.assumed_charsets,
        [
            assumed(
                "windows-1251",
                CharsetEvidence::DeclaredInCard,
                1,
                ("card 1", "Тарас Шевченко")
            ),
            assumed(
                "windows-1251",
                CharsetEvidence::DeclaredInFile,
                1,
                ("card 2", "Леся Українка")
            ),
        ]
    );
}

#[test]
fn undeclared_windows_1255_hebrew_is_detected_and_said_to_be() {
    let parsed = read_fixture(
        ImportFormat::Vcard,
        "vcard/outlook-hebrew-undeclared-2.1.vcf",
    );
    assert_eq!(names(&parsed), ["אבי כהן", "שרה לוי", "יוסף מזרחי"]);
    assert_eq!(
        parsed.contacts[1].organization.as_deref(),
        Some("אוניברסיטת תל אביב")
    );
    assert_eq!(
        parsed.assumed_charsets,
        [assumed(
            "windows-1255",
            CharsetEvidence::Detected,
            3,
            ("card 1", "אבי כהן")
        )]
    );
}

#[test]
fn undeclared_shift_jis_is_detected_in_plain_and_quoted_printable_values() {
    let parsed = read_fixture(
        ImportFormat::Vcard,
        "vcard/feature-phone-shift-jis-undeclared.vcf",
    );
    assert_eq!(names(&parsed), ["安藤 ロイド", "山田 花子"]);
    assert_eq!(parts(&parsed.contacts[1]), (Some("山田"), Some("花子")));
    assert_eq!(parsed.contacts[1].organization.as_deref(), Some("東京大学"));
    assert_eq!(
        parsed.assumed_charsets,
        [assumed(
            "Shift_JIS",
            CharsetEvidence::Detected,
            2,
            ("card 1", "安藤 ロイド")
        )]
    );
}

#[test]
fn utf8_under_a_legacy_charset_label_and_unlabelled_utf8_are_read_as_utf8_with_nothing_assumed() {
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN;CHARSET=ISO-8859-1:Müller;Jürgen\r\nFN:Jürgen Müller\r\nEND:VCARD\r\n";
    let parsed = vcard(card.as_bytes());
    assert_eq!(names(&parsed), ["Jürgen Müller"]);
    assert_eq!(parts(&parsed.contacts[0]), (Some("Müller"), Some("Jürgen")));
    assert!(parsed.assumed_charsets.is_empty());
}

#[test]
fn the_preview_says_which_charsets_were_assumed_in_the_summary_as_the_ui_and_cli_receive_it() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let parsed = read_fixture(
        ImportFormat::Vcard,
        "vcard/outlook-hebrew-undeclared-2.1.vcf",
    );
    let summary = store
        .preview_import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!(summary.assumed_charsets, parsed.assumed_charsets);
    assert_eq!(
        serde_json::to_value(&summary).unwrap()["assumedCharsets"],
        json!([{
            "charset": "windows-1255",
            "how": "detected",
            "contacts": 3,
            "example": {"source": "card 1", "name": "אבי כהן"}
        }])
    );
    assert_eq!(
        summary.assumed_charsets[0].sentence(),
        "3 contacts read as windows-1255 (detected), such as “אבי כהן” (card 1): check that their names read right."
    );
    assert_eq!(
        CharsetEvidence::DeclaredInCard.describe(),
        "declared elsewhere in the card"
    );
}

#[test]
fn a_linkedin_csv_saved_again_in_a_legacy_charset_is_detected_and_said_to_be() {
    let parsed = read_fixture(
        ImportFormat::Linkedin,
        "linkedin/Connections-excel-shift-jis.csv",
    );
    assert_eq!(names(&parsed), ["ロイド 安藤", "花子 山田", "Ada Lovelace"]);
    assert_eq!(
        parsed.contacts[0].organization.as_deref(),
        Some("株式会社テスト商事")
    );
    assert_eq!(
        parsed.assumed_charsets,
        [assumed(
            "Shift_JIS",
            CharsetEvidence::Detected,
            2,
            ("line 5", "ロイド 安藤")
        )],
        "only the rows with text outside ASCII are counted"
    );
    let latin1 = read_fixture(ImportFormat::Linkedin, "hostile/latin1.csv");
    assert_eq!(latin1.assumed_charsets[0].charset, "windows-1252");
    let utf8 = read_fixture(ImportFormat::Linkedin, "linkedin/Connections.csv");
    assert!(utf8.assumed_charsets.is_empty());
}
