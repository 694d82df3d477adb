//! Addresses and photos from real address books: ADR with Apple's and Google's labels and
//! home/work types, faces inline in the 2.1, 3.0 and 4.0 forms, broken and oversized photos
//! skipped with their reason, and the round trip keeping both byte for byte.

use std::time::Instant;

use crate::common::faces::*;
use crate::common::*;
use rapport_core::exchange::export::ExportFormat;
use rapport_core::exchange::import::{self, ImportFormat};
use rapport_core::network::addresses::{Address, AddressKind};
use rapport_core::network::photos::THUMBNAIL_SIDE;

/// An iPhone's card (3.0): grouped addresses with Apple's labels, a folded inline photo.
fn iphone_card(photo: &[u8]) -> String {
    format!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\n\
         N:Appleseed;Kate;;;\r\nFN:Kate Appleseed\r\nEMAIL;type=INTERNET;type=HOME;type=pref:kate@example.com\r\n\
         item1.ADR;type=HOME;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;United States\r\n\
         item1.X-ABADR:us\r\n\
         item2.ADR;type=WORK:;Suite 5;200 Park Ave;New York;NY;10166;USA\r\n\
         item2.X-ABLabel:_$!<Work>!$_\r\n\
         item3.ADR:;;3 Lake Road;Tahoe City;CA;96145;USA\r\n\
         item3.X-ABLabel:Cottage\r\n\
         {}END:VCARD\r\n",
        folded(&format!("PHOTO;ENCODING=b;TYPE=JPEG:{}", base64(photo)))
    )
}

/// An old Android or Outlook card (2.1): bare types, quoted-printable, base64 folded 2.1's way.
fn legacy_card(name: &str, photo: &[u8]) -> String {
    format!(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:{name};;;;\r\nFN:{name}\r\n\
         ADR;WORK;PREF;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:;;Hauptstra=DFe 5;Berlin;;10115;Deutschland\r\n\
         PHOTO;ENCODING=BASE64;TYPE=JPEG:{}END:VCARD\r\n",
        folded_2_1(photo)
    )
}

/// A 4.0 card (Google Contacts, Nextcloud): the photo as a data URI.
fn data_uri_card(name: &str, media_type: &str, photo: &[u8]) -> String {
    format!(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{name}\r\nADR;TYPE=home:;;Calle Mayor 1;Madrid;;28013;España\r\n{}END:VCARD\r\n",
        folded(&format!("PHOTO:data:{media_type};base64,{}", base64(photo)))
    )
}

fn parse(text: &str) -> import::Parsed {
    import::parse(ImportFormat::Vcard, text.as_bytes()).unwrap()
}

#[test]
fn apple_grouped_addresses_keep_their_kind_and_their_own_label() {
    let photo = iphone_jpeg();
    let parsed = parse(&iphone_card(&photo));
    let kate = &parsed.contacts[0];
    let street = |s: &str| Address {
        street: s.into(),
        ..Default::default()
    };
    assert_eq!(
        kate.addresses,
        [
            Address {
                kind: AddressKind::Home,
                locality: "Cupertino".into(),
                region: "CA".into(),
                postal_code: "95014".into(),
                country: "United States".into(),
                ..street("1 Infinite Loop")
            },
            Address {
                kind: AddressKind::Work,
                extended: "Suite 5".into(),
                locality: "New York".into(),
                region: "NY".into(),
                postal_code: "10166".into(),
                country: "USA".into(),
                ..street("200 Park Ave")
            },
            Address {
                label: Some("Cottage".into()),
                locality: "Tahoe City".into(),
                region: "CA".into(),
                postal_code: "96145".into(),
                country: "USA".into(),
                ..street("3 Lake Road")
            },
        ]
    );
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
}

#[test]
fn an_iphone_sized_photo_is_kept_as_it_came_with_a_small_thumbnail() {
    let photo = iphone_jpeg();
    let card = iphone_card(&photo);
    assert!(
        (50_000..140_000).contains(&base64(&photo).len()),
        "an iPhone-sized photo: {} bytes of base64",
        base64(&photo).len()
    );
    let started = Instant::now();
    let parsed = parse(&card);
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    store
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    let took = started.elapsed();
    let kate = store.find_person("Kate Appleseed").unwrap();
    let original = store.photo_original(kate.id).unwrap().unwrap();
    assert_eq!(original.bytes, photo, "the original, byte for byte");
    assert_eq!(original.media_type, "image/jpeg");
    let info = store.photo(kate.id).unwrap().unwrap();
    assert_eq!((info.width, info.height), (600, 600));
    let thumbnail = store.thumbnails(&[info.id]).unwrap();
    let data = thumbnail[0]
        .data_uri
        .strip_prefix("data:image/jpeg;base64,")
        .unwrap();
    let bytes = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data).unwrap();
    let small = image::load_from_memory(&bytes).unwrap();
    assert_eq!(
        (small.width(), small.height()),
        (THUMBNAIL_SIDE, THUMBNAIL_SIDE)
    );
    assert!(bytes.len() < 8_000, "thumbnail of {} bytes", bytes.len());
    eprintln!(
        "photo fixture: {} KB JPEG ({} KB base64), thumbnail {} bytes, parsed and imported in {} ms",
        photo.len() / 1024,
        base64(&photo).len() / 1024,
        bytes.len(),
        took.as_millis()
    );
    let listed = store.people_summaries(Default::default(), None).unwrap();
    assert_eq!(
        listed[0].photo,
        Some(info.id),
        "the list learns the photo's id only"
    );
}

#[test]
fn faces_in_the_2_1_and_4_0_forms_are_read_too() {
    let jpeg = iphone_jpeg();
    let png = small_png();
    let text = [
        legacy_card("Müller", &jpeg),
        data_uri_card("Ana", "image/jpeg", &jpeg),
        data_uri_card("Bo", "image/png", &png),
        // Android's 2.1 with a bare type, and a 3.0 data URI named by VALUE=uri.
        format!(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Cy\r\nPHOTO;ENCODING=BASE64;JPEG:{}END:VCARD\r\n",
            folded_2_1(&jpeg)
        ),
        format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Di\r\n{}END:VCARD\r\n",
            folded(&format!(
                "PHOTO;VALUE=uri:data:image/png;base64,{}",
                base64(&png)
            ))
        ),
    ]
    .concat();
    let parsed = parse(&text);
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    let photos: Vec<_> = parsed
        .contacts
        .iter()
        .map(|c| c.photo.as_ref().map(|p| (p.media_type, p.original.clone())))
        .collect();
    assert_eq!(
        photos,
        [
            Some(("image/jpeg", jpeg.clone())),
            Some(("image/jpeg", jpeg.clone())),
            Some(("image/png", png.clone())),
            Some(("image/jpeg", jpeg)),
            Some(("image/png", png))
        ]
    );
    let müller = &parsed.contacts[0].addresses[0];
    assert_eq!(
        (müller.kind, müller.street.as_str(), müller.country.as_str()),
        (AddressKind::Work, "Hauptstraße 5", "Deutschland")
    );
    assert_eq!(parsed.contacts[1].addresses[0].kind, AddressKind::Home);
}

#[test]
fn broken_oversized_and_web_photos_are_skipped_with_their_reason_and_the_person_kept() {
    let jpeg = iphone_jpeg();
    let cards = [
        // Cut off in its header, as a mailer that truncates long lines leaves it. (Cut off
        // later, the decoder shows what it has, as browsers do.)
        data_uri_card("Broken", "image/jpeg", &jpeg[..300]),
        data_uri_card("Huge", "image/png", &huge_png_header()),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Web\r\nPHOTO;VALUE=uri:https://example.com/face.jpg\r\nEND:VCARD\r\n".to_string(),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Garbage\r\nPHOTO;ENCODING=b;TYPE=JPEG:not base64 at all!\r\nEND:VCARD\r\n".to_string(),
        data_uri_card("Gif", "image/gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
    ]
    .concat();
    let parsed = parse(&cards);
    assert_eq!(parsed.contacts.len(), 5);
    assert!(parsed.contacts.iter().all(|c| c.photo.is_none()));
    let reasons: Vec<(&str, &str)> = parsed
        .skipped
        .iter()
        .map(|s| (s.source.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 5, "{reasons:?}");
    assert!(
        reasons[0]
            .1
            .starts_with("photo not kept: the photo cannot be read: it is damaged or cut off"),
        "{reasons:?}"
    );
    assert!(reasons[1].1.contains("6000 × 5000 pixels"), "{reasons:?}");
    assert!(reasons[2].1.contains("never loads photos"), "{reasons:?}");
    assert!(reasons[3].1.contains("not readable base64"), "{reasons:?}");
    assert!(reasons[4].1.contains("GIF image"), "{reasons:?}");
    assert_eq!(
        reasons.iter().map(|r| r.0).collect::<Vec<_>>(),
        ["card 1", "card 2", "card 3", "card 4", "card 5"]
    );
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let summary = store
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!((summary.new, summary.skipped.len()), (5, 5));
}

#[test]
fn the_round_trip_keeps_addresses_and_photos_byte_for_byte_and_csv_has_the_address() {
    let jpeg = iphone_jpeg();
    let text = [
        iphone_card(&jpeg),
        legacy_card("Müller", &jpeg),
        data_uri_card("Bo", "image/png", &small_png()),
    ]
    .concat();
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    store
        .import(ImportFormat::Vcard, &parse(&text), &mut |_| {})
        .unwrap();
    let first = store.export(ExportFormat::Vcard).unwrap().0;
    assert!(first.contains("item3.X-ABLABEL:Cottage"), "{first}");
    assert!(first.contains("ADR;TYPE=HOME:;;1 Infinite Loop;Cupertino;CA;95014;United States"));
    let unfolded = first.replace("\r\n ", "");
    assert!(
        unfolded.contains(&format!(
            "PHOTO:data:image/jpeg;base64,{}\r\n",
            base64(&jpeg)
        )),
        "the photo as RFC 6350 writes a data URI, its comma unescaped"
    );
    let empty = memory_store(&clock_at("2026-04-01T10:00:00Z"));
    let parsed = parse(&first);
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    empty
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    let second = empty.export(ExportFormat::Vcard).unwrap().0;
    assert_eq!(first, second);
    let kate = empty.find_person("Kate Appleseed").unwrap();
    assert_eq!(empty.photo_original(kate.id).unwrap().unwrap().bytes, jpeg);
    assert_eq!(empty.addresses(kate.id).unwrap().len(), 3);
    // Importing it again over the same people rewrites no photo and adds no address.
    let photo_before = empty.photo(kate.id).unwrap().unwrap().id;
    let again = empty
        .import(ImportFormat::Vcard, &parsed, &mut |_| {})
        .unwrap();
    assert_eq!((again.new, again.updated, again.unchanged), (0, 0, 3));
    assert_eq!(empty.photo(kate.id).unwrap().unwrap().id, photo_before);

    let csv = store.export(ExportFormat::Csv).unwrap().0;
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with("Home address,Work address,Other addresses"),
        "{header}"
    );
    let kate_row = csv
        .lines()
        .find(|l| l.starts_with("Kate Appleseed"))
        .unwrap();
    assert!(
        kate_row.ends_with(
            "\"1 Infinite Loop, Cupertino CA 95014, United States\",\"Suite 5, 200 Park Ave, New York NY 10166, USA\",\"Cottage: 3 Lake Road, Tahoe City CA 96145, USA\""
        ),
        "{kate_row}"
    );
}

#[test]
fn an_address_is_not_identity_two_people_at_one_address_stay_two() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nADR;TYPE=HOME:;;1 Elm St;Springfield;;;\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim Park\r\nADR;TYPE=HOME:;;1 Elm St;Springfield;;;\r\nEND:VCARD\r\n";
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let summary = store
        .import(ImportFormat::Vcard, &parse(text), &mut |_| {})
        .unwrap();
    assert_eq!(summary.new, 2);
}
