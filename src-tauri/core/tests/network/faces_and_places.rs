//! A person's addresses and photo as the person page edits them, and what a merge does with them.

use crate::common::faces::*;
use crate::common::*;
use rapport_core::network::addresses::{Address, AddressKind, MAX_PART_CHARS};
use rapport_core::Error;

fn home(street: &str) -> Address {
    Address {
        kind: AddressKind::Home,
        street: street.into(),
        locality: "Springfield".into(),
        ..Default::default()
    }
}

#[test]
fn addresses_are_replaced_as_edited_trimmed_and_empty_ones_dropped() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let sam = add(&store, "Sam Lee");
    let stored = store
        .set_addresses(
            sam.id,
            vec![
                Address {
                    street: "  1 Elm St ".into(),
                    label: Some(" ".into()),
                    ..home("")
                },
                Address::default(),
            ],
        )
        .unwrap();
    assert_eq!(stored, [home("1 Elm St")]);
    assert_eq!(store.addresses(sam.id).unwrap(), stored);
    let too_long = Address {
        street: "x".repeat(MAX_PART_CHARS + 1),
        ..Default::default()
    };
    let error = store.set_addresses(sam.id, vec![too_long]).unwrap_err();
    assert!(
        matches!(
            error,
            Error::Invalid {
                field: "address",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        store.addresses(sam.id).unwrap(),
        stored,
        "unchanged by a refused edit"
    );
    store.set_addresses(sam.id, vec![]).unwrap();
    assert!(store.addresses(sam.id).unwrap().is_empty());
}

#[test]
fn a_photo_is_set_replaced_and_removed_and_a_bad_one_refused_beside_the_field() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let sam = add(&store, "Sam Lee");
    assert_eq!(store.photo(sam.id).unwrap(), None);
    let first = store.set_photo(sam.id, &iphone_jpeg()).unwrap();
    assert_eq!(
        (first.width, first.height, first.media_type.as_str()),
        (600, 600, "image/jpeg")
    );
    assert!(first.thumbnail.starts_with("data:image/jpeg;base64,"));
    let second = store.set_photo(sam.id, &small_png()).unwrap();
    assert_ne!(first.id, second.id, "a new photo, a new id");
    assert!(
        store.thumbnails(&[first.id]).unwrap().is_empty(),
        "the old one is gone"
    );
    assert_eq!(
        store.photo_original(sam.id).unwrap().unwrap().bytes,
        small_png()
    );
    for bad in [
        b"hello".to_vec(),
        huge_png_header(),
        iphone_jpeg()[..300].to_vec(),
    ] {
        let error = store.set_photo(sam.id, &bad).unwrap_err();
        assert!(
            matches!(error, Error::Invalid { field: "photo", .. }),
            "{error:?}"
        );
    }
    assert_eq!(store.photo(sam.id).unwrap().unwrap().id, second.id, "kept");
    assert!(store.remove_photo(sam.id).unwrap());
    assert!(!store.remove_photo(sam.id).unwrap());
    assert_eq!(
        store.people_summaries(Default::default(), None).unwrap()[0].photo,
        None
    );
}

#[test]
fn a_merge_keeps_the_survivors_face_takes_the_other_when_it_has_none_and_undo_gives_it_back() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    let kept = add(&store, "Sam Lee");
    let merged = add(&store, "Samuel Lee");
    store
        .set_addresses(merged.id, vec![home("1 Elm St")])
        .unwrap();
    let face = store.set_photo(merged.id, &iphone_jpeg()).unwrap();
    let outcome = store.merge_people(kept.id, merged.id).unwrap();
    assert_eq!(store.photo(kept.id).unwrap().unwrap().id, face.id);
    assert_eq!(store.addresses(kept.id).unwrap(), [home("1 Elm St")]);
    store.undo_merge(outcome.merge_id).unwrap();
    assert_eq!(store.photo(kept.id).unwrap(), None);
    assert_eq!(store.photo(merged.id).unwrap().unwrap().id, face.id);
    assert_eq!(store.addresses(merged.id).unwrap().len(), 1);

    let own = store.set_photo(kept.id, &small_png()).unwrap();
    store.merge_people(kept.id, merged.id).unwrap();
    assert_eq!(
        store.photo(kept.id).unwrap().unwrap().id,
        own.id,
        "the survivor's own face stays"
    );
}
