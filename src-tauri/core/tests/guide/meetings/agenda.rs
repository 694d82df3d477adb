//! A meeting's agenda: it must fit 20-30 minutes, the suggested one does, and a stored one keeps
//! its order.

use super::interview;
use crate::common::{add, clock_at, memory_store};
use rapport_core::guide::meetings::{check_agenda, suggested_agenda, AgendaItem, AgendaVerdict};

fn item(title: &str, minutes: i64) -> AgendaItem {
    AgendaItem {
        title: title.into(),
        minutes,
        questions: vec![],
    }
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
