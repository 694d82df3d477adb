//! A meeting through its life: its state changes and what they set off. Holding it logs the
//! interaction, rearms keep-in-touch and makes the thank-you and referrer follow-ups due; a
//! "follow up on" date schedules the follow-up.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::model::{load, Meeting, MeetingDetails, MeetingKind, MeetingState};
use crate::error::{Error, Result};
use crate::followups::interactions::InteractionKind;
use crate::followups::{self, FollowupKind};
use crate::guide::rules::{self, origin};
use crate::network::search;
use crate::store::time::to_db;
use crate::store::Store;

fn record_state(conn: &Connection, id: i64, state: MeetingState, at: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE meeting SET state = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, state.as_str(), to_db(at)],
    )?;
    conn.execute(
        "INSERT INTO meeting_event (meeting_id, state, at) VALUES (?1, ?2, ?3)",
        params![id, state.as_str(), to_db(at)],
    )?;
    Ok(())
}

/// What holding a meeting sets off: the interaction is logged, the thank-you falls due, and any
/// referral that led to this person has done its job, so the referrer should hear about it.
fn on_held(
    conn: &Connection,
    meeting: &Meeting,
    held_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    let interaction_kind = match meeting.kind {
        MeetingKind::InformationalInterview => InteractionKind::InformationalInterview,
        MeetingKind::JobInterview => InteractionKind::JobInterview,
    };
    conn.execute(
        "INSERT INTO interaction (kind, occurred_at, medium, summary, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            interaction_kind.as_str(),
            to_db(held_at),
            meeting.medium,
            if meeting.title.is_empty() { meeting.kind.label().to_string() } else { meeting.title.clone() },
            meeting.notes,
            to_db(now)
        ],
    )?;
    let interaction_id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO interaction_participant (interaction_id, person_id) VALUES (?1, ?2)",
        params![interaction_id, meeting.person.id],
    )?;
    conn.execute(
        "UPDATE meeting SET interaction_id = ?2 WHERE id = ?1",
        params![meeting.id, interaction_id],
    )?;
    search::reindex_person(conn, meeting.person.id)?;
    crate::followups::keep_in_touch::rearm(conn, meeting.person.id, now)?;

    let window = rules::thank_you_window(held_at, meeting.kind);
    let medium = rules::thank_you_medium(meeting.medium.as_deref(), meeting.kind);
    followups::upsert_for_rule(
        conn,
        &origin::thank_you(meeting.id),
        meeting.person.id,
        FollowupKind::ThankYou,
        &format!(
            "Thank {} ({}) — {}",
            meeting.person.display_name,
            medium.replace('_', " "),
            match meeting.kind {
                MeetingKind::InformationalInterview => "within 24 hours",
                MeetingKind::JobInterview => "24 to 48 hours after the interview",
            }
        ),
        window.due_at,
        now,
    )?;

    // Referrals that named this person, still open: their referrer should hear it helped.
    let mut statement = conn.prepare_cached(
        "SELECT a.id, m.person_id, p.display_name FROM air a
         JOIN meeting m ON m.id = a.meeting_id JOIN person p ON p.id = m.person_id
         WHERE a.kind = 'referral' AND a.referred_person_id = ?1 AND a.closed_at IS NULL AND p.deleted_at IS NULL",
    )?;
    let referrals = statement
        .query_map([meeting.person.id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (air_id, referrer_id, referrer_name) in referrals {
        conn.execute(
            "UPDATE air SET closed_at = ?2 WHERE id = ?1",
            params![air_id, to_db(held_at)],
        )?;
        followups::upsert_for_rule(
            conn,
            &origin::inform_referrer(air_id),
            referrer_id,
            FollowupKind::InformReferrer,
            &format!(
                "Tell {referrer_name} the referral to {} helped",
                meeting.person.display_name
            ),
            now,
            now,
        )?;
    }
    Ok(())
}

impl Store {
    /// Replaces the details; setting "follow up on" schedules that follow-up.
    pub fn update_meeting(&self, id: i64, details: MeetingDetails) -> Result<Meeting> {
        let duration = details.duration_minutes.unwrap_or(30);
        if !(5..=240).contains(&duration) {
            return Err(Error::invalid(
                "durationMinutes",
                "A meeting lasts between 5 minutes and 4 hours.",
            ));
        }
        let now = self.now();
        self.write(|tx| {
            let meeting = load(tx, id)?;
            tx.execute(
                "UPDATE meeting SET title = ?2, scheduled_at = ?3, duration_minutes = ?4, location = ?5, medium = ?6,
                     follow_up_on = ?7, notes = ?8, learned = ?9, still_to_learn = ?10, next_steps = ?11, updated_at = ?12
                 WHERE id = ?1",
                params![
                    id,
                    details.title.trim(),
                    details.scheduled_at.map(to_db),
                    duration,
                    details.location.trim(),
                    details.medium.as_deref().map(str::trim).filter(|m| !m.is_empty()),
                    details.follow_up_on.map(to_db),
                    details.notes.trim(),
                    details.learned.trim(),
                    details.still_to_learn.trim(),
                    details.next_steps.trim(),
                    to_db(now)
                ],
            )?;
            // Only a changed date (re)schedules the follow-up: saving other details must not
            // bring back one already done, dismissed or snoozed.
            match details.follow_up_on {
                // Compared as stored (to the second), as the previous date was read back.
                _ if details.follow_up_on.map(to_db) == meeting.follow_up_on.map(to_db) => {}
                Some(on) => {
                    followups::upsert_for_rule(
                        tx,
                        &origin::follow_up(id),
                        meeting.person.id,
                        FollowupKind::FollowUp,
                        &format!("Follow up with {}", meeting.person.display_name),
                        on,
                        now,
                    )?;
                }
                None => {
                    tx.execute(
                        "DELETE FROM followup WHERE origin = ?1 AND state = 'pending'",
                        [origin::follow_up(id)],
                    )?;
                }
            }
            load(tx, id)
        })
    }

    /// Moves a meeting to `state`, dated now (or `at`, e.g. when it was held). Holding it logs the
    /// interaction and applies the thank-you and referral rules; thanking it closes the
    /// thank-you follow-up, and following up closes the follow-up.
    pub fn set_meeting_state(
        &self,
        id: i64,
        state: MeetingState,
        at: Option<DateTime<Utc>>,
    ) -> Result<Meeting> {
        let now = self.now();
        let at = at.unwrap_or(now);
        self.write(|tx| {
            let meeting = load(tx, id)?;
            if meeting.state == state {
                return Ok(meeting);
            }
            record_state(tx, id, state, at)?;
            if state == MeetingState::Held
                && meeting
                    .history
                    .iter()
                    .all(|c| c.state != MeetingState::Held)
            {
                on_held(tx, &meeting, at, now)?;
            }
            match state {
                MeetingState::Thanked | MeetingState::FollowedUp => {
                    followups::complete_for_rule(tx, &origin::thank_you(id), now)?;
                }
                _ => {}
            }
            if state == MeetingState::FollowedUp {
                followups::complete_for_rule(tx, &origin::follow_up(id), now)?;
            }
            load(tx, id)
        })
    }
}
