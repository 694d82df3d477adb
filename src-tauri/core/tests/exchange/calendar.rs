//! Exporting a scheduled meeting as an iCalendar event, checked by parsing the file back with the
//! same crate that wrote it.

use crate::common::{add, at, clock_at, memory_store};
use chrono::{DateTime, Utc};
use icalendar::{
    Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike,
};
use rapport_core::exchange::calendar::{meeting_event, meeting_uid};
use rapport_core::guide::meetings::{AgendaItem, MeetingDetails, MeetingKind, NewMeeting};
use rapport_core::Error;
use rapport_core::Store;

fn interview(store: &Store, name: &str, title: &str) -> i64 {
    let person_id = add(store, name).id;
    store
        .plan_meeting(NewMeeting {
            person_id,
            kind: MeetingKind::InformationalInterview,
            title: title.into(),
        })
        .unwrap()
        .id
}

fn schedule(store: &Store, id: i64, title: &str, when: &str, minutes: i64, location: &str) {
    store
        .update_meeting(
            id,
            MeetingDetails {
                title: title.into(),
                scheduled_at: Some(at(when)),
                duration_minutes: Some(minutes),
                location: location.into(),
                ..MeetingDetails::default()
            },
        )
        .unwrap();
}

fn parse(ics: &str) -> Calendar {
    ics.parse().expect("the export parses as iCalendar")
}

fn only_event(calendar: &Calendar) -> &Event {
    let events: Vec<&Event> = calendar.events().collect();
    assert_eq!(events.len(), 1, "one VEVENT");
    assert_eq!(calendar.components.len(), 1, "nothing but the VEVENT");
    events[0]
}

fn utc(time: DateTime<Utc>) -> Option<DatePerhapsTime> {
    Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(time)))
}

#[test]
fn a_scheduled_meeting_becomes_one_utc_event_with_an_alarm() {
    let clock = clock_at("2026-03-01T09:00:00Z");
    let store = memory_store(&clock);
    let id = interview(&store, "Ada Lovelace", "");
    schedule(
        &store,
        id,
        "",
        "2026-03-10T14:30:00Z",
        25,
        "Café Nero, 12 High St",
    );
    let meeting = store.meeting(id).unwrap();
    let ics = meeting_event(&meeting, at("2026-03-02T08:15:00Z")).unwrap();

    // RFC 5545: every line ends in CRLF.
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "bare LF in {ics:?}"
    );
    assert!(ics.contains("\r\nDTSTART:20260310T143000Z\r\n"), "{ics}");
    assert!(ics.contains("\r\nDTEND:20260310T145500Z\r\n"), "{ics}");

    let calendar = parse(&ics);
    assert_eq!(
        calendar.property_value("PRODID"),
        Some("-//Rapport//Rapport//EN")
    );
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    let event = only_event(&calendar);
    let uid = format!("meeting-{id}@rapport.org.rapport.app");
    assert_eq!(event.get_uid(), Some(uid.as_str()));
    assert_eq!(meeting_uid(id), uid);
    assert_eq!(
        event.get_timestamp(),
        Some(at("2026-03-02T08:15:00Z")),
        "DTSTAMP is `now`"
    );
    assert_eq!(event.get_start(), utc(at("2026-03-10T14:30:00Z")));
    assert_eq!(event.get_end(), utc(at("2026-03-10T14:55:00Z")));
    assert_eq!(
        event.get_summary(),
        Some("Informational interview with Ada Lovelace")
    );
    assert_eq!(event.get_location(), Some("Café Nero, 12 High St"));

    let alarms: Vec<_> = event
        .components()
        .iter()
        .filter(|c| c.component_kind() == "VALARM")
        .collect();
    assert_eq!(alarms.len(), 1, "one VALARM");
    assert_eq!(alarms[0].property_value("ACTION"), Some("DISPLAY"));
    // 30 minutes before the start (the crate writes seconds; its own parser cannot read a
    // negative duration back, hence the plain comparison).
    let trigger = &alarms[0].properties()["TRIGGER"];
    assert!(
        matches!(trigger.value(), "-PT1800S" | "-PT30M"),
        "{trigger:?}"
    );
    assert!(
        trigger.params().get("RELATED").is_none(),
        "relative to the start"
    );
    assert_eq!(
        alarms[0].property_value("DESCRIPTION"),
        Some("Informational interview with Ada Lovelace")
    );
}

#[test]
fn the_export_is_reproducible_so_a_re_export_updates_the_same_event() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, "Ada", "Coffee with Ada");
    schedule(
        &store,
        id,
        "Coffee with Ada",
        "2026-03-10T14:30:00Z",
        30,
        "",
    );
    let meeting = store.meeting(id).unwrap();
    let now = at("2026-03-02T08:00:00Z");
    let first = meeting_event(&meeting, now).unwrap();
    assert_eq!(first, meeting_event(&meeting, now).unwrap());

    let event = only_event(&parse(&first)).clone();
    assert_eq!(event.get_summary(), Some("Coffee with Ada"));
    assert_eq!(event.get_location(), None, "no empty LOCATION");

    let other = interview(&store, "Grace", "");
    schedule(&store, other, "", "2026-03-11T10:00:00Z", 30, "");
    let other_ics = meeting_event(&store.meeting(other).unwrap(), now).unwrap();
    assert_ne!(
        only_event(&parse(&other_ics)).get_uid(),
        event.get_uid(),
        "each meeting has its own UID"
    );
}

#[test]
fn the_description_is_the_agenda_and_a_reminder_to_ask_for_referrals() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, "Ada", "");
    schedule(&store, id, "", "2026-03-10T14:30:00Z", 30, "");
    store
        .set_agenda(
            id,
            vec![
                AgendaItem {
                    title: "Their career path".into(),
                    minutes: 10,
                    questions: vec![
                        "How did you get started?".into(),
                        "What surprised you?".into(),
                    ],
                },
                AgendaItem {
                    title: "Advice for me".into(),
                    minutes: 12,
                    questions: vec![],
                },
            ],
        )
        .unwrap();
    let ics = meeting_event(&store.meeting(id).unwrap(), at("2026-03-02T08:00:00Z")).unwrap();
    let calendar = parse(&ics);
    assert_eq!(
        only_event(&calendar).get_description(),
        Some(
            "Their career path (10 min)\n- How did you get started?\n- What surprised you?\n\n\
             Advice for me (12 min)\n\n\
             Remember to ask: “Who else should I talk to?”"
        )
    );

    // Once the agenda asks it, the reminder is not repeated.
    store
        .set_agenda(id, rapport_core::guide::meetings::suggested_agenda())
        .unwrap();
    let ics = meeting_event(&store.meeting(id).unwrap(), at("2026-03-02T08:00:00Z")).unwrap();
    let calendar = parse(&ics);
    let description = only_event(&calendar).get_description().unwrap();
    assert!(description.starts_with("Thanks and my introduction (3 min)\n\nTheir career path (5 min)\n- How did you get started in this field?"));
    assert_eq!(description.matches("Who else should I talk to?").count(), 1);
    assert!(!description.contains("Remember to ask"));
}

#[test]
fn commas_semicolons_backslashes_and_newlines_in_user_text_survive_the_round_trip() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, "Ada", "");
    let title = "Lunch; then a walk, maybe \\ or not";
    let location = "Room 4, Floor 2; Building \"B\"";
    schedule(&store, id, title, "2026-03-10T14:30:00Z", 60, location);
    store
        .set_agenda(
            id,
            vec![AgendaItem {
                title: "Projects, plans; hopes".into(),
                minutes: 20,
                questions: vec!["Why this field, and not another; really?".into()],
            }],
        )
        .unwrap();
    let ics = meeting_event(&store.meeting(id).unwrap(), at("2026-03-02T08:00:00Z")).unwrap();

    assert!(ics.contains("\\;"), "semicolons are escaped: {ics}");
    assert!(ics.contains("\\,"), "commas are escaped: {ics}");
    assert!(ics.contains("\\n"), "newlines are escaped: {ics}");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }

    let calendar = parse(&ics);
    let event = only_event(&calendar);
    assert_eq!(event.get_summary(), Some(title));
    assert_eq!(event.get_location(), Some(location));
    assert_eq!(
        event.get_description(),
        Some(
            "Projects, plans; hopes (20 min)\n- Why this field, and not another; really?\n\n\
             Remember to ask: “Who else should I talk to?”"
        )
    );
    assert_eq!(event.get_end(), utc(at("2026-03-10T15:30:00Z")));
}

#[test]
fn an_unscheduled_meeting_cannot_be_exported() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, "Ada", "");
    let error = meeting_event(&store.meeting(id).unwrap(), at("2026-03-02T08:00:00Z")).unwrap_err();
    assert!(matches!(error, Error::Invalid { .. }), "{error:?}");
    assert_eq!(error.field(), Some("scheduledAt"));
    assert_eq!(
        error.to_string(),
        "Schedule the meeting before exporting it to a calendar."
    );

    let dir = tempfile::tempdir().unwrap();
    let error = store.export_meeting_ics(id, dir.path()).unwrap_err();
    assert_eq!(error.field(), Some("scheduledAt"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no file");
}

#[test]
fn the_store_writes_the_file_into_a_folder_it_creates() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, "Ada", "");
    schedule(&store, id, "", "2026-03-10T14:30:00Z", 30, "Library");
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("exports").join("calendar");

    let path = store.export_meeting_ics(id, &target).unwrap();
    assert_eq!(path, target.join(format!("rapport-meeting-{id}.ics")));
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        meeting_event(&store.meeting(id).unwrap(), store.now()).unwrap(),
        "DTSTAMP comes from the store's clock"
    );
    let calendar = parse(&written);
    assert!(matches!(
        calendar.components.as_slice(),
        [CalendarComponent::Event(_)]
    ));

    // Exporting again after a change replaces the file, keeping the UID.
    schedule(&store, id, "", "2026-03-12T09:00:00Z", 30, "Library");
    assert_eq!(store.export_meeting_ics(id, &target).unwrap(), path);
    let calendar = parse(&std::fs::read_to_string(&path).unwrap());
    let event = only_event(&calendar);
    assert_eq!(event.get_uid(), Some(meeting_uid(id).as_str()));
    assert_eq!(event.get_start(), utc(at("2026-03-12T09:00:00Z")));
    assert_eq!(std::fs::read_dir(&target).unwrap().count(), 1);
}

#[test]
fn exporting_a_missing_meeting_is_not_found() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let dir = tempfile::tempdir().unwrap();
    let error = store.export_meeting_ics(42, dir.path()).unwrap_err();
    assert_eq!(error.code(), "not_found");
}

#[test]
fn a_folder_that_cannot_be_created_is_an_io_error() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = interview(&store, "Ada", "");
    schedule(&store, id, "", "2026-03-10T14:30:00Z", 30, "");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "").unwrap();
    let error = store.export_meeting_ics(id, &file.join("sub")).unwrap_err();
    assert_eq!(error.code(), "io");
}

#[test]
fn a_birthday_is_exported_as_one_yearly_all_day_event_and_its_reminder_is_not() {
    use rapport_core::exchange::export::ExportFormat;
    use rapport_core::network::people::PersonInput;
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    for (name, birthday) in [
        ("Sam Lee", "1999-04-12"),
        ("Kim", "--09-30"),
        ("Leap", "2004-02-29"),
    ] {
        store
            .add_person(PersonInput {
                birthday: Some(birthday.into()),
                ..PersonInput::named(name)
            })
            .unwrap();
    }
    let (ics, count) = store.export(ExportFormat::Ics).unwrap();
    assert_eq!(
        count, 3,
        "one event per birthday, none for this year's reminders:\n{ics}"
    );
    assert!(ics.contains("DTSTART;VALUE=DATE:19990412\r\n"), "{ics}");
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20000930\r\n"),
        "a birthday without its year starts in 2000:\n{ics}"
    );
    assert!(
        ics.contains("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"),
        "{ics}"
    );
    assert_eq!(ics.matches("RRULE:FREQ=YEARLY").count(), 3);
    assert!(ics.contains("SUMMARY:Sam Lee's birthday\r\n"), "{ics}");
    parse(&ics);
}
