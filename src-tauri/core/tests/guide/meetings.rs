//! Informational interviews end to end, and the guide's follow-up rules they set off, on an
//! injected clock.

use crate::common::{add, at, clock_at, memory_store};
use chrono::Duration;
use rapport_core::followups::interactions::{
    InteractionInput, InteractionKind, SharedResource, TimelineEntry,
};
use rapport_core::followups::{Followup, FollowupKind, FollowupState};
use rapport_core::guide::meetings::{
    check_agenda, suggested_agenda, AgendaItem, AgendaVerdict, AirInput, AirKind, MeetingDetails,
    MeetingKind, MeetingState, NewMeeting,
};
use rapport_core::network::people::PersonInput;
use rapport_core::Store;

fn pending(store: &Store) -> Vec<Followup> {
    store.pending_followups().unwrap()
}

fn of_kind(store: &Store, kind: FollowupKind) -> Vec<Followup> {
    pending(store)
        .into_iter()
        .filter(|f| f.kind == kind)
        .collect()
}

fn interview(store: &Store, person_id: i64) -> i64 {
    store
        .plan_meeting(NewMeeting {
            person_id,
            kind: MeetingKind::InformationalInterview,
            title: String::new(),
        })
        .unwrap()
        .id
}

fn item(title: &str, minutes: i64) -> AgendaItem {
    AgendaItem {
        title: title.into(),
        minutes,
        questions: vec![],
    }
}

#[test]
fn a_meeting_moves_through_its_life_and_every_change_is_dated() {
    let clock = clock_at("2026-03-01T09:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let id = interview(&store, ada);
    for state in [
        MeetingState::Preparing,
        MeetingState::Requested,
        MeetingState::Scheduled,
    ] {
        clock.advance(Duration::days(1));
        store.set_meeting_state(id, state, None).unwrap();
    }
    let meeting = store.meeting(id).unwrap();
    assert_eq!(meeting.state, MeetingState::Scheduled);
    let history: Vec<_> = meeting.history.iter().map(|c| (c.state, c.at)).collect();
    assert_eq!(
        history,
        [
            (MeetingState::Idea, at("2026-03-01T09:00:00Z")),
            (MeetingState::Preparing, at("2026-03-02T09:00:00Z")),
            (MeetingState::Requested, at("2026-03-03T09:00:00Z")),
            (MeetingState::Scheduled, at("2026-03-04T09:00:00Z")),
        ]
    );
}

#[test]
fn the_seven_preparation_steps_are_a_checklist_with_notes() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let meeting = store.meeting(id).unwrap();
    assert_eq!(meeting.prep.len(), 7);
    assert!(meeting.prep.iter().all(|s| !s.done));
    let meeting = store
        .set_prep_step(id, 3, true, "Read Ada's paper on the engine")
        .unwrap();
    assert!(meeting.prep[2].done);
    assert_eq!(meeting.prep[2].note, "Read Ada's paper on the engine");
    assert_eq!(
        store.set_prep_step(id, 8, true, "").unwrap_err().field(),
        Some("step")
    );
}

#[test]
fn an_agenda_must_add_up_to_twenty_to_thirty_minutes() {
    assert_eq!(
        check_agenda(&[item("A", 10), item("B", 15)]).verdict,
        AgendaVerdict::WithinRange
    );
    assert_eq!(
        check_agenda(&[item("A", 10), item("B", 9)]).verdict,
        AgendaVerdict::TooShort
    );
    assert_eq!(
        check_agenda(&[item("A", 20), item("B", 11)]).verdict,
        AgendaVerdict::TooLong
    );
    assert_eq!(
        check_agenda(&[item("A", 20), item("B", 10)]).total_minutes,
        30
    );
}

#[test]
fn the_suggested_agenda_fits_and_ends_by_asking_who_else_to_talk_to() {
    let agenda = suggested_agenda();
    assert_eq!(check_agenda(&agenda).verdict, AgendaVerdict::WithinRange);
    assert_eq!(check_agenda(&agenda).total_minutes, 25);
    let last_question = agenda.iter().flat_map(|i| &i.questions).last().unwrap();
    assert_eq!(last_question, "Who else should I talk to?");
}

#[test]
fn an_agenda_is_stored_in_order_and_checked() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let meeting = store
        .set_agenda(
            id,
            vec![
                AgendaItem {
                    title: "Intro".into(),
                    minutes: 5,
                    questions: vec!["  ".into()],
                },
                AgendaItem {
                    title: "Path".into(),
                    minutes: 15,
                    questions: vec!["How did you start?".into()],
                },
                item("Referrals", 5),
            ],
        )
        .unwrap();
    assert_eq!(
        meeting
            .agenda
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>(),
        ["Intro", "Path", "Referrals"]
    );
    assert!(
        meeting.agenda[0].questions.is_empty(),
        "blank questions are dropped"
    );
    assert_eq!(meeting.agenda_check.total_minutes, 25);
    assert_eq!(
        store
            .set_agenda(id, vec![item(" ", 5)])
            .unwrap_err()
            .field(),
        Some("agenda")
    );
}

#[test]
fn holding_an_informational_interview_logs_it_and_makes_a_thank_you_due_within_24_hours() {
    let clock = clock_at("2026-03-02T15:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let id = interview(&store, ada);
    store
        .update_meeting(
            id,
            MeetingDetails {
                medium: Some("linkedin".into()),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .set_meeting_state(id, MeetingState::Held, None)
        .unwrap();

    let thanks = of_kind(&store, FollowupKind::ThankYou);
    assert_eq!(thanks.len(), 1);
    assert!(thanks[0].due_at > clock_now(&store) && thanks[0].due_at <= at("2026-03-03T15:00:00Z"));
    assert!(
        thanks[0].title.contains("Ada") && thanks[0].title.contains("linkedin"),
        "{}",
        thanks[0].title
    );
    let timeline = store.timeline(ada).unwrap();
    assert!(timeline
        .iter()
        .any(|e| matches!(e, TimelineEntry::Interaction(i) if i.kind == InteractionKind::InformationalInterview)));
}

fn clock_now(store: &Store) -> chrono::DateTime<chrono::Utc> {
    store.now()
}

#[test]
fn a_formal_job_interview_is_thanked_24_to_48_hours_later() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let boss = add(&store, "Hiring manager").id;
    let id = store
        .plan_meeting(NewMeeting {
            person_id: boss,
            kind: MeetingKind::JobInterview,
            title: String::new(),
        })
        .unwrap()
        .id;
    store
        .set_meeting_state(id, MeetingState::Held, None)
        .unwrap();
    let thanks = of_kind(&store, FollowupKind::ThankYou);
    assert_eq!(thanks[0].due_at, at("2026-03-03T15:00:00Z"));
    assert!(
        thanks[0].title.contains("email"),
        "formal: email, not the contact's casual medium"
    );
}

#[test]
fn a_meeting_held_at_a_past_time_counts_from_then_and_only_once() {
    let clock = clock_at("2026-03-02T15:00:00Z");
    let store = memory_store(&clock);
    let id = interview(&store, add(&store, "Ada").id);
    store
        .set_meeting_state(id, MeetingState::Held, Some(at("2026-03-02T10:00:00Z")))
        .unwrap();
    store
        .set_meeting_state(id, MeetingState::Scheduled, None)
        .unwrap();
    store
        .set_meeting_state(id, MeetingState::Held, None)
        .unwrap();
    let thanks = of_kind(&store, FollowupKind::ThankYou);
    assert_eq!(
        thanks.len(),
        1,
        "holding again does not make a second thank-you"
    );
    assert_eq!(thanks[0].due_at, at("2026-03-02T12:00:00Z"));
}

#[test]
fn marking_a_meeting_thanked_closes_its_thank_you() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    store
        .set_meeting_state(id, MeetingState::Held, None)
        .unwrap();
    store
        .set_meeting_state(id, MeetingState::Thanked, None)
        .unwrap();
    assert!(of_kind(&store, FollowupKind::ThankYou).is_empty());
}

#[test]
fn follow_up_on_a_date_makes_a_follow_up_then_and_following_up_closes_it() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let on = at("2026-04-01T09:00:00Z");
    store
        .update_meeting(
            id,
            MeetingDetails {
                follow_up_on: Some(on),
                ..Default::default()
            },
        )
        .unwrap();
    let follow = of_kind(&store, FollowupKind::FollowUp);
    assert_eq!(follow.len(), 1);
    assert_eq!(follow[0].due_at, on);
    let later = at("2026-04-08T09:00:00Z");
    store
        .update_meeting(
            id,
            MeetingDetails {
                follow_up_on: Some(later),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::FollowUp)[0].due_at,
        later,
        "moved, not duplicated"
    );
    store
        .set_meeting_state(id, MeetingState::FollowedUp, None)
        .unwrap();
    assert!(of_kind(&store, FollowupKind::FollowUp).is_empty());
}

#[test]
fn saving_a_meeting_leaves_its_follow_up_as_handled_unless_the_date_changes() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let on = at("2026-04-01T09:00:00Z");
    let details = |notes: &str, follow_up_on| MeetingDetails {
        notes: notes.into(),
        follow_up_on,
        ..Default::default()
    };
    store.update_meeting(id, details("", Some(on))).unwrap();
    let follow_up = of_kind(&store, FollowupKind::FollowUp)[0].id;

    // Snoozed, then the notes are saved: it stays snoozed.
    let snoozed_to = at("2026-04-03T09:00:00Z");
    store.snooze_followup(follow_up, snoozed_to).unwrap();
    store
        .update_meeting(id, details("Asked about the field", Some(on)))
        .unwrap();
    assert_eq!(store.followup(follow_up).unwrap().due_at, snoozed_to);

    // Done, then the notes are saved: it stays done.
    store.complete_followup(follow_up).unwrap();
    store
        .update_meeting(id, details("Asked about the field and pay", Some(on)))
        .unwrap();
    assert_eq!(
        store.followup(follow_up).unwrap().state,
        FollowupState::Done
    );
    assert!(of_kind(&store, FollowupKind::FollowUp).is_empty());

    // Dismissed, then saved again: it stays dismissed.
    let later = at("2026-04-08T09:00:00Z");
    store.update_meeting(id, details("", Some(later))).unwrap();
    assert_eq!(
        store.followup(follow_up).unwrap().due_at,
        later,
        "a new date schedules it again"
    );
    store.dismiss_followup(follow_up).unwrap();
    store
        .update_meeting(id, details("More", Some(later)))
        .unwrap();
    assert_eq!(
        store.followup(follow_up).unwrap().state,
        FollowupState::Dismissed
    );

    // Clearing the date keeps the record of a handled one.
    store.update_meeting(id, details("More", None)).unwrap();
    assert_eq!(
        store.followup(follow_up).unwrap().state,
        FollowupState::Dismissed
    );
}

#[test]
fn a_referral_creates_the_referred_person_with_a_referred_by_link() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let ada = add(&store, "Ada Lovelace").id;
    let id = interview(&store, ada);
    let meeting = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Advice),
                text: "Learn SQL".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(meeting.air[0].kind, AirKind::Advice);
    let meeting = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Referral),
                text: "Knows the museum team".into(),
                referred_name: Some("Charles Babbage".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let referred = meeting.air[1].referred_person.clone().expect("a person");
    assert_eq!(referred.display_name, "Charles Babbage");
    let charles = store.person(referred.id).unwrap();
    assert_eq!(charles.how_met.as_deref(), Some("Referred by Ada Lovelace"));
}

#[test]
fn air_items_need_their_content() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let id = interview(&store, add(&store, "Ada").id);
    let err = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Advice),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("text"));
    let err = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Referral),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("referredName"));
    let err = store
        .add_air(
            id,
            AirInput {
                kind: Some(AirKind::Referral),
                referred_name: Some("   ".into()),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("referredName"));
    assert_eq!(store.meeting(id).unwrap().air.len(), 0);
}

#[test]
fn holding_a_meeting_with_a_referred_person_tells_you_to_thank_the_referrer() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let ada = add(&store, "Ada Lovelace").id;
    let first = interview(&store, ada);
    store
        .set_meeting_state(first, MeetingState::Held, None)
        .unwrap();
    let meeting = store
        .add_air(
            first,
            AirInput {
                kind: Some(AirKind::Referral),
                referred_name: Some("Charles Babbage".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let charles = meeting.air[0].referred_person.clone().unwrap().id;
    assert!(
        of_kind(&store, FollowupKind::InformReferrer).is_empty(),
        "not before the referral is used"
    );

    let second = interview(&store, charles);
    store
        .set_meeting_state(second, MeetingState::Held, None)
        .unwrap();
    let tell = of_kind(&store, FollowupKind::InformReferrer);
    assert_eq!(tell.len(), 1);
    assert_eq!(tell[0].person.as_ref().unwrap().id, ada);
    assert!(
        tell[0].title.contains("Ada Lovelace") && tell[0].title.contains("Charles Babbage"),
        "{}",
        tell[0].title
    );
    assert!(
        store.meeting(first).unwrap().air[0].closed_at.is_some(),
        "the referral's loop is closed"
    );
}

#[test]
fn keep_in_touch_counts_from_the_last_interaction_and_restarts_with_each() {
    let clock = clock_at("2026-03-02T15:00:00Z");
    let store = memory_store(&clock);
    // Friends are seeded with a 60-day cadence.
    let sam = store
        .add_person(PersonInput {
            circle: Some("Friends".into()),
            ..PersonInput::named("Sam")
        })
        .unwrap()
        .id;
    assert!(
        of_kind(&store, FollowupKind::KeepInTouch).is_empty(),
        "nothing to keep up before a first contact"
    );
    let call = |when: &str| InteractionInput {
        person_ids: vec![sam],
        kind: InteractionKind::Call,
        occurred_at: Some(at(when)),
        medium: None,
        summary: "Catch-up".into(),
        notes: String::new(),
    };
    store.log_interaction(call("2026-03-01T10:00:00Z")).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-04-30T10:00:00Z")
    );
    store.log_interaction(call("2026-03-20T10:00:00Z")).unwrap();
    let kit = of_kind(&store, FollowupKind::KeepInTouch);
    assert_eq!(kit.len(), 1);
    assert_eq!(kit[0].due_at, at("2026-05-19T10:00:00Z"));
    // Logging an older interaction later does not pull it back.
    store.log_interaction(call("2026-02-01T10:00:00Z")).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-05-19T10:00:00Z")
    );
    // Done, then a new interaction re-arms it.
    let id = of_kind(&store, FollowupKind::KeepInTouch)[0].id;
    assert_eq!(
        store.complete_followup(id).unwrap().state,
        FollowupState::Done
    );
    store.log_interaction(call("2026-03-25T10:00:00Z")).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-05-24T10:00:00Z")
    );
}

#[test]
fn sharing_a_resource_logs_an_interaction() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let ada = add(&store, "Ada").id;
    let shared = store
        .share_resource(SharedResource {
            person_id: ada,
            url: "https://example.org/engines".into(),
            note: "Made me think of you".into(),
        })
        .unwrap();
    assert_eq!(shared.kind, InteractionKind::SharedResource);
    assert_eq!(shared.summary, "https://example.org/engines");
    assert_eq!(
        store
            .share_resource(SharedResource {
                person_id: ada,
                url: " ".into(),
                note: String::new()
            })
            .unwrap_err()
            .field(),
        Some("url")
    );
}

#[test]
fn a_brainstormed_name_that_looks_like_someone_listed_is_flagged() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    add(&store, "María Ñúñez");
    add(&store, "Sam Lee");
    let names = |typed: &str| -> Vec<String> {
        store
            .similar_people(typed)
            .unwrap()
            .into_iter()
            .map(|p| p.display_name)
            .collect()
    };
    assert_eq!(names("maria nunez"), ["María Ñúñez"]);
    assert_eq!(names("Sam"), ["Sam Lee"]);
    assert!(names("Samantha Green").is_empty());
    assert!(names("  ").is_empty());
}

#[test]
fn a_persons_own_cadence_overrides_their_circles_and_is_editable() {
    let store = memory_store(&clock_at("2026-03-02T15:00:00Z"));
    let input = |cadence: Option<i64>| PersonInput {
        circle: Some("Friends".into()),
        cadence_days: cadence,
        ..PersonInput::named("Sam")
    };
    let sam = store.add_person(input(Some(14))).unwrap();
    assert_eq!(sam.cadence_days, Some(14));
    store
        .log_interaction(InteractionInput {
            person_ids: vec![sam.id],
            kind: InteractionKind::Message,
            occurred_at: Some(at("2026-03-01T10:00:00Z")),
            medium: None,
            summary: String::new(),
            notes: String::new(),
        })
        .unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-03-15T10:00:00Z")
    );
    store.update_person(sam.id, input(None)).unwrap();
    assert_eq!(
        of_kind(&store, FollowupKind::KeepInTouch)[0].due_at,
        at("2026-04-30T10:00:00Z"),
        "back to the circle's 60 days"
    );
    store
        .update_person(sam.id, PersonInput::named("Sam"))
        .unwrap();
    assert!(
        of_kind(&store, FollowupKind::KeepInTouch).is_empty(),
        "no circle, no cadence: nothing to keep up"
    );
    assert_eq!(
        store
            .add_person(PersonInput {
                cadence_days: Some(0),
                ..PersonInput::named("X")
            })
            .unwrap_err()
            .field(),
        Some("cadenceDays")
    );
}
