//! The coach in the real window: a store with a family member never contacted, a referral from
//! an interview, a professor last called 200 days ago and a birthday in three days shows all four
//! in "This week" with their reasons; logging the message to the family member ticks it off and
//! moves the reach-out goal to 1 of 5. Then the Progress screen and the pitch builder, each
//! screenshotted. Dates are relative to now, so it passes on any day of the week.

use chrono::{Duration, Local, Utc};
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::guide::meetings::{AirInput, AirKind, MeetingKind, MeetingState, NewMeeting};
use rapport_core::Store;
use serde_json::json;

use crate::harness::{App, Bus, Profile};

/// Weeks of reaching out before this one, for the Progress charts to show: a few people a week
/// over the last ten weeks (never this week, which the test counts), and a past interview.
fn weeks_of_reaching_out(profile: &Profile) {
    let store = Store::open(&profile.data_dir).unwrap();
    let monday = rapport_core::coach::period::week_of(Utc::now(), &store.zone()).start;
    let people: Vec<i64> = [
        "Maya Chen",
        "Omar Haddad",
        "Lena Novak",
        "Ravi Patel",
        "Ines Duarte",
    ]
    .iter()
    .map(|name| {
        store
            .add_person(rapport_core::network::people::PersonInput {
                circle: Some("Classmates".into()),
                ..rapport_core::network::people::PersonInput::named(*name)
            })
            .unwrap()
            .id
    })
    .collect();
    for week in 1..=10_i64 {
        let reached = 1 + (week * 3) % 5;
        for person in &people[..reached as usize] {
            store
                .log_interaction(InteractionInput {
                    person_ids: vec![*person],
                    kind: if week % 4 == 0 {
                        InteractionKind::InformationalInterview
                    } else {
                        InteractionKind::Email
                    },
                    occurred_at: Some(monday - Duration::weeks(week) + Duration::hours(30)),
                    medium: None,
                    summary: String::new(),
                    notes: String::new(),
                })
                .unwrap();
        }
    }
}

/// An informational interview with Grace, held ten days ago (last week at the latest), where
/// she referred Katherine: written through the core into the profile's real store.
fn held_interview_with_a_referral(profile: &Profile) {
    let store = Store::open(&profile.data_dir).unwrap();
    let grace = store.find_person("Grace Hopper").unwrap().id;
    let meeting = store
        .plan_meeting(NewMeeting {
            person_id: grace,
            kind: MeetingKind::InformationalInterview,
            title: String::new(),
        })
        .unwrap()
        .id;
    store
        .set_meeting_state(
            meeting,
            MeetingState::Held,
            Some(Utc::now() - Duration::days(10)),
        )
        .unwrap();
    store
        .add_air(
            meeting,
            AirInput {
                kind: Some(AirKind::Referral),
                referred_name: Some("Katherine Johnson".into()),
                ..Default::default()
            },
        )
        .unwrap();
}

async fn item_why(app: &App, kind: &str) -> String {
    let css = format!("#this-week [data-plan-kind='{kind}'] .plan-why");
    app.wait_for_css(&css).await;
    app.client
        .execute(
            "return document.querySelector(arguments[0]).textContent",
            vec![json!(css)],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn this_week_suggests_who_to_reach_out_to_and_ticks_off_what_is_logged() {
    let bus = Bus::start();
    let profile = Profile::new();
    profile.cli(&bus, &["people", "add", "Aunt Lucía", "--circle", "family"]);
    profile.cli(
        &bus,
        &["people", "add", "Grace Hopper", "--circle", "supervisor"],
    );
    profile.cli(
        &bus,
        &["people", "add", "Professor Kim", "--circle", "professor"],
    );
    let long_ago = (Utc::now() - Duration::days(200)).to_rfc3339();
    profile.cli(
        &bus,
        &[
            "log",
            "--person",
            "Professor Kim",
            "--kind",
            "call",
            "--when",
            &long_ago,
        ],
    );
    let birthday = (Local::now() + Duration::days(3))
        .format("%m-%d")
        .to_string();
    profile.cli(
        &bus,
        &[
            "people",
            "add",
            "Sam Lee",
            "--circle",
            "friend",
            "--birthday",
            &birthday,
        ],
    );
    held_interview_with_a_referral(&profile);
    weeks_of_reaching_out(&profile);

    let app = App::launch(&profile, &bus).await;
    app.wait_for_css("#this-week").await;
    let tell = item_why(&app, "tell_natural_network").await;
    assert!(
        tell.starts_with("Tell Aunt Lucía what you're exploring"),
        "{tell}"
    );
    let referral = item_why(&app, "referral").await;
    assert!(
        referral.starts_with("Reach out to Katherine Johnson — Grace Hopper referred you on"),
        "{referral}"
    );
    let cold = item_why(&app, "going_cold").await;
    assert!(
        cold.starts_with("Professor Kim: last contact 200 days ago"),
        "{cold}"
    );
    let birthday = item_why(&app, "birthday").await;
    assert!(birthday.starts_with("Sam's birthday is on "), "{birthday}");
    app.wait_for_text("#this-week .goal-line", "Reach-outs 0 of 5")
        .await;
    app.screenshot("60-this-week").await;

    // Draft the note from the pitch, then log it: the item ticks off and the goal moves.
    app.js("document.querySelector(\"#this-week [data-plan-kind='tell_natural_network'] [data-action='draft']\").click()").await;
    app.wait_for_css("#this-week .plan-draft").await;
    let draft = app
        .js("return document.querySelector('#this-week .plan-draft').value")
        .await;
    assert!(draft.as_str().unwrap().contains("Dear Aunt"), "{draft}");
    app.js("document.querySelector(\"#this-week [data-plan-kind='tell_natural_network'] [data-action='log']\").click()").await;
    app.wait_for_css("#this-week [data-plan-kind='tell_natural_network'].done")
        .await;
    app.wait_for_text("#this-week .goal-line", "Reach-outs 1 of 5")
        .await;
    app.screenshot("61-this-week-after-logging").await;

    // The Progress screen: the charts and the goals behind them.
    app.wait_for_css("#show-progress")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_css("#progress #progress-reach-outs svg").await;
    app.wait_for_css("#goals .goal-row").await;
    let styled = app
        .js("return document.querySelectorAll('#progress [style], #progress style').length")
        .await;
    assert_eq!(
        styled,
        json!(0),
        "no inline style in the charts' markup (the CSP forbids it)"
    );
    app.screenshot("62-progress").await;
    app.js("document.querySelector('#progress-reach-outs').scrollIntoView()")
        .await;
    app.screenshot("62b-progress-charts").await;

    // The pitch builder: the prompts become a draft with its checklist.
    app.wait_for_css("#show-pitches")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_css("#build-pitch")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_css("#pitch-builder-form").await;
    for (name, text) in [
        ("name", "Sam Student"),
        ("year", "junior"),
        ("school", "Simmons"),
        ("field", "economics"),
        ("example", "last summer I turned a nonprofit's volunteer hours into a monthly report for its board"),
        ("exploring", "health policy research"),
        ("why", "I like finding the story in numbers"),
        ("bring", "data skills and a habit of explaining them plainly"),
    ] {
        app.wait_for_css(&format!("#pitch-builder-form [name='{name}']")).await.send_keys(text).await.unwrap();
    }
    app.wait_for_css("#pitch-checklist [data-part='ask'][data-ok='false']")
        .await;
    // The draft follows the prompts after a short pause (the builder waits for typing to stop).
    let mut draft = json!("");
    for _ in 0..100 {
        draft = app
            .js("return document.querySelector(\"#pitch-builder-form [name='draft']\").value")
            .await;
        if draft.as_str().unwrap_or_default().contains("health policy") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        draft
            .as_str()
            .unwrap()
            .starts_with("Hi, I'm Sam Student, a junior student at Simmons studying economics."),
        "{draft}"
    );
    app.screenshot("63-pitch-builder").await;
    app.quit(&bus).await;
}
