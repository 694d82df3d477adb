//! A scheduled meeting as an iCalendar (RFC 5545) event, for the user's own calendar app. The
//! format (escaping, line folding, CRLF) is left to the `icalendar` crate.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property};

use crate::error::{Error, Result};
use crate::followups::Followup;
use crate::guide::meetings::Meeting;
use crate::network::birthdays;
use crate::network::people::PersonRef;
use crate::store::Store;

pub const PRODUCT_ID: &str = "-//Rapport//Rapport//EN";

/// How long before the meeting the calendar reminds the user.
pub const ALARM_MINUTES_BEFORE: i64 = 30;

/// The question the guide says never to leave without asking.
pub const REFERRAL_QUESTION: &str = "Who else should I talk to?";

/// The event's UID: stable, so that importing a meeting again updates the same event.
pub fn meeting_uid(id: i64) -> String {
    format!("meeting-{id}@rapport.org.rapport.app")
}

/// The name of the file `Store::export_meeting_ics` writes.
pub fn meeting_file_name(id: i64) -> String {
    format!("rapport-meeting-{id}.ics")
}

/// The title of the event: the meeting's own, or "Informational interview with NAME".
pub fn event_summary(meeting: &Meeting) -> String {
    let title = meeting.title.trim();
    if title.is_empty() {
        format!(
            "{} with {}",
            meeting.kind.label(),
            meeting.person.display_name
        )
    } else {
        title.to_string()
    }
}

/// The agenda as plain text: each section "Title (N min)" followed by its questions, and a
/// reminder to ask for referrals unless the agenda already asks.
pub fn event_description(meeting: &Meeting) -> String {
    let mut sections: Vec<String> = meeting
        .agenda
        .iter()
        .map(|item| {
            let mut section = format!("{} ({} min)", item.title.trim(), item.minutes);
            for question in &item.questions {
                section.push_str("\n- ");
                section.push_str(question.trim());
            }
            section
        })
        .collect();
    let wanted = REFERRAL_QUESTION.to_lowercase();
    let asks_for_referrals = meeting
        .agenda
        .iter()
        .flat_map(|item| &item.questions)
        .any(|q| q.to_lowercase().contains(&wanted));
    if !asks_for_referrals {
        sections.push(format!("Remember to ask: “{REFERRAL_QUESTION}”"));
    }
    sections.join("\n\n")
}

/// The meeting as a VEVENT (times in UTC) with a display alarm 30 minutes before it starts.
/// `now` is the DTSTAMP.
pub fn meeting_vevent(meeting: &Meeting, now: DateTime<Utc>) -> Result<Event> {
    let start = meeting.scheduled_at.ok_or_else(|| {
        Error::invalid(
            "scheduledAt",
            "Schedule the meeting before exporting it to a calendar.",
        )
    })?;
    let end = start + Duration::minutes(meeting.duration_minutes);
    let summary = event_summary(meeting);

    let mut alarm = Alarm::display(&summary, -Duration::minutes(ALARM_MINUTES_BEFORE));
    // The crate stamps every component; pin the alarm's stamp and UID so the output is
    // reproducible (a UID on a VALARM is allowed by RFC 9074).
    alarm
        .timestamp(now)
        .uid(&format!("alarm-{}", meeting_uid(meeting.id)));

    let mut event = Event::with_uid(&meeting_uid(meeting.id));
    event
        .timestamp(now)
        .starts(start)
        .ends(end)
        .summary(&summary)
        .description(&event_description(meeting));
    let location = meeting.location.trim();
    if !location.is_empty() {
        event.location(location);
    }
    event.alarm(alarm);
    Ok(event.done())
}

/// A follow-up as a 15-minute VEVENT at its due time with a display alarm then: calendars that
/// import events widely ignore to-dos.
pub fn followup_vevent(followup: &Followup, now: DateTime<Utc>) -> Event {
    let uid = format!("followup-{}@rapport.org.rapport.app", followup.id);
    let mut alarm = Alarm::display(&followup.title, Duration::zero());
    alarm.timestamp(now).uid(&format!("alarm-{uid}"));
    let mut event = Event::with_uid(&uid);
    event
        .timestamp(now)
        .starts(followup.due_at)
        .ends(followup.due_at + Duration::minutes(15))
        .summary(&followup.title)
        .alarm(alarm);
    if let Some(person) = &followup.person {
        event.description(&format!("Follow-up with {}", person.display_name));
    }
    event.done()
}

/// A person's birthday as one all-day event that comes back every year (a birthday known without
/// its year starts in 2000). 29 February falls on the last day of February in other years.
pub fn birthday_vevent(person: &PersonRef, birthday: &str, now: DateTime<Utc>) -> Option<Event> {
    let (month, day) = birthdays::month_day(birthday)?;
    let year = birthdays::year(birthday).unwrap_or(2000);
    let first = NaiveDate::from_ymd_opt(year, month, day)?;
    let rule = if (month, day) == (2, 29) {
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    } else {
        "FREQ=YEARLY"
    };
    let uid = format!("birthday-{}@rapport.org.rapport.app", person.id);
    let mut event = Event::with_uid(&uid);
    event
        .timestamp(now)
        .all_day(first)
        .summary(&format!("{}'s birthday", person.display_name))
        .add_property("RRULE", rule)
        .add_property("TRANSP", "TRANSPARENT");
    Some(event.done())
}

/// A VCALENDAR of `events`, as calendar apps expect to import it.
pub fn calendar_of(events: impl IntoIterator<Item = Event>) -> String {
    let mut calendar = Calendar::empty()
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODUCT_ID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .done();
    for event in events {
        calendar.push(event);
    }
    calendar.to_string()
}

/// One event as a calendar object resource on a CalDAV server, which carries no METHOD
/// (RFC 4791 §4.1).
pub fn calendar_resource(event: Event) -> String {
    let mut calendar = Calendar::empty()
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODUCT_ID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .done();
    calendar.push(event);
    calendar.to_string()
}

/// The meeting as a VCALENDAR holding one VEVENT.
pub fn meeting_event(meeting: &Meeting, now: DateTime<Utc>) -> Result<String> {
    Ok(calendar_of([meeting_vevent(meeting, now)?]))
}

impl Store {
    /// Writes the meeting as `<dir>/rapport-meeting-{id}.ics` (replacing an earlier export) and
    /// returns the file's path.
    pub fn export_meeting_ics(&self, id: i64, dir: &Path) -> Result<PathBuf> {
        let meeting = self.meeting(id)?;
        let ics = meeting_event(&meeting, self.now())?;
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("cannot create the folder {}", dir.display()), e))?;
        let path = dir.join(meeting_file_name(id));
        std::fs::write(&path, ics)
            .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
        Ok(path)
    }
}
