//! People: adding, editing, archiving, deleting (with undo), and resolving names.

use crate::common::{add, at, clock_at, memory_store};
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::followups::{FollowupKind, FollowupState};
use rapport_core::network::people::{PeopleFilter, PersonInput};

mod removal;

#[test]
fn a_person_keeps_every_field_given() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let person = store
        .add_person(PersonInput {
            display_name: "  Ada Lovelace ".into(),
            given_name: Some("Ada".into()),
            family_name: Some("Lovelace".into()),
            circle: Some("professors & ADVISORS".into()),
            organization: Some("Analytical Engines Ltd".into()),
            title: Some("Mathematician".into()),
            email: Some("ada@example.org".into()),
            phone: Some("+44 20 7946 0000".into()),
            linkedin_url: Some("https://www.linkedin.com/in/ada".into()),
            how_met: Some("Guest lecture".into()),
            notes: Some("Interested in notes on the engine".into()),
            tags: vec!["math".into(), "Math".into(), " mentor ".into()],
            cadence_days: Some(30),
            birthday: Some("12-10".into()),
            strength: Some(4),
        })
        .unwrap();
    assert_eq!(person.display_name, "Ada Lovelace");
    assert_eq!(person.birthday.as_deref(), Some("--12-10"));
    assert_eq!((person.strength, person.strength_set), (4, true));
    assert_eq!(person.circle.as_deref(), Some("Professors & advisors"));
    assert_eq!(
        person.organization.as_deref(),
        Some("Analytical Engines Ltd")
    );
    assert_eq!(person.title.as_deref(), Some("Mathematician"));
    assert_eq!(person.tags, vec!["math".to_string(), "mentor".to_string()]);
    assert_eq!(person.created_at, crate::common::at("2026-03-01T12:00:00Z"));
    assert_eq!(store.person(person.id).unwrap(), person);
}

#[test]
fn an_empty_name_is_refused_naming_the_field() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let err = store.add_person(PersonInput::named("   ")).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert_eq!(err.field(), Some("displayName"));
    assert!(store.people(PeopleFilter::default()).unwrap().is_empty());
}

#[test]
fn bad_email_unknown_circle_and_title_without_organization_are_refused() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let cases = [
        (
            PersonInput {
                email: Some("not an email".into()),
                ..PersonInput::named("A")
            },
            "email",
        ),
        (
            PersonInput {
                circle: Some("Pen pals".into()),
                ..PersonInput::named("A")
            },
            "circle",
        ),
        (
            PersonInput {
                title: Some("CEO".into()),
                ..PersonInput::named("A")
            },
            "organization",
        ),
        (
            PersonInput {
                linkedin_url: Some("linkedin.com/in/a".into()),
                ..PersonInput::named("A")
            },
            "linkedinUrl",
        ),
    ];
    for (input, field) in cases {
        let err = store.add_person(input).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    assert!(
        store.people(PeopleFilter::default()).unwrap().is_empty(),
        "nothing was written"
    );
}

#[test]
fn an_unknown_circle_error_lists_the_circles_there_are() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let err = store
        .add_person(PersonInput {
            circle: Some("Pen pals".into()),
            ..PersonInput::named("A")
        })
        .unwrap_err();
    assert!(err.to_string().contains("Classmates"), "{err}");
}

#[test]
fn editing_replaces_fields_and_moves_the_current_role() {
    let clock = clock_at("2026-03-01T12:00:00Z");
    let store = memory_store(&clock);
    let person = store
        .add_person(PersonInput {
            organization: Some("Acme".into()),
            title: Some("Intern".into()),
            ..PersonInput::named("Sam")
        })
        .unwrap();
    clock.advance(chrono::Duration::hours(1));
    let edited = store
        .update_person(
            person.id,
            PersonInput {
                organization: Some("Globex".into()),
                title: Some("Engineer".into()),
                ..PersonInput::named("Sam Lee")
            },
        )
        .unwrap();
    assert_eq!(edited.display_name, "Sam Lee");
    assert_eq!(edited.organization.as_deref(), Some("Globex"));
    assert_eq!(edited.updated_at, crate::common::at("2026-03-01T13:00:00Z"));
    let cleared = store
        .update_person(person.id, PersonInput::named("Sam Lee"))
        .unwrap();
    assert_eq!(cleared.organization, None);
}

#[test]
fn editing_a_person_leaves_a_handled_keep_in_touch_alone_unless_their_cadence_changes() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    // Friends are seeded with a 60-day cadence.
    let friend = |name: &str, cadence_days: Option<i64>| PersonInput {
        circle: Some("Friends".into()),
        cadence_days,
        ..PersonInput::named(name)
    };
    let sam = store.add_person(friend("Sam", None)).unwrap().id;
    store
        .log_interaction(InteractionInput {
            person_ids: vec![sam],
            kind: InteractionKind::Call,
            occurred_at: Some(at("2026-03-01T10:00:00Z")),
            medium: None,
            summary: "Catch-up".into(),
            notes: String::new(),
        })
        .unwrap();
    let keep_in_touch = || {
        let all = store.pending_followups().unwrap();
        all.into_iter()
            .find(|f| f.kind == FollowupKind::KeepInTouch)
    };
    let id = keep_in_touch().unwrap().id;

    // Snoozed, then renamed: it stays snoozed.
    let snoozed_to = at("2026-05-10T09:00:00Z");
    store.snooze_followup(id, snoozed_to).unwrap();
    store.update_person(sam, friend("Sam Lee", None)).unwrap();
    assert_eq!(store.followup(id).unwrap().due_at, snoozed_to);

    // Done, then given notes and tags: it stays done.
    store.complete_followup(id).unwrap();
    store
        .update_person(
            sam,
            PersonInput {
                notes: Some("Likes climbing".into()),
                tags: vec!["climbing".into()],
                ..friend("Sam Lee", None)
            },
        )
        .unwrap();
    assert_eq!(store.followup(id).unwrap().state, FollowupState::Done);
    assert!(keep_in_touch().is_none());

    // A new cadence of their own counts afresh from the last interaction.
    store
        .update_person(sam, friend("Sam Lee", Some(14)))
        .unwrap();
    assert_eq!(keep_in_touch().unwrap().due_at, at("2026-03-15T10:00:00Z"));

    // Dismissed, then edited again: it stays dismissed; moving circle re-arms it.
    store.dismiss_followup(id).unwrap();
    store.update_person(sam, friend("Sam", Some(14))).unwrap();
    assert_eq!(store.followup(id).unwrap().state, FollowupState::Dismissed);
    store
        .update_person(
            sam,
            PersonInput {
                circle: Some("Family".into()),
                ..PersonInput::named("Sam")
            },
        )
        .unwrap();
    assert_eq!(
        keep_in_touch().unwrap().due_at,
        at("2026-05-30T10:00:00Z"),
        "the family circle's 90 days"
    );
}

#[test]
fn people_are_listed_by_circle_order_then_name_without_the_user() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    for (name, circle) in [
        ("zoe", Some("Family")),
        ("Bob", Some("Coworkers")),
        ("Al", None),
        ("amy", Some("Family")),
    ] {
        store
            .add_person(PersonInput {
                circle: circle.map(Into::into),
                ..PersonInput::named(name)
            })
            .unwrap();
    }
    let names: Vec<String> = store
        .people(PeopleFilter::default())
        .unwrap()
        .into_iter()
        .map(|p| p.display_name)
        .collect();
    assert_eq!(names, ["amy", "zoe", "Bob", "Al"]);
}

#[test]
fn a_name_resolves_by_id_exact_name_or_unique_search() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let ada = add(&store, "Ada Lovelace");
    add(&store, "Ada Byron");
    assert_eq!(store.find_person(&ada.id.to_string()).unwrap().id, ada.id);
    assert_eq!(
        store.find_person(&format!("#{}", ada.id)).unwrap().id,
        ada.id
    );
    assert_eq!(store.find_person("ada lovelace").unwrap().id, ada.id);
    assert_eq!(store.find_person("lovel").unwrap().id, ada.id);
    assert_eq!(store.find_person("Nobody").unwrap_err().code(), "not_found");
}

#[test]
fn an_ambiguous_name_lists_every_match_with_its_id() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let first = add(&store, "Alex Kim");
    let second = add(&store, "Alex Kim");
    let err = store.find_person("alex kim").unwrap_err();
    assert_eq!(err.code(), "ambiguous");
    let message = err.to_string();
    assert!(
        message.contains(&format!("#{}", first.id)) && message.contains(&format!("#{}", second.id)),
        "{message}"
    );
}

#[test]
fn the_people_list_summary_names_each_person_as_the_full_list_does() {
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    store
        .add_person(PersonInput {
            circle: Some("Coworkers".into()),
            organization: Some("Analytical Engines".into()),
            title: Some("Programmer".into()),
            ..PersonInput::named("Ada Lovelace")
        })
        .unwrap();
    add(&store, "Alan Turing");
    let archived = add(&store, "Grace Hopper").id;
    store.set_archived(archived, true).unwrap();

    let full = store
        .people(PeopleFilter {
            include_archived: true,
        })
        .unwrap();
    let everyone = PeopleFilter {
        include_archived: true,
    };
    let summaries = store.people_summaries(everyone, None).unwrap();
    assert_eq!(summaries.len(), 3);
    for (person, summary) in full.iter().zip(&summaries) {
        assert_eq!(
            (
                person.id,
                &person.display_name,
                &person.circle,
                &person.organization,
                &person.title,
                person.archived
            ),
            (
                summary.id,
                &summary.display_name,
                &summary.circle,
                &summary.organization,
                &summary.title,
                summary.archived
            )
        );
    }
    assert_eq!(
        store
            .people_summaries(PeopleFilter::default(), None)
            .unwrap()
            .len(),
        2
    );
    // The first screen: the first few, in the same order.
    let first = store.people_summaries(everyone, Some(2)).unwrap();
    assert_eq!(first, summaries[..2]);
}

#[test]
fn strength_follows_the_circle_and_the_interactions_until_set() {
    use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
    let store = memory_store(&clock_at("2026-03-01T12:00:00Z"));
    let sam = store
        .add_person(PersonInput {
            circle: Some("Classmates".into()),
            ..PersonInput::named("Sam")
        })
        .unwrap();
    assert_eq!((sam.strength, sam.strength_set), (2, false));
    for _ in 0..3 {
        store
            .log_interaction(InteractionInput {
                person_ids: vec![sam.id],
                kind: InteractionKind::Call,
                occurred_at: None,
                medium: None,
                summary: String::new(),
                notes: String::new(),
            })
            .unwrap();
    }
    assert_eq!(store.person(sam.id).unwrap().strength, 3);
    let set = store.set_strength(sam.id, Some(5)).unwrap();
    assert_eq!((set.strength, set.strength_set), (5, true));
    assert_eq!(
        store.set_strength(sam.id, Some(6)).unwrap_err().field(),
        Some("strength")
    );
    assert_eq!(store.set_strength(sam.id, None).unwrap().strength, 3);
}
