//! The coach on the command line: goals, the week's plan, logging what you did, and people with
//! a birthday and a strength.

use super::*;

#[test]
fn goals_are_added_listed_and_removed_with_progress_in_their_period() {
    let rapport = Rapport::new();
    let goal = rapport.json(&[
        "goals",
        "add",
        "--what",
        "interviews",
        "--count",
        "3",
        "--per",
        "month",
    ]);
    assert_eq!(goal["what"], "interviews");
    assert_eq!(goal["count"], 3);
    assert_eq!(goal["per"], "month");
    assert_eq!(goal["done"], 0);
    assert_eq!(
        goal["period"],
        chrono::Local::now().format("%Y-%m").to_string()
    );
    let listed = array(rapport.json(&["goals", "list"]));
    assert_eq!(listed.len(), 5, "the four defaults and this one");
    for field in ["id", "what", "count", "per", "done", "period"] {
        assert!(
            listed.iter().all(|g| g.get(field).is_some()),
            "{field} in every goal"
        );
    }
    rapport.ok(&["goals", "remove", &id_of(&goal).to_string()]);
    assert_eq!(array(rapport.json(&["goals", "list"])).len(), 4);
}

#[test]
fn bad_goals_exit_2_and_write_nothing() {
    let rapport = Rapport::new();
    rapport.ok(&["goals", "list"]);
    for args in [
        [
            "goals",
            "add",
            "--what",
            "reach_outs",
            "--count",
            "0",
            "--per",
            "week",
        ],
        [
            "goals",
            "add",
            "--what",
            "thank_you_on_time",
            "--count",
            "120",
            "--per",
            "month",
        ],
        [
            "goals", "add", "--what", "coffee", "--count", "2", "--per", "week",
        ],
        [
            "goals",
            "add",
            "--what",
            "reach_outs",
            "--count",
            "2",
            "--per",
            "fortnight",
        ],
    ] {
        assert_bad_input(&rapport.run(&args));
    }
    assert_eq!(array(rapport.json(&["goals", "list"])).len(), 4);
}

#[test]
fn logging_a_message_to_a_family_member_ticks_them_off_the_plan_and_counts_a_reach_out() {
    let rapport = Rapport::new();
    let lucia = rapport.add_person(&["Aunt Lucía", "--circle", "family"]);
    let plan = rapport.json(&["plan"]);
    let week = plan["week"].as_str().unwrap();
    assert!(week.len() == 8 && week.contains("-W"), "{week}");
    let items = plan["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{plan}");
    assert_eq!(items[0]["kind"], "tell_natural_network");
    assert_eq!(items[0]["person"]["id"], lucia["id"]);
    assert_eq!(items[0]["person"]["displayName"], "Aunt Lucía");
    assert_eq!(items[0]["done"], false);
    assert!(items[0]["why"]
        .as_str()
        .unwrap()
        .starts_with("Tell Aunt Lucía what you're exploring"));
    assert!(items[0].get("dueAt").is_some() && items[0].get("id").is_some());

    let logged = rapport.json(&[
        "log",
        "--person",
        "Aunt Lucía",
        "--kind",
        "MESSAGE",
        "--notes",
        "Told her about UX",
    ]);
    assert_eq!(logged["kind"], "message");
    let plan = rapport.json(&["plan"]);
    assert_eq!(plan["items"][0]["done"], true);
    let reach = plan["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["what"] == "reach_outs")
        .unwrap()
        .clone();
    assert_eq!(
        (reach["done"].as_i64(), reach["count"].as_i64()),
        (Some(1), Some(5))
    );
}

#[test]
fn log_refuses_an_unknown_kind_or_person_and_writes_nothing() {
    let rapport = Rapport::new();
    rapport.add_person(&["Ada"]);
    assert_bad_input(&rapport.run(&["log", "--person", "Ada", "--kind", "carrier pigeon"]));
    assert_bad_input(&rapport.run(&[
        "log", "--person", "Ada", "--kind", "call", "--when", "someday",
    ]));
    let missing = rapport.run(&["log", "--person", "Nobody", "--kind", "call"]);
    assert_ne!(missing.status.code(), Some(0));
    let plan = rapport.json(&["plan"]);
    let reach = plan["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["what"] == "reach_outs")
        .unwrap()
        .clone();
    assert_eq!(reach["done"], 0);
}

#[test]
fn people_add_takes_a_birthday_with_or_without_the_year_and_a_strength() {
    let rapport = Rapport::new();
    let sam = rapport.add_person(&["Sam", "--birthday", "1999-04-12", "--strength", "4"]);
    assert_eq!(sam["birthday"], "1999-04-12");
    assert_eq!(
        (sam["strength"].as_i64(), sam["strengthSet"].as_bool()),
        (Some(4), Some(true))
    );
    let kim = rapport.add_person(&["Kim", "--birthday", "04-12", "--circle", "family"]);
    assert_eq!(kim["birthday"], "--04-12");
    assert_eq!(
        (kim["strength"].as_i64(), kim["strengthSet"].as_bool()),
        (Some(4), Some(false))
    );
}

#[test]
fn an_impossible_birthday_or_strength_exits_2_and_writes_nothing() {
    let rapport = Rapport::new();
    let before = rapport.snapshot();
    for args in [
        ["people", "add", "Nobody", "--birthday", "2026-02-30"],
        ["people", "add", "Nobody", "--birthday", "13-01"],
        ["people", "add", "Nobody", "--strength", "6"],
    ] {
        assert_bad_input(&rapport.run(&args));
    }
    assert_eq!(rapport.snapshot(), before);
}

#[test]
fn strength_can_be_set_later_and_given_back_to_the_records() {
    let rapport = Rapport::new();
    rapport.add_person(&["Kim", "--circle", "family"]);
    let set = rapport.json(&["people", "set-strength", "Kim", "2"]);
    assert_eq!(
        (set["strength"].as_i64(), set["strengthSet"].as_bool()),
        (Some(2), Some(true))
    );
    let auto = rapport.json(&["people", "set-strength", "Kim", "auto"]);
    assert_eq!(
        (auto["strength"].as_i64(), auto["strengthSet"].as_bool()),
        (Some(4), Some(false))
    );
    assert_bad_input(&rapport.run(&["people", "set-strength", "Kim", "7"]));
}
