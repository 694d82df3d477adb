//! The macOS notification category as plain data, so it is tested on every platform; `macos.rs`
//! only turns it into `UNNotificationCategory` and back.
//!
//! A notification about one follow-up belongs to [`CATEGORY_IDENTIFIER`], whose actions are Done
//! and Snooze; a click on the notification itself arrives as macOS's default action and opens
//! Rapport. A summary has no category, so it has no buttons and a click only opens Today. Which
//! follow-up a notification is about travels in its `userInfo`, under [`FOLLOWUP_KEY`].

use super::{ActionKey, Activation};

/// The category of a notification about one follow-up.
pub const CATEGORY_IDENTIFIER: &str = "rapport.followup";

/// The `userInfo` key holding the follow-up's id, as a decimal string (a plist-safe value that
/// reads back without number conversions).
pub const FOLLOWUP_KEY: &str = "rapport.followup";

/// `UNNotificationDefaultActionIdentifier`: the person clicked the notification itself.
pub const DEFAULT_ACTION_IDENTIFIER: &str = "com.apple.UNNotificationDefaultActionIdentifier";

/// `UNNotificationDismissActionIdentifier`: the person closed it (sent only to categories with
/// the custom-dismiss option, which Rapport's has not; closing does nothing either way).
pub const DISMISS_ACTION_IDENTIFIER: &str = "com.apple.UNNotificationDismissActionIdentifier";

/// A button of the category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryAction {
    /// The action identifier macOS hands back: [`ActionKey::key`].
    pub identifier: &'static str,
    /// The button's title: [`ActionKey::label`].
    pub title: &'static str,
    /// Whether acting brings Rapport to the front (`UNNotificationActionOptionForeground`).
    /// Done and Snooze are answered where the person is, without switching apps.
    pub foreground: bool,
}

/// The category's buttons, in the order shown: Open in Rapport (as a click on the notification
/// does, but said on a button as on Linux and Windows), Done, then Snooze.
pub fn actions() -> Vec<CategoryAction> {
    [ActionKey::Open, ActionKey::Done, ActionKey::Snooze]
        .into_iter()
        .map(|action| CategoryAction {
            identifier: action.key(),
            title: action.label(),
            foreground: action == ActionKey::Open,
        })
        .collect()
}

/// The category a notification belongs to: only one about a single follow-up has buttons.
pub fn category_for(followup: Option<i64>) -> Option<&'static str> {
    followup.map(|_| CATEGORY_IDENTIFIER)
}

/// The request identifier of a notification: one per follow-up, so showing a follow-up again
/// (after a snooze) replaces its earlier notification rather than stacking a second; one for the
/// summary, which replaces the last summary.
pub fn request_identifier(followup: Option<i64>) -> String {
    match followup {
        Some(id) => format!("rapport.followup.{id}"),
        None => "rapport.summary".to_string(),
    }
}

/// The `userInfo` value for a notification about `followup`.
pub fn followup_value(followup: i64) -> String {
    followup.to_string()
}

/// Reads back the `userInfo` value [`followup_value`] wrote; none if absent or mangled.
pub fn followup_from_value(value: Option<&str>) -> Option<i64> {
    value?.parse().ok()
}

/// What the person asked for, from the action identifier macOS delivered and the follow-up the
/// notification was about: a click on it opens Rapport (on Today for a summary); Done and Snooze
/// act on its follow-up; closing it, and anything else, does nothing.
pub fn activation(action_identifier: &str, followup: Option<i64>) -> Option<Activation> {
    match action_identifier {
        DEFAULT_ACTION_IDENTIFIER => Some(Activation::Open { followup }),
        DISMISS_ACTION_IDENTIFIER => None,
        other => Activation::from_action(other, followup),
    }
}

/// Whether this process runs from an app bundle: the exe directly in
/// `Something.app/Contents/MacOS/`, and the main bundle with an identifier.
/// `UNUserNotificationCenter` aborts the process when asked for outside a bundle, and a bundle
/// identifier alone does not prove one: a binary run from `target/` can carry an embedded
/// Info.plist (Tauri's dev builds embed one, with the project's Info.plist keys).
pub fn runs_in_app_bundle(exe_path: &str, bundle_identifier: Option<&str>) -> bool {
    if bundle_identifier.is_none_or(str::is_empty) {
        return false;
    }
    let mut folders = exe_path.rsplit('/').skip(1).filter(|c| !c.is_empty());
    matches!(
        (folders.next(), folders.next(), folders.next()),
        (Some("MacOS"), Some("Contents"), Some(app))
            if app.len() > ".app".len() && app.ends_with(".app")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_brings_rapport_forward_and_done_and_snooze_are_answered_without_switching_apps() {
        assert_eq!(
            actions(),
            [
                CategoryAction {
                    identifier: "default",
                    title: "Open in Rapport",
                    foreground: true,
                },
                CategoryAction {
                    identifier: "done",
                    title: "Done",
                    foreground: false,
                },
                CategoryAction {
                    identifier: "snooze",
                    title: "Snooze 1 day",
                    foreground: false,
                },
            ]
        );
    }

    #[test]
    fn only_a_notification_about_one_follow_up_has_buttons() {
        assert_eq!(category_for(Some(42)), Some("rapport.followup"));
        assert_eq!(category_for(None), None);
    }

    #[test]
    fn each_follow_up_has_its_own_request_and_the_summary_one_of_its_own() {
        assert_eq!(request_identifier(Some(42)), "rapport.followup.42");
        assert_ne!(request_identifier(Some(42)), request_identifier(Some(43)));
        assert_eq!(request_identifier(None), "rapport.summary");
    }

    #[test]
    fn the_follow_up_round_trips_through_user_info() {
        assert_eq!(followup_from_value(Some(&followup_value(42))), Some(42));
        assert_eq!(followup_from_value(Some(&followup_value(-7))), Some(-7));
        assert_eq!(followup_from_value(None), None);
        assert_eq!(followup_from_value(Some("")), None);
        assert_eq!(followup_from_value(Some("forty-two")), None);
    }

    #[test]
    fn a_click_on_the_notification_opens_rapport_on_its_follow_up_or_on_today() {
        assert_eq!(
            activation("com.apple.UNNotificationDefaultActionIdentifier", Some(42)),
            Some(Activation::Open { followup: Some(42) })
        );
        assert_eq!(
            activation(DEFAULT_ACTION_IDENTIFIER, None),
            Some(Activation::Open { followup: None })
        );
    }

    #[test]
    fn every_button_of_the_category_reads_back_as_its_action() {
        let read: Vec<_> = actions()
            .iter()
            .map(|action| activation(action.identifier, Some(42)))
            .collect();
        assert_eq!(
            read,
            [
                Some(Activation::Open { followup: Some(42) }),
                Some(Activation::Done { followup: 42 }),
                Some(Activation::Snooze { followup: 42 }),
            ]
        );
    }

    #[test]
    fn closing_a_notification_or_an_unknown_action_does_nothing() {
        assert_eq!(
            activation("com.apple.UNNotificationDismissActionIdentifier", Some(42)),
            None
        );
        assert_eq!(activation("reply", Some(42)), None);
        assert_eq!(activation("", Some(42)), None);
        // Done without a follow-up (a mangled userInfo) cannot act on anything.
        assert_eq!(activation("done", None), None);
    }

    #[test]
    fn only_an_exe_inside_a_bundle_with_an_identifier_runs_in_an_app_bundle() {
        let bundled = "/Applications/Rapport.app/Contents/MacOS/rapport";
        assert!(runs_in_app_bundle(bundled, Some("org.rapport.app")));
        assert!(runs_in_app_bundle(
            "/Users/José Núñez/Applications/Rapport Beta.app/Contents/MacOS/rapport",
            Some("org.rapport.app")
        ));
        assert!(!runs_in_app_bundle(bundled, None));
        assert!(!runs_in_app_bundle(bundled, Some("")));
    }

    #[test]
    fn a_dev_build_with_an_embedded_info_plist_is_not_in_a_bundle() {
        for exe in [
            "/Users/josé/src/rapport/target/debug/rapport",
            "/Users/josé/src/rapport/target/debug/deps/rapport_reminders-1a2b3c",
            "/Applications/Rapport.app/Contents/Resources/helper",
            "/Applications/Rapport.app/Contents/MacOS/bin/rapport",
            "/Applications/.app/Contents/MacOS/rapport",
            "/Applications/Rapport/Contents/MacOS/rapport",
            "Contents/MacOS/rapport",
            "rapport",
            "",
        ] {
            assert!(!runs_in_app_bundle(exe, Some("org.rapport.app")), "{exe}");
        }
    }
}
