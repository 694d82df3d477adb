//! Which notifications to show for due follow-ups, and recording that they went out. The waiting
//! and the showing belong to the app; the rules live here so they can be tested with a clock.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::error::Result;
use crate::followups::{Followup, FollowupKind};
use crate::store::time::{from_db, to_db};
use crate::store::Store;

use super::rows::{query, VISIBLE};

/// At start, more follow-ups than this that came due while Rapport was not running are announced
/// in one summary instead of a burst of notifications.
pub const MAX_SEPARATE_AT_START: usize = 3;

/// One notification to show, and the follow-ups (at their due times) it delivers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub title: String,
    pub body: String,
    pub delivers: Vec<(i64, DateTime<Utc>)>,
}

fn kind_label(kind: FollowupKind) -> &'static str {
    match kind {
        FollowupKind::ThankYou => "Send a thank-you",
        FollowupKind::FollowUp => "Follow up",
        FollowupKind::InformReferrer => "Tell your referrer",
        FollowupKind::KeepInTouch => "Keep in touch",
        FollowupKind::Birthday => "Wish them a happy birthday",
        FollowupKind::Custom => "Follow-up",
    }
}

fn notice_for(followup: &Followup) -> Notice {
    let body = match &followup.person {
        Some(person) => format!("{} · {}", kind_label(followup.kind), person.display_name),
        None => kind_label(followup.kind).to_string(),
    };
    Notice {
        title: followup.title.clone(),
        body,
        delivers: vec![(followup.id, followup.due_at)],
    }
}

/// The notifications for `due`: one each, except at start when more than
/// [`MAX_SEPARATE_AT_START`] are waiting, which become a single summary.
pub fn notices(due: &[Followup], at_start: bool) -> Vec<Notice> {
    if at_start && due.len() > MAX_SEPARATE_AT_START {
        let mut lines: Vec<String> = due
            .iter()
            .take(MAX_SEPARATE_AT_START)
            .map(|f| f.title.clone())
            .collect();
        lines.push(format!(
            "…and {} more. Open Rapport to see them all.",
            due.len() - MAX_SEPARATE_AT_START
        ));
        return vec![Notice {
            title: format!("{} follow-ups are due", due.len()),
            body: lines.join("\n"),
            delivers: due.iter().map(|f| (f.id, f.due_at)).collect(),
        }];
    }
    due.iter().map(notice_for).collect()
}

impl Store {
    /// Shows a notification for every follow-up due now that has not had one, recording each
    /// delivery just before it is shown. `show` failing is logged and the
    /// follow-up still counts as delivered: it stays visible in the app and the tray, and a
    /// failing notification service must not turn the loop into a busy retry.
    ///
    /// Returns how many notifications were shown.
    pub fn deliver_due(
        &self,
        at_start: bool,
        mut show: impl FnMut(&Notice) -> std::result::Result<(), String>,
    ) -> Result<usize> {
        let now = self.now();
        let due = self.undelivered_due(now)?;
        let notices = notices(&due, at_start);
        for notice in &notices {
            // Recorded first: a crash between the two then loses this notification (the
            // follow-up stays due in the app and the tray) rather than showing it twice.
            self.mark_notified(&notice.delivers, now)?;
            if let Err(error) = show(notice) {
                tracing::warn!(%error, title = %notice.title, "could not show a notification");
            }
        }
        Ok(notices.len())
    }

    /// Pending follow-ups due by `now` that no notification has gone out for at their current
    /// due time.
    pub fn undelivered_due(&self, now: DateTime<Utc>) -> Result<Vec<Followup>> {
        self.read(|conn| {
            query(
                conn,
                "f.state = 'pending' AND f.due_at <= ?1 AND f.notified_due_at IS NOT f.due_at ORDER BY f.due_at, f.id",
                [to_db(now)],
            )
        })
    }

    /// The earliest due time still waiting for a notification, if any.
    pub fn next_undelivered_due(&self) -> Result<Option<DateTime<Utc>>> {
        self.read(|conn| {
            let next: Option<String> = conn
                .query_row(
                    &format!(
                        "SELECT min(f.due_at) FROM followup f LEFT JOIN person p ON p.id = f.person_id
                         WHERE {VISIBLE} AND f.state = 'pending' AND f.notified_due_at IS NOT f.due_at"
                    ),
                    [],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            next.map(|t| from_db(&t)).transpose()
        })
    }

    /// Records that a notification went out for these follow-ups at the due times they had.
    /// A follow-up snoozed meanwhile keeps its new due time undelivered.
    pub fn mark_notified(
        &self,
        delivered: &[(i64, DateTime<Utc>)],
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| {
            for (id, due_at) in delivered {
                tx.execute(
                    "UPDATE followup SET notified_at = ?3, notified_due_at = due_at WHERE id = ?1 AND due_at = ?2",
                    params![id, to_db(*due_at), to_db(at)],
                )?;
            }
            Ok(())
        })
    }
}
