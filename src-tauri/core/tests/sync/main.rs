//! The store's side of sync, without a network: which people are sent, what a card changed
//! elsewhere does to a person, which cards are deleted, which follow-ups become events. The
//! protocol itself is tested against real servers in the workspace's `tests/sync`.

#[path = "../common/mod.rs"]
mod common;

use chrono::Duration;
use rapport_core::followups::FollowupInput;
use rapport_core::network::people::PersonInput;
use rapport_core::sync::{CardVersion, Collection, Matcher, NewAccount, Received};
use rapport_core::Store;

use common::{add, clock_at, memory_store};

fn account(store: &Store) -> i64 {
    let collection = |name: &str| Collection {
        name: name.into(),
        url: format!("https://dav.example.com/alice/{name}/"),
    };
    store
        .add_account(&NewAccount {
            url: "https://dav.example.com/".into(),
            user: "alice".into(),
            addressbook: collection("rapport"),
            card_version: CardVersion::V3,
            calendar: collection("rapport-follow-ups"),
        })
        .unwrap()
        .id
}

/// Sends everyone due as the pass does, and returns the cards sent by href.
fn send_all(store: &Store, account: i64) -> Vec<(String, String)> {
    let mut sent = Vec::new();
    for person in store.cards_to_send(account).unwrap() {
        let card = store
            .outgoing_card(account, person.person_id, CardVersion::V3)
            .unwrap();
        let href = format!("/alice/rapport/{}.vcf", card.uid);
        store
            .card_sent(account, &person, &href, Some("\"1\""), &card.base)
            .unwrap();
        sent.push((href, card.text));
    }
    sent
}

#[test]
fn the_same_user_on_the_same_server_is_one_account() {
    let store = memory_store(&clock_at("2026-03-02T09:00:00Z"));
    account(&store);
    let collection = Collection {
        name: "x".into(),
        url: "https://dav.example.com/x/".into(),
    };
    let again = store.add_account(&NewAccount {
        url: "https://dav.example.com/".into(),
        user: "alice".into(),
        addressbook: collection.clone(),
        card_version: CardVersion::V3,
        calendar: collection,
    });
    assert_eq!(again.unwrap_err().code(), "invalid_input");
}

#[test]
fn everyone_but_you_and_the_archived_is_sent_once_until_they_change() {
    let clock = clock_at("2026-03-02T09:00:00Z");
    let store = memory_store(&clock);
    let account = account(&store);
    let ada = add(&store, "Ada Lovelace");
    let grace = add(&store, "Grace Hopper");
    store.set_archived(grace.id, true).unwrap();
    let sent = send_all(&store, account);
    assert_eq!(sent.len(), 1, "you and the archived are not sent");
    assert!(sent[0].1.contains("FN:Ada Lovelace"));
    assert!(
        store.cards_to_send(account).unwrap().is_empty(),
        "sent once"
    );

    clock.advance(Duration::minutes(5));
    let mut input = PersonInput::named("Ada Lovelace");
    input.organization = Some("Analytical Engines".into());
    store.update_person(ada.id, input).unwrap();
    let again = store.cards_to_send(account).unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(
        again[0].etag.as_deref(),
        Some("\"1\""),
        "sent with If-Match"
    );

    store.set_archived(ada.id, true).unwrap();
    assert!(
        store.cards_to_send(account).unwrap().is_empty(),
        "an archived card is left as it is"
    );
    assert!(
        store.cards_to_delete(account).unwrap().is_empty(),
        "and not deleted"
    );
}

#[test]
fn a_card_changed_elsewhere_comes_in_field_by_field_and_is_recorded() {
    let clock = clock_at("2026-03-02T09:00:00Z");
    let store = memory_store(&clock);
    let account = account(&store);
    let mut input = PersonInput::named("Ada Lovelace");
    input.circle = Some("Professors".into());
    input.email = Some("ada@analytical.org".into());
    let ada = store.add_person(input).unwrap();
    let (href, text) = send_all(&store, account).remove(0);
    assert!(
        text.contains("CATEGORIES:Professors & advisors"),
        "the circle first among categories: {text}"
    );

    clock.advance(Duration::minutes(5));
    // A phone added a number and dropped what it does not know.
    let edited = text
        .lines()
        .filter(|l| !l.starts_with("X-RAPPORT") && !l.starts_with("CATEGORIES"))
        .map(|l| {
            if l == "END:VCARD" {
                "TEL:+44 20 7946 0000\r\nEND:VCARD".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    let received = store
        .apply_remote_card(
            account,
            &href,
            Some("\"2\""),
            &edited,
            &mut Matcher::default(),
        )
        .unwrap();
    assert!(
        matches!(received, Received::Updated { conflicts: 0, .. }),
        "{received:?}"
    );
    let ada = store.person(ada.id).unwrap();
    assert_eq!(ada.phone.as_deref(), Some("+44 20 7946 0000"));
    assert_eq!(
        ada.circle.as_deref(),
        Some("Professors & advisors"),
        "a dropped circle is no deletion"
    );
    let changes = store.sync_changes(ada.id).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].field, "phones");
    let back = store.cards_to_send(account).unwrap();
    assert_eq!(back.len(), 1, "the circle the phone dropped is sent back");
    assert_eq!(
        back[0].etag.as_deref(),
        Some("\"2\""),
        "over the phone's card, with If-Match"
    );
}

#[test]
fn a_contact_made_elsewhere_is_matched_by_email_not_doubled() {
    let store = memory_store(&clock_at("2026-03-02T09:00:00Z"));
    let account = account(&store);
    let mut input = PersonInput::named("Grace Hopper");
    input.email = Some("grace@navy.mil".into());
    let grace = store.add_person(input).unwrap();
    send_all(&store, account);
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nFN:Grace B. Hopper\r\nEMAIL:grace@navy.mil\r\nTITLE:Rear Admiral\r\nEND:VCARD\r\n";
    let received = store
        .apply_remote_card(
            account,
            "/alice/rapport/phone-1.vcf",
            Some("\"9\""),
            card,
            &mut Matcher::default(),
        )
        .unwrap();
    assert_eq!(
        received,
        Received::Matched {
            person_id: grace.id
        }
    );
    assert_eq!(
        store.people(Default::default()).unwrap().len(),
        1,
        "Grace once"
    );
    assert!(
        store.cards_to_send(account).unwrap().len() <= 1,
        "her own card is updated, not a new one"
    );
}

#[test]
fn a_person_deleted_in_rapport_loses_their_card_only_after_the_undo_hour() {
    let clock = clock_at("2026-03-02T09:00:00Z");
    let store = memory_store(&clock);
    let account = account(&store);
    let ada = add(&store, "Ada Lovelace");
    send_all(&store, account);
    store.delete_person(ada.id).unwrap();
    assert!(
        store.cards_to_delete(account).unwrap().is_empty(),
        "undo is still possible"
    );
    clock.advance(Duration::minutes(61));
    let to_delete = store.cards_to_delete(account).unwrap();
    assert_eq!(to_delete.len(), 1);
    assert_eq!(
        to_delete[0].1.as_deref(),
        Some("\"1\""),
        "deleted with If-Match"
    );
}

#[test]
fn a_card_removed_elsewhere_keeps_the_person_and_is_not_sent_until_chosen() {
    let clock = clock_at("2026-03-02T09:00:00Z");
    let store = memory_store(&clock);
    let account = account(&store);
    let ada = add(&store, "Ada Lovelace");
    let (href, _) = send_all(&store, account).remove(0);
    let kept = store
        .card_removed_elsewhere(account, &href)
        .unwrap()
        .unwrap();
    assert_eq!(kept.id, ada.id);
    assert_eq!(store.removed_from(ada.id).unwrap(), [account]);
    clock.advance(Duration::minutes(5));
    store
        .update_person(ada.id, PersonInput::named("Ada King"))
        .unwrap();
    assert!(store.cards_to_send(account).unwrap().is_empty());
    store.send_card_again(account, ada.id).unwrap();
    assert_eq!(store.cards_to_send(account).unwrap().len(), 1);
}

#[test]
fn follow_ups_due_in_the_next_60_days_are_events_birthdays_are_not() {
    let clock = clock_at("2026-03-02T09:00:00Z");
    let store = memory_store(&clock);
    let mut input = PersonInput::named("Ada Lovelace");
    input.birthday = Some("--03-10".into());
    let ada = store.add_person(input).unwrap();
    let due = |days: i64, title: &str| {
        store
            .add_followup(FollowupInput {
                person_id: Some(ada.id),
                kind: None,
                title: title.into(),
                due_at: store.now() + Duration::days(days),
            })
            .unwrap()
    };
    let soon = due(2, "Thank Ada");
    due(61, "Ask Ada again");
    let events = store.events_to_sync().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].source, format!("followup:{}", soon.id));
    assert!(events[0].text.contains("BEGIN:VALARM") && events[0].text.contains("ACTION:DISPLAY"));
    assert!(
        !events[0].text.contains("METHOD"),
        "a calendar resource has no METHOD"
    );
    assert_eq!(
        store.events_to_sync().unwrap(),
        events,
        "the same text every time"
    );
    store.complete_followup(soon.id).unwrap();
    assert!(store.events_to_sync().unwrap().is_empty());
}

#[test]
fn an_edit_in_the_same_second_as_the_sync_is_still_sent() {
    // The store's times have a second's grain; the clock here does not move at all.
    let store = memory_store(&clock_at("2026-03-02T09:00:00Z"));
    let account = account(&store);
    let ada = add(&store, "Ada Lovelace");
    send_all(&store, account);
    assert!(store.cards_to_send(account).unwrap().is_empty());
    let mut input = PersonInput::named("Ada Lovelace");
    input.organization = Some("Royal Society".into());
    store.update_person(ada.id, input).unwrap();
    assert_eq!(store.cards_to_send(account).unwrap().len(), 1);
}

#[test]
fn an_edit_while_a_card_is_on_its_way_is_sent_next_time() {
    let store = memory_store(&clock_at("2026-03-02T09:00:00Z"));
    let account = account(&store);
    let ada = add(&store, "Ada Lovelace");
    send_all(&store, account);
    store
        .update_person(ada.id, PersonInput::named("Ada King"))
        .unwrap();
    let listed = store.cards_to_send(account).unwrap().remove(0);
    let card = store
        .outgoing_card(account, ada.id, CardVersion::V3)
        .unwrap();
    // Edited again while that card is being sent.
    store
        .update_person(ada.id, PersonInput::named("Ada, Countess of Lovelace"))
        .unwrap();
    let href = listed.href.clone().unwrap();
    store
        .card_sent(account, &listed, &href, Some("\"2\""), &card.base)
        .unwrap();
    assert_eq!(
        store.cards_to_send(account).unwrap().len(),
        1,
        "the second edit is not lost"
    );
}

#[test]
fn what_a_phone_keeps_on_a_card_is_sent_back_with_rapport_s_changes() {
    let clock = clock_at("2026-03-02T09:00:00Z");
    let store = memory_store(&clock);
    let account = account(&store);
    let ada = add(&store, "Ada Lovelace");
    let (href, text) = send_all(&store, account).remove(0);
    let edited = text.replace(
        "END:VCARD",
        "NICKNAME:Ada\r\nIMPP:xmpp:ada@jabber.org\r\nEND:VCARD",
    );
    store
        .apply_remote_card(
            account,
            &href,
            Some("\"2\""),
            &edited,
            &mut Matcher::default(),
        )
        .unwrap();
    clock.advance(Duration::minutes(5));
    store
        .update_person(ada.id, PersonInput::named("Ada King"))
        .unwrap();
    let card = store
        .outgoing_card(account, ada.id, CardVersion::V3)
        .unwrap();
    assert!(card.text.contains("FN:Ada King"), "{}", card.text);
    assert!(card.text.contains("NICKNAME:Ada"), "{}", card.text);
    assert!(
        card.text.contains("IMPP:xmpp:ada@jabber.org"),
        "{}",
        card.text
    );
}
