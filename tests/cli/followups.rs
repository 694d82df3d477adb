//! `rapport followups`: adding one for a person by name or id and a due time relative or
//! exact, what is due, marking one done and snoozing it.

use super::*;

// ---------------------------------------------------------------------------------------------
// followups add

#[test]
fn followups_add_with_json_prints_the_pending_followup_for_the_named_person() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Send a thank-you note", "+3d");
    assert!(followup["id"].is_i64(), "{followup}");
    assert_eq!(followup["title"], "Send a thank-you note");
    assert_eq!(followup["state"], "pending");
    assert_eq!(followup["person"]["id"], ada["id"]);
    assert_eq!(followup["person"]["displayName"], "Ada Lovelace");
}

#[test]
fn followups_add_prints_the_new_followup_id_in_text() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let out = rapport.ok(&[
        "followups",
        "add",
        "--person",
        "Ada Lovelace",
        "--title",
        "Call back",
        "--due",
        "+2h",
    ]);
    assert!(out.starts_with("Added follow-up #"), "{out}");
    assert!(out.contains("Call back"), "{out}");
    assert!(out.contains("Ada Lovelace"), "{out}");
}

#[test]
fn followups_add_accepts_a_person_id_with_or_without_hash() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace"]);
    let id = id_of(&ada).to_string();
    for person in [id.clone(), format!("#{id}")] {
        let followup = rapport.add_followup(&person, "Ask about the engine", "+1d");
        assert_eq!(followup["person"]["id"], ada["id"], "--person {person}");
    }
}

#[test]
fn followups_add_finds_the_person_by_a_unique_word_of_the_name() {
    let rapport = Rapport::new();
    let ada = rapport.add_person(&["Ada Lovelace"]);
    rapport.add_person(&["Grace Hopper"]);
    let followup = rapport.add_followup("lovelace", "Ask about the engine", "+1d");
    assert_eq!(followup["person"]["id"], ada["id"]);
}

#[test]
fn followups_add_counts_relative_due_times_from_now() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    for (due, offset) in [
        ("+90s", Duration::seconds(90)),
        ("+2h", Duration::hours(2)),
        ("+3d", Duration::days(3)),
    ] {
        let before = Utc::now();
        let followup = rapport.add_followup("Ada Lovelace", "Check in", due);
        let after = Utc::now();
        let due_at = time(&followup["dueAt"]);
        // Stored to the second: allow the truncated fraction below, and a second of slack above.
        assert!(
            due_at >= before + offset - Duration::seconds(1)
                && due_at <= after + offset + Duration::seconds(1),
            "--due {due}: {due_at} is not within [{before}, {after}] + {offset}"
        );
    }
}

#[test]
fn followups_add_keeps_an_rfc3339_due_time_exactly() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Coffee", "2030-03-02T09:30:00+01:00");
    assert_eq!(
        time(&followup["dueAt"]),
        time(&Value::from("2030-03-02T08:30:00Z"))
    );
}

// ---------------------------------------------------------------------------------------------
// followups due

#[test]
fn followups_due_lists_overdue_followups_but_not_future_ones() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let overdue = rapport.add_followup("Ada Lovelace", "Overdue thank-you", PAST);
    rapport.add_followup("Ada Lovelace", "Next month", "+30d");
    let due = rapport.due();
    assert_eq!(ids(&due), vec![id_of(&overdue)]);
    assert_eq!(due[0]["title"], "Overdue thank-you");
}

#[test]
fn followups_due_lists_the_soonest_first() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let later = rapport.add_followup("Ada Lovelace", "Later", "2021-06-01T09:00:00Z");
    let earlier = rapport.add_followup("Ada Lovelace", "Earlier", "2020-06-01T09:00:00Z");
    assert_eq!(ids(&rapport.due()), vec![id_of(&earlier), id_of(&later)]);
}

#[test]
fn followups_due_text_lists_each_due_followup_with_its_id() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let overdue = rapport.add_followup("Ada Lovelace", "Overdue thank-you", PAST);
    let out = rapport.ok(&["followups", "due"]);
    assert!(out.contains(&format!("#{}", id_of(&overdue))), "{out}");
    assert!(out.contains("Overdue thank-you"), "{out}");
}

#[test]
fn followups_due_says_so_when_nothing_is_due() {
    let rapport = Rapport::new();
    let out = rapport.ok(&["followups", "due"]);
    assert_eq!(out.trim(), "Nothing is due.");
}

// ---------------------------------------------------------------------------------------------
// followups done / snooze

#[test]
fn followups_done_closes_the_followup_and_removes_it_from_due() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let done = rapport.json(&["followups", "done", &id]);
    assert_eq!(done["state"], "done");
    assert!(!done["closedAt"].is_null(), "{done}");
    assert!(rapport.due().is_empty());
}

#[test]
fn followups_done_prints_a_confirmation_in_text() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let out = rapport.ok(&["followups", "done", &id]);
    assert!(out.starts_with(&format!("Done: #{id} ")), "{out}");
    assert!(out.contains("Thank-you note"), "{out}");
}

#[test]
fn followups_snooze_moves_the_due_time_and_removes_it_from_due() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let before = Utc::now();
    let snoozed = rapport.json(&["followups", "snooze", &id, "--until", "+1h"]);
    let after = Utc::now();
    let due_at = time(&snoozed["dueAt"]);
    assert!(
        due_at >= before + Duration::hours(1) - Duration::seconds(1)
            && due_at <= after + Duration::hours(1) + Duration::seconds(1),
        "snoozed to {due_at}, expected about an hour from now"
    );
    assert_eq!(snoozed["state"], "pending");
    assert!(rapport.due().is_empty());
}
