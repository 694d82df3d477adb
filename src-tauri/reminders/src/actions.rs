//! What Done and Snooze on a notification do to the store (opening a window is the host's).

use rapport_core::Store;

use crate::Activation;

/// How long "Snooze 1 day" snoozes.
pub const SNOOZE: chrono::Duration = chrono::Duration::days(1);

/// Applies Done or Snooze; returns false for an activation that only opens the app.
pub fn apply(store: &Store, activation: Activation) -> rapport_core::Result<bool> {
    match activation {
        Activation::Open { .. } => Ok(false),
        Activation::Done { followup } => store.complete_followup(followup).map(|_| true),
        Activation::Snooze { followup } => store
            .snooze_followup(followup, store.now() + SNOOZE)
            .map(|_| true),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{DateTime, Utc};
    use rapport_core::followups::{FollowupInput, FollowupKind, FollowupState};
    use rapport_core::network::people::PersonInput;
    use rapport_core::store::clock::ManualClock;
    use rapport_core::store::time::from_db;

    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        from_db(text).unwrap()
    }

    /// A store at 10:00 with a thank-you to Grace due then.
    fn store_with_a_thank_you() -> (Store, i64) {
        let clock = Arc::new(ManualClock::at(at("2026-03-01T10:00:00Z")));
        let store = Store::open_in_memory(clock).unwrap();
        let grace = store
            .add_person(PersonInput {
                display_name: "Grace Hopper".into(),
                ..Default::default()
            })
            .unwrap();
        let followup = store
            .add_followup(FollowupInput {
                person_id: Some(grace.id),
                kind: Some(FollowupKind::ThankYou),
                title: "Thank Grace".into(),
                due_at: at("2026-03-01T10:00:00Z"),
            })
            .unwrap();
        (store, followup.id)
    }

    #[test]
    fn done_closes_the_follow_up() {
        let (store, id) = store_with_a_thank_you();
        assert!(apply(&store, Activation::Done { followup: id }).unwrap());
        assert_eq!(store.followup(id).unwrap().state, FollowupState::Done);
    }

    #[test]
    fn snooze_moves_it_a_day_later_and_keeps_it_pending() {
        let (store, id) = store_with_a_thank_you();
        assert!(apply(&store, Activation::Snooze { followup: id }).unwrap());
        let followup = store.followup(id).unwrap();
        assert_eq!(followup.state, FollowupState::Pending);
        assert_eq!(followup.due_at, at("2026-03-02T10:00:00Z"));
    }

    #[test]
    fn opening_changes_nothing_in_the_store() {
        let (store, id) = store_with_a_thank_you();
        let open = Activation::Open { followup: Some(id) };
        assert!(!apply(&store, open).unwrap());
        assert_eq!(store.followup(id).unwrap().state, FollowupState::Pending);
    }
}
