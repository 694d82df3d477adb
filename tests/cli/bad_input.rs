//! Bad input: exit 2, a clear message, nothing written; usage errors exit 2 too.

use super::*;

#[test]
fn an_empty_name_is_refused_with_exit_2_and_nothing_written() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let before = rapport.snapshot();
    for name in ["", "   "] {
        let message = assert_bad_input(&rapport.run(&["people", "add", name]));
        assert!(message.contains("name"), "{message}");
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn an_unknown_circle_is_refused_with_exit_2_and_the_known_circles() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["people", "add", "Ada Lovelace", "--circle", "Atlantis"]));
    assert!(message.contains("Atlantis"), "{message}");
    assert!(
        message.contains("Classmates"),
        "the message lists the circles: {message}"
    );
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_title_without_an_organization_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["people", "add", "Ada Lovelace", "--title", "Countess"]));
    assert!(message.contains("organization"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_malformed_email_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["people", "add", "Ada Lovelace", "--email", "ada"]));
    assert!(message.contains("email"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_followup_for_an_unknown_person_is_refused_with_exit_2_and_nothing_written() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let before = rapport.snapshot();
    let message = assert_bad_input(&rapport.run(&[
        "followups",
        "add",
        "--person",
        "Nobody Known",
        "--title",
        "Call",
        "--due",
        PAST,
    ]));
    assert!(message.contains("Nobody Known"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_followup_for_an_unknown_person_id_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    let message = assert_bad_input(&rapport.run(&[
        "followups",
        "add",
        "--person",
        "#999",
        "--title",
        "Call",
        "--due",
        PAST,
    ]));
    assert!(message.contains("999"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_name_matching_several_people_is_refused_listing_them_with_their_ids() {
    let rapport = Rapport::new();
    let ana_n = rapport.add_person(&["Ana Núñez"]);
    let ana_p = rapport.add_person(&["Ana Pérez"]);
    let before = rapport.snapshot();
    let message = assert_bad_input(&rapport.run(&[
        "followups",
        "add",
        "--person",
        "Ana",
        "--title",
        "Call",
        "--due",
        PAST,
    ]));
    for person in [&ana_n, &ana_p] {
        let name = person["displayName"].as_str().unwrap();
        assert!(
            message.contains(&format!("#{}", id_of(person))),
            "{message}"
        );
        assert!(message.contains(name), "{message}");
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn a_bad_due_date_is_refused_with_exit_2_and_nothing_written() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let before = rapport.snapshot();
    for due in ["tomorrow-ish", "2026-13-01", "+5y", ""] {
        let message = assert_bad_input(&rapport.run(&[
            "followups",
            "add",
            "--person",
            "Ada Lovelace",
            "--title",
            "Call",
            "--due",
            due,
        ]));
        assert!(message.contains("not a date"), "--due {due:?}: {message}");
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn an_empty_followup_title_is_refused_with_exit_2_and_nothing_written() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let before = rapport.snapshot();
    for title in ["", "  "] {
        let message = assert_bad_input(&rapport.run(&[
            "followups",
            "add",
            "--person",
            "Ada Lovelace",
            "--title",
            title,
            "--due",
            PAST,
        ]));
        assert!(message.contains("title"), "{message}");
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn snoozing_into_the_past_is_refused_with_exit_2_and_the_due_time_kept() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let before = rapport.snapshot();
    let message = assert_bad_input(&rapport.run(&[
        "followups",
        "snooze",
        &id,
        "--until",
        "2021-01-01T00:00:00Z",
    ]));
    assert!(message.contains("future"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn snoozing_to_a_bad_date_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada Lovelace"]);
    let followup = rapport.add_followup("Ada Lovelace", "Thank-you note", PAST);
    let id = id_of(&followup).to_string();
    let before = rapport.snapshot();
    let message =
        assert_bad_input(&rapport.run(&["followups", "snooze", &id, "--until", "someday"]));
    assert!(message.contains("someday"), "{message}");
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn acting_on_an_unknown_followup_is_refused_with_exit_2() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    for args in [
        &["followups", "done", "999"][..],
        &["followups", "snooze", "999", "--until", "+1h"][..],
    ] {
        let message = assert_bad_input(&rapport.run(args));
        assert!(message.contains("999"), "{}: {message}", args.join(" "));
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn an_unknown_subcommand_is_a_usage_error_with_exit_2() {
    let rapport = Rapport::new();
    for args in [&["people", "frobnicate"][..], &["teleport"][..]] {
        let output = rapport.run(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{}: {}",
            args.join(" "),
            stderr(&output)
        );
        assert!(stderr(&output).contains("Usage"), "{}", stderr(&output));
    }
}

#[test]
fn a_missing_argument_is_a_usage_error_with_exit_2() {
    let rapport = Rapport::new();
    for args in [
        &["people", "add"][..],
        &["people", "search"][..],
        &["followups", "add", "--person", "Ada", "--title", "Call"][..],
        &["followups", "snooze", "1"][..],
        &["followups", "done"][..],
    ] {
        let output = rapport.run(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{}: {}",
            args.join(" "),
            stderr(&output)
        );
        assert!(stderr(&output).contains("Usage"), "{}", stderr(&output));
    }
}

#[test]
fn a_non_numeric_followup_id_is_a_usage_error_with_exit_2() {
    let rapport = Rapport::new();
    let output = rapport.run(&["followups", "done", "first"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn help_exits_0_and_describes_the_commands() {
    let rapport = Rapport::new();
    let out = rapport.ok(&["--help"]);
    assert!(out.contains("people"), "{out}");
    assert!(out.contains("followups"), "{out}");
}
