//! What acting on a notification means, whatever the platform said: each platform hands back a
//! key for the action (the freedesktop action key, a toast button's argument, a macOS action
//! identifier) and which follow-up the notification was about.

/// The actions a notification offers, with the keys the platforms carry them by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKey {
    /// A click on the notification itself.
    Open,
    Done,
    Snooze,
}

impl ActionKey {
    /// The key sent to the platform and read back from it. "default" is freedesktop's name for a
    /// click on the notification.
    pub fn key(self) -> &'static str {
        match self {
            ActionKey::Open => "default",
            ActionKey::Done => "done",
            ActionKey::Snooze => "snooze",
        }
    }

    /// The button's label.
    pub fn label(self) -> &'static str {
        match self {
            ActionKey::Open => "Open in Rapport",
            ActionKey::Done => "Done",
            ActionKey::Snooze => "Snooze 1 day",
        }
    }

    pub fn from_key(key: &str) -> Option<ActionKey> {
        [ActionKey::Open, ActionKey::Done, ActionKey::Snooze]
            .into_iter()
            .find(|action| action.key() == key)
    }
}

/// What the person asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// Open Rapport on this follow-up, or on Today for a summary.
    Open {
        followup: Option<i64>,
    },
    Done {
        followup: i64,
    },
    /// Snooze a day.
    Snooze {
        followup: i64,
    },
}

impl Activation {
    /// The activation for an action key on a notification about `followup`; none for a key the
    /// notification did not offer (Done on a summary, a closed notification, another app's key).
    pub fn from_action(key: &str, followup: Option<i64>) -> Option<Activation> {
        match (ActionKey::from_key(key)?, followup) {
            (ActionKey::Open, followup) => Some(Activation::Open { followup }),
            (ActionKey::Done, Some(followup)) => Some(Activation::Done { followup }),
            (ActionKey::Snooze, Some(followup)) => Some(Activation::Snooze { followup }),
            (_, None) => None,
        }
    }

    /// One string holding the action and the follow-up, for platforms that hand back a single
    /// string (a Windows toast's `arguments`): `done:42`, `default` for a summary.
    pub fn argument(key: ActionKey, followup: Option<i64>) -> String {
        match followup {
            Some(id) => format!("{}:{id}", key.key()),
            None => key.key().to_string(),
        }
    }

    /// Reads back what [`Activation::argument`] wrote; none for anything else.
    pub fn from_argument(argument: &str) -> Option<Activation> {
        let (key, followup) = match argument.split_once(':') {
            Some((key, id)) => (key, Some(id.parse::<i64>().ok()?)),
            None => (argument, None),
        };
        Activation::from_action(key, followup)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_opens_rapport_on_the_follow_up_or_on_today_for_a_summary() {
        assert_eq!(
            Activation::from_action("default", Some(7)),
            Some(Activation::Open { followup: Some(7) })
        );
        assert_eq!(
            Activation::from_action("default", None),
            Some(Activation::Open { followup: None })
        );
    }

    #[test]
    fn done_and_snooze_act_on_the_follow_up_the_notification_was_about() {
        assert_eq!(
            Activation::from_action("done", Some(7)),
            Some(Activation::Done { followup: 7 })
        );
        assert_eq!(
            Activation::from_action("snooze", Some(7)),
            Some(Activation::Snooze { followup: 7 })
        );
    }

    #[test]
    fn an_action_a_summary_never_offered_or_an_unknown_key_does_nothing() {
        assert_eq!(Activation::from_action("done", None), None);
        assert_eq!(Activation::from_action("snooze", None), None);
        assert_eq!(Activation::from_action("reply", Some(7)), None);
        assert_eq!(Activation::from_action("", Some(7)), None);
    }

    #[test]
    fn a_single_argument_string_round_trips_every_action() {
        for key in [ActionKey::Open, ActionKey::Done, ActionKey::Snooze] {
            let argument = Activation::argument(key, Some(42));
            assert_eq!(
                Activation::from_argument(&argument),
                Activation::from_action(key.key(), Some(42)),
                "{argument}"
            );
        }
        assert_eq!(Activation::argument(ActionKey::Open, None), "default");
        assert_eq!(
            Activation::from_argument("default"),
            Some(Activation::Open { followup: None })
        );
    }

    #[test]
    fn a_mangled_argument_is_ignored_rather_than_acting_on_the_wrong_follow_up() {
        assert_eq!(Activation::from_argument("done:"), None);
        assert_eq!(Activation::from_argument("done:seven"), None);
        assert_eq!(Activation::from_argument("done:7:8"), None);
        assert_eq!(Activation::from_argument("launch"), None);
    }
}
