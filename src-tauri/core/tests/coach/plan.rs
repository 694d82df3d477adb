//! The weekly plan: each source, the ranking, a week that keeps its plan, and items that tick
//! off when the matching record appears. The clock is set to Wednesday 2 December 2026, 10:00
//! UTC (ISO week 2026-W49) unless a test says otherwise.

use crate::common::{add, at, clock_at, held_interview, interview, link, log_with, memory_store};
use chrono::Duration;
use rapport_core::coach::plan::{PlanKind, SetAside, WeeklyPlan, MOST_SUGGESTED};
use rapport_core::followups::interactions::InteractionKind;
use rapport_core::followups::FollowupInput;
use rapport_core::guide::meetings::{AirInput, AirKind, MeetingDetails};
use rapport_core::network::links::LinkKind;
use rapport_core::network::people::PersonInput;
use rapport_core::Store;

const WEDNESDAY: &str = "2026-12-02T10:00:00Z";

pub(crate) fn in_circle(store: &Store, name: &str, circle: &str) -> i64 {
    store
        .add_person(PersonInput {
            circle: Some(circle.into()),
            ..PersonInput::named(name)
        })
        .unwrap()
        .id
}

fn log(store: &Store, person: i64, kind: InteractionKind, when: &str) {
    log_with(store, &[person], kind, when);
}

fn item<'a>(plan: &'a WeeklyPlan, kind: PlanKind) -> &'a rapport_core::coach::plan::PlanItem {
    plan.items
        .iter()
        .find(|i| i.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:#?}", plan.items))
}

/// A held informational interview with `with`, from which `referred` was referred.
pub(crate) fn referral(store: &Store, with: i64, referred: &str, held: &str) -> i64 {
    let meeting = held_interview(store, with, Some(held));
    let meeting = store
        .add_air(
            meeting,
            AirInput {
                kind: Some(AirKind::Referral),
                referred_name: Some(referred.into()),
                ..Default::default()
            },
        )
        .unwrap();
    meeting
        .air
        .last()
        .unwrap()
        .referred_person
        .clone()
        .unwrap()
        .id
}

#[test]
fn a_family_member_never_contacted_is_told_what_you_are_exploring() {
    let store = memory_store(&clock_at(WEDNESDAY));
    let lucia = in_circle(&store, "Aunt Lucía", "Family");
    // Met online, or imported from LinkedIn: not the natural network.
    in_circle(&store, "Someone Online", "Online");
    in_circle(&store, "A Connection", "LinkedIn");
    let plan = store.weekly_plan().unwrap();
    assert_eq!(plan.week, "2026-W49");
    let tell: Vec<_> = plan
        .items
        .iter()
        .filter(|i| i.kind == PlanKind::TellNaturalNetwork)
        .collect();
    assert_eq!(tell.len(), 1, "{:#?}", plan.items);
    assert_eq!(tell[0].person.as_ref().unwrap().id, lucia);
    assert!(
        tell[0]
            .why
            .starts_with("Tell Aunt Lucía what you're exploring"),
        "{}",
        tell[0].why
    );
    assert!(!tell[0].done);
}

#[test]
fn a_referral_not_yet_contacted_names_who_referred_you_and_when() {
    let store = memory_store(&clock_at(WEDNESDAY));
    let grace = add(&store, "Grace Hopper").id;
    let katherine = referral(&store, grace, "Katherine Johnson", "2026-11-25T15:00:00Z");
    let plan = store.weekly_plan().unwrap();
    let referral = item(&plan, PlanKind::Referral);
    assert_eq!(referral.person.as_ref().unwrap().id, katherine);
    assert_eq!(
        referral.why,
        "Reach out to Katherine Johnson — Grace Hopper referred you on 25 November"
    );
}

#[test]
fn someone_going_cold_says_how_long_it_has_been() {
    let store = memory_store(&clock_at(WEDNESDAY));
    let kim = in_circle(&store, "Professor Kim", "Professors & advisors");
    log(&store, kim, InteractionKind::Call, "2026-05-16T10:00:00Z"); // 200 days before
    let plan = store.weekly_plan().unwrap();
    let cold = item(&plan, PlanKind::GoingCold);
    assert_eq!(cold.person.as_ref().unwrap().id, kim);
    assert_eq!(
        cold.why,
        "Professor Kim: last contact 200 days ago — you keep in touch every 90 days"
    );
}

#[test]
fn a_birthday_in_the_next_seven_days_is_in_the_plan_and_one_further_away_is_not() {
    let store = memory_store(&clock_at(WEDNESDAY));
    let sam = store
        .add_person(PersonInput {
            birthday: Some("1999-12-05".into()),
            ..PersonInput::named("Sam Lee")
        })
        .unwrap()
        .id;
    store
        .add_person(PersonInput {
            birthday: Some("--12-20".into()),
            ..PersonInput::named("Later Person")
        })
        .unwrap();
    let plan = store.weekly_plan().unwrap();
    let birthdays: Vec<_> = plan
        .items
        .iter()
        .filter(|i| i.kind == PlanKind::Birthday)
        .collect();
    assert_eq!(birthdays.len(), 1, "{:#?}", plan.items);
    assert_eq!(birthdays[0].person.as_ref().unwrap().id, sam);
    assert_eq!(
        birthdays[0].why,
        "Sam's birthday is on Saturday 5 December: a short note keeps you in touch"
    );
    assert_eq!(birthdays[0].due_at, Some(at("2026-12-05T09:00:00Z")));
}

#[test]
fn follow_ups_due_this_week_come_first_and_overdue_ones_too() {
    let store = memory_store(&clock_at(WEDNESDAY));
    let ada = add(&store, "Ada").id;
    for (title, due) in [
        ("Thank Ada", "2026-12-03T09:00:00Z"),
        ("Late one", "2026-11-20T09:00:00Z"),
        ("Next week", "2026-12-08T09:00:00Z"),
    ] {
        store
            .add_followup(FollowupInput {
                person_id: Some(ada),
                kind: None,
                title: title.into(),
                due_at: at(due),
            })
            .unwrap();
    }
    in_circle(&store, "Aunt Lucía", "Family");
    let plan = store.weekly_plan().unwrap();
    let whys: Vec<&str> = plan.items.iter().map(|i| i.why.as_str()).collect();
    assert_eq!(whys[0], "Late one — overdue since Friday 20 November");
    assert_eq!(whys[1], "Thank Ada — due Thursday 3 December");
    assert!(!whys.iter().any(|w| w.starts_with("Next week")), "{whys:?}");
    assert_eq!(plan.items[2].kind, PlanKind::TellNaturalNetwork);
}

#[test]
fn an_interview_coming_up_with_steps_left_is_to_prepare_and_one_held_is_to_reflect_on() {
    let store = memory_store(&clock_at(WEDNESDAY));
    let ada = add(&store, "Ada").id;
    let bea = add(&store, "Bea").id;
    let coming = interview(&store, ada);
    store
        .update_meeting(
            coming,
            MeetingDetails {
                scheduled_at: Some(at("2026-12-04T15:00:00Z")),
                ..Default::default()
            },
        )
        .unwrap();
    store.set_prep_step(coming, 1, true, "").unwrap();
    let held = held_interview(&store, bea, Some("2026-11-30T15:00:00Z"));
    let plan = store.weekly_plan().unwrap();
    let prepare = item(&plan, PlanKind::PrepareInterview);
    assert_eq!(
        prepare.why,
        "Prepare for your interview with Ada on Friday 4 December: 6 of 7 steps left"
    );
    assert_eq!(prepare.meeting_id, Some(coming));
    let reflect = item(&plan, PlanKind::Reflect);
    assert_eq!(reflect.meeting_id, Some(held));
    assert!(
        reflect
            .why
            .starts_with("Write down what you learned from Bea"),
        "{}",
        reflect.why
    );
}

#[test]
fn a_warm_contact_tied_to_someone_at_a_target_organization_is_asked_for_an_introduction() {
    let store = memory_store(&clock_at(WEDNESDAY));
    let ravi = store
        .add_person(PersonInput {
            organization: Some("Acme".into()),
            ..PersonInput::named("Ravi")
        })
        .unwrap()
        .id;
    let maria = in_circle(&store, "Maria", "Friends");
    // Maria has heard what you are exploring already.
    log(&store, maria, InteractionKind::Call, "2026-11-20T10:00:00Z");
    link(&store, maria, ravi, LinkKind::Knows);
    let acme = store.find_organization("Acme").unwrap().id;
    store.set_organization_target(acme, true).unwrap();
    let plan = store.weekly_plan().unwrap();
    let intro = item(&plan, PlanKind::WarmIntro);
    assert_eq!(intro.person.as_ref().unwrap().id, maria);
    assert_eq!(intro.why, "Ask Maria to introduce you to Ravi at Acme");
}

#[test]
fn the_plan_suggests_only_as_many_reach_outs_as_the_weekly_goal_still_needs() {
    let store = memory_store(&clock_at(WEDNESDAY));
    for n in 0..20 {
        in_circle(&store, &format!("Friend {n:02}"), "Friends");
    }
    // The default goal: 5 people a week; two reached already on Monday.
    for n in 0..2 {
        let id = in_circle(&store, &format!("Reached {n}"), "Coworkers");
        log(&store, id, InteractionKind::Email, "2026-11-30T09:00:00Z");
    }
    let plan = store.weekly_plan().unwrap();
    let reach: Vec<_> = plan
        .items
        .iter()
        .filter(|i| i.kind.is_reach_out())
        .collect();
    assert_eq!(reach.len(), 3, "{:#?}", plan.items);
    assert!(plan.items.len() <= MOST_SUGGESTED);
}

#[test]
fn the_week_keeps_its_plan_and_items_tick_off_as_the_records_appear() {
    let clock = clock_at(WEDNESDAY);
    let store = memory_store(&clock);
    let lucia = in_circle(&store, "Aunt Lucía", "Family");
    let first = store.weekly_plan().unwrap();
    // Someone new the next day does not reshuffle the week.
    clock.advance(Duration::days(1));
    in_circle(&store, "Grandma", "Family");
    let again = store.weekly_plan().unwrap();
    assert_eq!(
        again.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        first.items.iter().map(|i| i.id).collect::<Vec<_>>()
    );
    log(
        &store,
        lucia,
        InteractionKind::Message,
        "2026-12-03T11:00:00Z",
    );
    let after = store.weekly_plan().unwrap();
    assert!(item(&after, PlanKind::TellNaturalNetwork).done);
    let reach_outs = after
        .goals
        .iter()
        .find(|g| g.label == "Reach out to 5 people a week")
        .unwrap();
    assert_eq!(reach_outs.done, Some(1));
    // A new week makes a new plan, with Grandma in it.
    clock.advance(Duration::days(5));
    let next = store.weekly_plan().unwrap();
    assert_eq!(next.week, "2026-W50");
    assert_eq!(
        item(&next, PlanKind::TellNaturalNetwork)
            .person
            .as_ref()
            .unwrap()
            .display_name,
        "Grandma"
    );
}

#[test]
fn a_new_thank_you_still_joins_a_kept_plan() {
    let store = memory_store(&clock_at(WEDNESDAY));
    let ada = add(&store, "Ada").id;
    store.weekly_plan().unwrap();
    held_interview(&store, ada, None);
    let plan = store.weekly_plan().unwrap();
    let thanks = item(&plan, PlanKind::FollowUp);
    assert!(thanks.why.starts_with("Thank Ada"), "{}", thanks.why);
    store
        .complete_followup(thanks.followup_id.unwrap())
        .unwrap();
    assert!(item(&store.weekly_plan().unwrap(), PlanKind::FollowUp).done);
}

#[test]
fn not_now_leaves_the_plan_and_next_week_comes_back_first() {
    let clock = clock_at(WEDNESDAY);
    let store = memory_store(&clock);
    in_circle(&store, "Aunt Lucía", "Family");
    in_circle(&store, "Uncle Tom", "Family");
    let plan = store.weekly_plan().unwrap();
    let (lucia, tom) = (&plan.items[0], &plan.items[1]);
    let after = store
        .set_plan_item_aside(lucia.id, SetAside::NotNow)
        .unwrap();
    assert!(after.items.iter().all(|i| i.id != lucia.id));
    let after = store
        .set_plan_item_aside(tom.id, SetAside::NextWeek)
        .unwrap();
    assert!(after.items.is_empty(), "{:#?}", after.items);
    clock.advance(Duration::days(7));
    let next = store.weekly_plan().unwrap();
    let names: Vec<&str> = next
        .items
        .iter()
        .map(|i| i.person.as_ref().unwrap().display_name.as_str())
        .collect();
    assert_eq!(names, ["Uncle Tom"], "not now stays out for four weeks");
}

#[test]
fn the_week_and_its_dates_are_the_users_own_far_from_utc() {
    // Monday 30 November 2026, 07:00 in Auckland (UTC+13) is still Sunday the 29th in UTC.
    let clock = std::sync::Arc::new(rapport_core::store::clock::ManualClock::at_in(
        at("2026-11-29T18:00:00Z"),
        13,
    ));
    let store = Store::open_in_memory(clock).unwrap();
    let ada = add(&store, "Ada").id;
    store
        .add_followup(FollowupInput {
            person_id: Some(ada),
            kind: None,
            title: "Thank Ada".into(),
            due_at: at("2026-12-01T20:00:00Z"),
        })
        .unwrap();
    let plan = store.weekly_plan().unwrap();
    assert_eq!(plan.week, "2026-W49");
    assert_eq!(
        plan.items[0].why, "Thank Ada — due Wednesday 2 December",
        "09:00 on the 2nd in Auckland"
    );
}

#[test]
fn a_birthday_three_days_off_is_in_the_plan_even_when_reminded_a_week_before() {
    let store = memory_store(&clock_at(WEDNESDAY));
    store.set_birthday_days_before(7).unwrap();
    store
        .add_person(PersonInput {
            birthday: Some("--12-05".into()),
            ..PersonInput::named("Sam Lee")
        })
        .unwrap();
    let plan = store.weekly_plan().unwrap();
    assert_eq!(
        item(&plan, PlanKind::Birthday).why,
        "Sam's birthday is on Saturday 5 December: a short note keeps you in touch"
    );
}
