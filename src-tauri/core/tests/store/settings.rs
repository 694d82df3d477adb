//! Settings kept with the data: quiet hours, the first-start question, cadences per circle.

use crate::common::*;
use chrono::NaiveTime;
use rapport_core::store::settings::QuietHours;
use rapport_core::Store;

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

#[test]
fn quiet_hours_are_kept_cleared_and_must_have_two_different_ends() {
    let store = memory_store(&clock_at("2026-03-01T23:00:00Z"));
    assert_eq!(store.quiet_hours().unwrap(), None);
    let night = QuietHours {
        start: time("22:00"),
        end: time("07:30"),
    };
    store.set_quiet_hours(Some(night)).unwrap();
    assert_eq!(store.quiet_hours().unwrap(), Some(night));
    assert_eq!(
        store.quiet_until(store.now(), &chrono::Utc).unwrap(),
        Some(at("2026-03-02T07:30:00Z"))
    );
    let error = store
        .set_quiet_hours(Some(QuietHours {
            start: time("09:00"),
            end: time("09:00"),
        }))
        .unwrap_err();
    assert_eq!(error.field(), Some("quietHours"));
    store.set_quiet_hours(None).unwrap();
    assert_eq!(store.quiet_until(store.now(), &chrono::Utc).unwrap(), None);
}

#[test]
fn the_start_at_login_question_is_asked_once() {
    let store = memory_store(&clock_at("2026-03-01T10:00:00Z"));
    assert!(!store.autostart_asked().unwrap());
    store.set_autostart_asked().unwrap();
    assert!(store.autostart_asked().unwrap());
}

#[test]
fn the_process_that_shows_notifications_tells_the_others_why_it_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let agent = Store::open(dir.path()).unwrap();
    let window = Store::open(dir.path()).unwrap();
    assert_eq!(window.notification_trouble().unwrap(), None);
    agent.set_notification_trouble(Some("missing")).unwrap();
    assert_eq!(
        window.notification_trouble().unwrap().as_deref(),
        Some("missing")
    );
    agent.set_notification_trouble(None).unwrap();
    assert_eq!(window.notification_trouble().unwrap(), None);
}
