//! What the tray shows, whichever toolkit draws it (Tauri's tray in the window process, the
//! agent's StatusNotifierItem or tray icon): the menu of the follow-ups due today with the
//! week's reach-outs against the goal, and the icon's title and tooltip. Pure but for [`read`],
//! so it is specified by tests.

use chrono::{DateTime, Local, Utc};
use rapport_core::coach::goals::{weekly_reach_outs, Goal};
use rapport_core::followups::Followup;
use rapport_core::Store;

pub const OPEN: &str = "open";
pub const QUIT: &str = "quit";
pub const FOLLOWUP_PREFIX: &str = "followup:";
/// A tray menu is no place for a long list; the rest are one click away in the app.
pub const MAX_LISTED: usize = 8;

/// One line of the tray menu, independent of any toolkit so it can be tested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrayEntry {
    Action { id: String, label: String },
    Info(String),
    Separator,
}

/// The menu for the follow-ups due by the end of today (overdue ones included), with this
/// week's progress towards the reach-out goal when one is set.
pub fn menu_model(
    due_today: &[Followup],
    now: DateTime<Utc>,
    week: Option<&Goal>,
) -> Vec<TrayEntry> {
    let mut entries = vec![
        TrayEntry::Action {
            id: OPEN.into(),
            label: "Open Rapport".into(),
        },
        TrayEntry::Separator,
    ];
    if due_today.is_empty() {
        entries.push(TrayEntry::Info("Nothing due today".into()));
    } else {
        entries.push(TrayEntry::Info(match due_today.len() {
            1 => "1 follow-up due today".to_string(),
            n => format!("{n} follow-ups due today"),
        }));
        for followup in due_today.iter().take(MAX_LISTED) {
            entries.push(TrayEntry::Action {
                id: format!("{FOLLOWUP_PREFIX}{}", followup.id),
                label: label(followup, now),
            });
        }
        if due_today.len() > MAX_LISTED {
            entries.push(TrayEntry::Info(format!(
                "…and {} more",
                due_today.len() - MAX_LISTED
            )));
        }
    }
    if let Some(goal) = week {
        entries.push(TrayEntry::Separator);
        entries.push(TrayEntry::Info(format!(
            "Reach-outs {} of {} this week",
            goal.done.unwrap_or(0),
            goal.count
        )));
    }
    entries.push(TrayEntry::Separator);
    entries.push(TrayEntry::Action {
        id: QUIT.into(),
        label: "Quit Rapport".into(),
    });
    entries
}

fn label(followup: &Followup, now: DateTime<Utc>) -> String {
    let when = if followup.due_at < now {
        "overdue".to_string()
    } else {
        followup
            .due_at
            .with_timezone(&Local)
            .format("%H:%M")
            .to_string()
    };
    match &followup.person {
        Some(person) => format!("{when} · {} — {}", followup.title, person.display_name),
        None => format!("{when} · {}", followup.title),
    }
}

fn end_of_today(now: DateTime<Utc>) -> DateTime<Utc> {
    rapport_core::store::time::next_local_midnight(now, &Local) - chrono::Duration::seconds(1)
}

/// Everything the tray shows, read from the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrayView {
    pub entries: Vec<TrayEntry>,
    /// Beside the icon, where the desktop shows it (see [`tray_label`]).
    pub title: Option<String>,
    pub tooltip: String,
}

/// Reads what the tray shows now. When notifications cannot be shown, the icon also carries
/// the number of follow-ups due now, so that none is missed.
pub fn read(store: &Store, notifications_unavailable: bool) -> rapport_core::Result<TrayView> {
    let now = store.now();
    let due = store.followups_due_by(end_of_today(now))?;
    let due_now = due.iter().filter(|f| f.due_at <= now).count();
    let (title, tooltip) = tray_label(due_now, notifications_unavailable, TITLE_BESIDE_ICON);
    let goals = store.goals().unwrap_or_else(|error| {
        tracing::error!(%error, "cannot read the goals for the tray");
        Vec::new()
    });
    Ok(TrayView {
        entries: menu_model(&due, now, weekly_reach_outs(&goals)),
        title,
        tooltip,
    })
}

/// The follow-up a menu entry's id names, if it names one.
pub fn followup_of(id: &str) -> Option<i64> {
    id.strip_prefix(FOLLOWUP_PREFIX)?.parse().ok()
}

/// Whether the desktop shows a title beside the tray icon as a matter of course: the macOS menu
/// bar does (a count there is the badge of a menu-bar app); on Linux the title is a StatusNotifier
/// label most panels hide, and Windows has only the tooltip.
pub const TITLE_BESIDE_ICON: bool = cfg!(target_os = "macos");

/// The icon's title (shown beside it where the desktop allows) and tooltip. The title carries the
/// count of follow-ups due now where the platform shows it beside the icon, and everywhere once
/// notifications cannot reach the person.
pub fn tray_label(
    due_now: usize,
    notifications_unavailable: bool,
    title_beside_icon: bool,
) -> (Option<String>, String) {
    let due = match due_now {
        0 => "nothing due".to_string(),
        1 => "1 follow-up due".to_string(),
        n => format!("{n} follow-ups due"),
    };
    let title = (due_now > 0 && (notifications_unavailable || title_beside_icon))
        .then(|| due_now.to_string());
    if notifications_unavailable {
        (
            title,
            format!("Rapport — {due} (notifications are unavailable)"),
        )
    } else {
        (title, format!("Rapport — {due}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_core::coach::goals::{GoalPer, GoalWhat};
    use rapport_core::followups::{FollowupKind, FollowupState};
    use rapport_core::network::people::PersonRef;
    use rapport_core::store::time::from_db;

    fn followup(id: i64, title: &str, due: &str, person: Option<&str>) -> Followup {
        Followup {
            id,
            person: person.map(|name| PersonRef {
                id: 1,
                display_name: name.into(),
            }),
            kind: FollowupKind::ThankYou,
            title: title.into(),
            due_at: from_db(due).unwrap(),
            state: FollowupState::Pending,
            notified_at: None,
            created_at: from_db("2026-03-01T00:00:00Z").unwrap(),
            closed_at: None,
        }
    }

    fn labels(model: &[TrayEntry]) -> Vec<String> {
        model
            .iter()
            .map(|entry| match entry {
                TrayEntry::Action { label, .. } => label.clone(),
                TrayEntry::Info(label) => format!("({label})"),
                TrayEntry::Separator => "---".into(),
            })
            .collect()
    }

    #[test]
    fn without_notifications_the_icon_carries_the_count_of_follow_ups_due() {
        assert_eq!(
            tray_label(3, false, false),
            (None, "Rapport — 3 follow-ups due".to_string())
        );
        assert_eq!(
            tray_label(3, true, false),
            (
                Some("3".to_string()),
                "Rapport — 3 follow-ups due (notifications are unavailable)".to_string()
            )
        );
        assert_eq!(tray_label(0, true, false).0, None);
    }

    #[test]
    fn in_the_macos_menu_bar_the_count_is_always_beside_the_icon() {
        assert_eq!(
            tray_label(2, false, true),
            (
                Some("2".to_string()),
                "Rapport — 2 follow-ups due".to_string()
            )
        );
        assert_eq!(
            tray_label(0, false, true),
            (None, "Rapport — nothing due".to_string())
        );
    }

    #[test]
    fn with_nothing_due_the_menu_says_so_between_open_and_quit() {
        let model = menu_model(&[], from_db("2026-03-01T12:00:00Z").unwrap(), None);
        assert_eq!(
            labels(&model),
            [
                "Open Rapport",
                "---",
                "(Nothing due today)",
                "---",
                "Quit Rapport"
            ]
        );
    }

    #[test]
    fn due_follow_ups_are_listed_with_their_person_and_open_the_app_on_them() {
        let now = from_db("2026-03-01T12:00:00Z").unwrap();
        let model = menu_model(
            &[
                followup(7, "Thank Ada", "2026-03-01T09:00:00Z", Some("Ada")),
                followup(8, "Call", "2026-03-01T13:00:00Z", None),
            ],
            now,
            None,
        );
        assert_eq!(model[2], TrayEntry::Info("2 follow-ups due today".into()));
        assert_eq!(
            model[3],
            TrayEntry::Action {
                id: "followup:7".into(),
                label: "overdue · Thank Ada — Ada".into()
            }
        );
        assert!(
            matches!(&model[4], TrayEntry::Action { id, label } if id == "followup:8" && label.ends_with("· Call"))
        );
        assert_eq!(
            model.last(),
            Some(&TrayEntry::Action {
                id: QUIT.into(),
                label: "Quit Rapport".into()
            })
        );
    }

    #[test]
    fn a_long_day_is_cut_to_a_few_items_and_a_count() {
        let now = from_db("2026-03-01T12:00:00Z").unwrap();
        let due: Vec<Followup> = (0..12)
            .map(|i| followup(i, &format!("Task {i}"), "2026-03-01T09:00:00Z", None))
            .collect();
        let model = menu_model(&due, now, None);
        let listed = model
            .iter()
            .filter(
                |e| matches!(e, TrayEntry::Action { id, .. } if id.starts_with(FOLLOWUP_PREFIX)),
            )
            .count();
        assert_eq!(listed, MAX_LISTED);
        assert!(model.contains(&TrayEntry::Info("…and 4 more".into())));
    }

    #[test]
    fn the_week_s_reach_outs_show_against_the_goal_above_quit() {
        let goal = Goal {
            id: 1,
            what: GoalWhat::ReachOuts,
            count: 5,
            per: GoalPer::Week,
            done: Some(2),
            period: "2026-W09".into(),
            label: "Reach out to 5 people a week".into(),
        };
        let model = menu_model(&[], from_db("2026-03-01T12:00:00Z").unwrap(), Some(&goal));
        assert_eq!(
            labels(&model)[3..],
            [
                "---",
                "(Reach-outs 2 of 5 this week)",
                "---",
                "Quit Rapport"
            ]
        );
    }
}
