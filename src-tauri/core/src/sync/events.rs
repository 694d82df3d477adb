//! Follow-ups and meetings as events in the account's calendar, one way (Rapport to the
//! server): each pending follow-up due in the next 60 days with a display alarm at its due
//! time (kept a day once due; older overdue ones stay in Today), and each scheduled meeting.
//! Birthdays are not sent:
//! phones show them from the contacts.

use std::collections::HashMap;

use chrono::Duration;
use icalendar::Component;
use rusqlite::params;

use crate::error::Result;
use crate::exchange::calendar::{calendar_resource, followup_vevent, meeting_vevent};
use crate::followups::FollowupKind;
use crate::guide::meetings::MeetingState;
use crate::store::Store;

/// How far ahead follow-ups go to the phone's calendar (a rolling window).
pub const EVENTS_AHEAD: Duration = Duration::days(60);

/// How long an event stays once due (or a meeting once over), so that it does not vanish from
/// the phone as its alarm goes off; older overdue follow-ups stay in Rapport's Today.
pub const KEPT_AFTER: Duration = Duration::days(1);

/// An event as it should be on the server now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEvent {
    /// `followup:12` or `meeting:3`.
    pub source: String,
    /// Unique to this store (two computers on one calendar each send their own follow-ups).
    pub uid: String,
    pub text: String,
}

/// An event as last sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentEvent {
    pub href: String,
    pub etag: Option<String>,
    pub text: String,
}

impl Store {
    /// Every event that should be in the calendar now. Each is stamped with when its record was
    /// made, so that an unchanged follow-up gives the same text and is not sent again.
    pub fn events_to_sync(&self) -> Result<Vec<OutgoingEvent>> {
        let now = self.now();
        let store_id = self.me()?.uid;
        let mut events = Vec::new();
        for followup in self.pending_followups()? {
            if followup.kind == FollowupKind::Birthday
                || followup.due_at < now - KEPT_AFTER
                || followup.due_at > now + EVENTS_AHEAD
            {
                continue;
            }
            let uid = format!("rapport-{store_id}-followup-{}", followup.id);
            let mut event = followup_vevent(&followup, followup.created_at);
            event.uid(&uid);
            events.push(OutgoingEvent {
                source: format!("followup:{}", followup.id),
                uid,
                text: calendar_resource(event.done()),
            });
        }
        for meeting in self.meetings(None)? {
            let ahead = meeting.scheduled_at.is_some_and(|at| {
                at + Duration::minutes(meeting.duration_minutes) >= now - KEPT_AFTER
            });
            if meeting.state != MeetingState::Scheduled || !ahead {
                continue;
            }
            let uid = format!("rapport-{store_id}-meeting-{}", meeting.id);
            let mut event = meeting_vevent(&meeting, meeting.created_at)?;
            event.uid(&uid);
            events.push(OutgoingEvent {
                source: format!("meeting:{}", meeting.id),
                uid,
                text: calendar_resource(event.done()),
            });
        }
        Ok(events)
    }

    /// The events sent to the account's calendar, by source.
    pub fn sent_events(&self, account_id: i64) -> Result<HashMap<String, SentEvent>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT source, href, etag, sent FROM sync_event WHERE account_id = ?1",
            )?;
            let rows = statement.query_map([account_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    SentEvent {
                        href: r.get(1)?,
                        etag: r.get(2)?,
                        text: r.get(3)?,
                    },
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
        })
    }

    pub fn event_sent(
        &self,
        account_id: i64,
        source: &str,
        href: &str,
        etag: Option<&str>,
        text: &str,
    ) -> Result<()> {
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO sync_event (account_id, source, href, etag, sent)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (account_id, source) DO UPDATE SET href = ?3, etag = ?4, sent = ?5",
            )?
            .execute(params![account_id, source, href, etag, text])?;
            Ok(())
        })
    }

    pub fn forget_event(&self, account_id: i64, source: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sync_event WHERE account_id = ?1 AND source = ?2",
                params![account_id, source],
            )?;
            Ok(())
        })
    }
}
