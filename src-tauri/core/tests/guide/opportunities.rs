//! Leads from the hidden job market, followed from first hearing of them to an offer, and the
//! target organizations that show who you already know inside.

use crate::common::{add, at, clock_at, memory_store};
use chrono::Duration;
use rapport_core::guide::meetings::{AirInput, AirKind, MeetingKind, NewMeeting};
use rapport_core::guide::opportunities::{OpportunityInput, OpportunityStatus};
use rapport_core::network::people::{PersonInput, PersonRef};
use rapport_core::Store;

mod targets;

fn lead(role: &str) -> OpportunityInput {
    OpportunityInput {
        role: role.into(),
        ..Default::default()
    }
}

fn at_organization(role: &str, organization: &str) -> OpportunityInput {
    OpportunityInput {
        organization: Some(organization.into()),
        ..lead(role)
    }
}

fn works_at(store: &Store, name: &str, organization: &str, title: Option<&str>) -> i64 {
    store
        .add_person(PersonInput {
            organization: Some(organization.into()),
            title: title.map(str::to_string),
            ..PersonInput::named(name)
        })
        .unwrap()
        .id
}

fn roles(store: &Store, include_closed: bool) -> Vec<String> {
    store
        .opportunities(include_closed)
        .unwrap()
        .into_iter()
        .map(|o| o.role)
        .collect()
}

fn organization_id(store: &Store, name: &str) -> i64 {
    store
        .organizations()
        .unwrap()
        .into_iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("no organization {name}"))
        .id
}

#[test]
fn a_lead_starts_as_heard_of_and_every_move_is_dated() {
    let clock = clock_at("2026-03-01T09:00:00Z");
    let store = memory_store(&clock);
    let id = store.add_opportunity(lead("Junior analyst")).unwrap().id;
    for status in [
        OpportunityStatus::Researching,
        OpportunityStatus::Referred,
        OpportunityStatus::Applied,
    ] {
        clock.advance(Duration::days(2));
        store.set_opportunity_status(id, status).unwrap();
    }
    let opportunity = store.opportunity(id).unwrap();
    assert_eq!(opportunity.status, OpportunityStatus::Applied);
    assert_eq!(opportunity.created_at, at("2026-03-01T09:00:00Z"));
    assert_eq!(opportunity.updated_at, at("2026-03-07T09:00:00Z"));
    let history: Vec<_> = opportunity
        .history
        .iter()
        .map(|c| (c.status, c.at))
        .collect();
    assert_eq!(
        history,
        [
            (OpportunityStatus::HeardOf, at("2026-03-01T09:00:00Z")),
            (OpportunityStatus::Researching, at("2026-03-03T09:00:00Z")),
            (OpportunityStatus::Referred, at("2026-03-05T09:00:00Z")),
            (OpportunityStatus::Applied, at("2026-03-07T09:00:00Z")),
        ]
    );
}

#[test]
fn setting_the_status_a_lead_already_has_adds_nothing_to_its_history() {
    let clock = clock_at("2026-03-01T09:00:00Z");
    let store = memory_store(&clock);
    let id = store.add_opportunity(lead("Junior analyst")).unwrap().id;
    clock.advance(Duration::days(1));
    let opportunity = store
        .set_opportunity_status(id, OpportunityStatus::HeardOf)
        .unwrap();
    assert_eq!(opportunity.history.len(), 1);
    assert_eq!(opportunity.updated_at, at("2026-03-01T09:00:00Z"));
}

#[test]
fn a_lead_remembers_who_told_you_where_and_at_which_organization() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let ada = add(&store, "Ada Lovelace").id;
    let meeting = store
        .plan_meeting(NewMeeting {
            person_id: ada,
            kind: MeetingKind::InformationalInterview,
            title: String::new(),
        })
        .unwrap()
        .id;
    let air = store
        .add_air(
            meeting,
            AirInput {
                kind: Some(AirKind::Information),
                text: "The museum is hiring an archivist".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .air[0]
        .id;
    let opportunity = store
        .add_opportunity(OpportunityInput {
            role: "  Archivist ".into(),
            organization: Some("Science Museum".into()),
            source_person_id: Some(ada),
            meeting_id: Some(meeting),
            air_id: Some(air),
            notes: " Not advertised yet ".into(),
        })
        .unwrap();
    assert_eq!(opportunity.role, "Archivist");
    assert_eq!(opportunity.organization.as_deref(), Some("Science Museum"));
    assert_eq!(
        opportunity.source,
        Some(PersonRef {
            id: ada,
            display_name: "Ada Lovelace".into()
        })
    );
    assert_eq!(opportunity.meeting_id, Some(meeting));
    assert_eq!(opportunity.air_id, Some(air));
    assert_eq!(opportunity.notes, "Not advertised yet");
}

#[test]
fn an_organization_is_found_ignoring_case_rather_than_made_twice() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    works_at(&store, "Grace Hopper", "Acme Corp", Some("Engineer"));
    let opportunity = store
        .add_opportunity(at_organization("Intern", "acme corp"))
        .unwrap();
    assert_eq!(
        opportunity.organization.as_deref(),
        Some("Acme Corp"),
        "the existing spelling is kept"
    );
    assert_eq!(store.organizations().unwrap().len(), 1);
}

#[test]
fn editing_a_lead_replaces_its_details_but_keeps_its_status_and_history() {
    let clock = clock_at("2026-03-01T09:00:00Z");
    let store = memory_store(&clock);
    let ada = add(&store, "Ada").id;
    let id = store
        .add_opportunity(OpportunityInput {
            source_person_id: Some(ada),
            ..at_organization("Intern", "Acme")
        })
        .unwrap()
        .id;
    store
        .set_opportunity_status(id, OpportunityStatus::Researching)
        .unwrap();
    clock.advance(Duration::days(1));
    let opportunity = store
        .update_opportunity(id, at_organization("Summer intern", "Globex"))
        .unwrap();
    assert_eq!(opportunity.role, "Summer intern");
    assert_eq!(opportunity.organization.as_deref(), Some("Globex"));
    assert_eq!(opportunity.source, None);
    assert_eq!(opportunity.status, OpportunityStatus::Researching);
    assert_eq!(opportunity.history.len(), 2);
    assert_eq!(opportunity.updated_at, at("2026-03-02T09:00:00Z"));
}

#[test]
fn closed_leads_are_hidden_unless_asked_for_and_open_ones_come_first_newest_first() {
    let clock = clock_at("2026-03-01T09:00:00Z");
    let store = memory_store(&clock);
    let first = store.add_opportunity(lead("First")).unwrap().id;
    clock.advance(Duration::hours(1));
    let second = store.add_opportunity(lead("Second")).unwrap().id;
    clock.advance(Duration::hours(1));
    store.add_opportunity(lead("Third")).unwrap();
    clock.advance(Duration::hours(1));
    store
        .set_opportunity_status(second, OpportunityStatus::Closed)
        .unwrap();
    clock.advance(Duration::hours(1));
    store
        .set_opportunity_status(first, OpportunityStatus::Applied)
        .unwrap();

    assert_eq!(roles(&store, false), ["First", "Third"]);
    assert_eq!(
        roles(&store, true),
        ["First", "Third", "Second"],
        "closed last, even when touched more recently"
    );
}

#[test]
fn deleting_a_lead_returns_it_and_it_is_gone() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let id = store.add_opportunity(lead("Intern")).unwrap().id;
    assert_eq!(store.delete_opportunity(id).unwrap().role, "Intern");
    assert_eq!(store.opportunity(id).unwrap_err().code(), "not_found");
    assert!(roles(&store, true).is_empty());
    assert_eq!(
        store.delete_opportunity(id).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn a_source_who_is_deleted_is_no_longer_shown() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let ada = add(&store, "Ada").id;
    let id = store
        .add_opportunity(OpportunityInput {
            source_person_id: Some(ada),
            ..lead("Intern")
        })
        .unwrap()
        .id;
    store.delete_person(ada).unwrap();
    assert_eq!(store.opportunity(id).unwrap().source, None);
}

#[test]
fn a_lead_needs_a_role() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    for role in ["", "   "] {
        let err = store.add_opportunity(lead(role)).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert_eq!(err.field(), Some("role"));
    }
    let id = store.add_opportunity(lead("Intern")).unwrap().id;
    assert_eq!(
        store.update_opportunity(id, lead(" ")).unwrap_err().field(),
        Some("role")
    );
    assert!(roles(&store, true) == ["Intern"]);
}

#[test]
fn a_lead_cannot_point_at_someone_or_something_unknown() {
    let store = memory_store(&clock_at("2026-03-01T09:00:00Z"));
    let err = store
        .add_opportunity(OpportunityInput {
            source_person_id: Some(999),
            ..at_organization("Intern", "Acme")
        })
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().contains("person"), "{err}");
    let err = store
        .add_opportunity(OpportunityInput {
            meeting_id: Some(999),
            ..lead("Intern")
        })
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().contains("meeting"), "{err}");
    let err = store
        .add_opportunity(OpportunityInput {
            air_id: Some(999),
            ..lead("Intern")
        })
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(
        store.organizations().unwrap().is_empty() && roles(&store, true).is_empty(),
        "nothing half-written"
    );
    assert_eq!(
        store
            .set_opportunity_status(999, OpportunityStatus::Applied)
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(
        store
            .update_opportunity(999, lead("Intern"))
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(
        store.set_organization_target(999, true).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn statuses_cross_the_boundary_in_snake_case() {
    let json = serde_json::to_value(OpportunityStatus::HeardOf).unwrap();
    assert_eq!(json, "heard_of");
    let input: OpportunityInput = serde_json::from_value(serde_json::json!({
        "role": "Intern",
        "sourcePersonId": 3,
        "meetingId": 4,
        "airId": 5
    }))
    .unwrap();
    assert_eq!(
        (input.source_person_id, input.meeting_id, input.air_id),
        (Some(3), Some(4), Some(5))
    );
}
