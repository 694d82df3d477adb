//! Follow-ups on the phone's calendar: events with a display alarm at their due time, in a
//! 60-day window; done in Rapport, gone there.

use super::*;

#[test]
fn pending_follow_ups_become_events_with_alarms_and_a_done_one_is_removed() {
    on_both_servers(|keyring, server| {
        let laptop = Device::new(keyring);
        laptop.add_person(&[
            "Ada Lovelace",
            "--email",
            "ada@analytical.org",
            "--birthday",
            "12-10",
        ]);
        let thank = laptop.json(&[
            "followups",
            "add",
            "--person",
            "Ada Lovelace",
            "--title",
            "Thank Ada for the intro",
            "--due",
            "+2d",
        ]);
        laptop.json(&[
            "followups",
            "add",
            "--person",
            "Ada Lovelace",
            "--title",
            "Ask Ada about the spring",
            "--due",
            "+90d",
        ]);
        let account = laptop.add_account(server);
        let report = laptop.sync();
        assert_eq!(
            report["events"]["sent"], 1,
            "only what is due in the next 60 days, no birthday: {report}"
        );

        let events = events_on(&account);
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0]["summary"], "Thank Ada for the intro");
        assert_eq!(
            events[0]["alarms"],
            serde_json::json!(["P0D"]),
            "an alarm at the due time"
        );
        assert_eq!(
            events[0]["hasMethod"], false,
            "a calendar resource carries no METHOD"
        );

        let idle = laptop.sync();
        assert_eq!(
            idle["events"]["sent"], 0,
            "an unchanged follow-up is not sent again: {idle}"
        );

        let id = thank["id"].as_i64().unwrap().to_string();
        laptop.json(&["followups", "done", &id]);
        let report = laptop.sync();
        assert_eq!(report["events"]["removed"], 1, "{report}");
        assert!(events_on(&account).is_empty());
    });
}
