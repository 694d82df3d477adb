//! Filling in a person already stored: only what they lack is added (nothing a user typed is
//! overwritten), and a new organization is a job change.

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::exchange::import::matching::{canonical_email, folded_name};
use crate::exchange::import::Incoming;
use crate::network::addresses;
use crate::network::organizations;
use crate::network::photos;
use crate::store::time::to_db;

use super::fields::{
    add_contact_points, add_tags, circle_id, notes_for, profile_url, split_emails,
};

/// The stored person as far as matching and filling in go.
struct Stored {
    given_name: Option<String>,
    family_name: Option<String>,
    circle_id: Option<i64>,
    email: Option<String>,
    phone: Option<String>,
    linkedin_url: Option<String>,
    how_met: Option<String>,
    notes: String,
    birthday: Option<String>,
    connected_on: Option<String>,
    organization: Option<String>,
    title: Option<String>,
}

fn stored(tx: &Transaction, id: i64) -> Result<Stored> {
    Ok(tx.prepare_cached("SELECT p.given_name, p.family_name, p.circle_id, p.email, p.phone, p.linkedin_url,
                p.how_met, p.notes, p.birthday, p.connected_on, o.name, r.title
         FROM person p
         LEFT JOIN role r ON r.id = (SELECT max(id) FROM role WHERE person_id = p.id AND ended_on IS NULL)
         LEFT JOIN organization o ON o.id = r.organization_id
         WHERE p.id = ?1")?.query_row([id],
        |r| {
            Ok(Stored {
                given_name: r.get(0)?,
                family_name: r.get(1)?,
                circle_id: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                linkedin_url: r.get(5)?,
                how_met: r.get(6)?,
                notes: r.get(7)?,
                birthday: r.get(8)?,
                connected_on: r.get(9)?,
                organization: r.get(10)?,
                title: r.get(11)?,
            })
        },
    )?)
}

/// Fills in what the stored person lacks; returns whether anything changed.
pub(super) fn update_existing(
    tx: &Transaction,
    id: i64,
    contact: &Incoming,
    now: DateTime<Utc>,
) -> Result<bool> {
    let before = stored(tx, id)?;
    let (emails, not_emails) = split_emails(contact);
    let mut after = Stored {
        given_name: before
            .given_name
            .clone()
            .or_else(|| contact.given_name.clone()),
        family_name: before
            .family_name
            .clone()
            .or_else(|| contact.family_name.clone()),
        circle_id: before.circle_id.or(circle_id(tx, contact)?),
        email: before.email.clone().or_else(|| emails.first().cloned()),
        phone: before
            .phone
            .clone()
            .or_else(|| contact.phones.first().cloned()),
        linkedin_url: before.linkedin_url.clone().or_else(|| profile_url(contact)),
        how_met: before.how_met.clone().or_else(|| contact.how_met.clone()),
        notes: before.notes.clone(),
        birthday: before.birthday.clone().or_else(|| contact.birthday.clone()),
        connected_on: before
            .connected_on
            .clone()
            .or_else(|| contact.connected_on.clone()),
        organization: None,
        title: None,
    };
    let incoming_notes = notes_for(contact, &not_emails);
    if !incoming_notes.is_empty() && !after.notes.contains(&incoming_notes) {
        after.notes = if after.notes.is_empty() {
            incoming_notes
        } else {
            format!("{}\n\n{incoming_notes}", after.notes)
        };
    }
    let mut changed = (
        &before.given_name,
        &before.family_name,
        before.circle_id,
        &before.email,
        &before.phone,
        &before.linkedin_url,
        &before.how_met,
        &before.notes,
        &before.birthday,
        &before.connected_on,
    ) != (
        &after.given_name,
        &after.family_name,
        after.circle_id,
        &after.email,
        &after.phone,
        &after.linkedin_url,
        &after.how_met,
        &after.notes,
        &after.birthday,
        &after.connected_on,
    );
    if changed {
        tx.prepare_cached(
            "UPDATE person SET given_name = ?2, family_name = ?3, circle_id = ?4, email = ?5,
                 phone = ?6, linkedin_url = ?7, how_met = ?8, notes = ?9, birthday = ?10,
                 connected_on = ?11
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            after.given_name,
            after.family_name,
            after.circle_id,
            after.email,
            after.phone,
            after.linkedin_url,
            after.how_met,
            after.notes,
            after.birthday,
            after.connected_on
        ])?;
    }
    let primary_email = after.email.as_deref().map(canonical_email);
    let other_emails = emails
        .iter()
        .filter(|e| Some(canonical_email(e)) != primary_email);
    changed |= add_contact_points(tx, id, "email", other_emails)? > 0;
    let other_phones = contact
        .phones
        .iter()
        .filter(|p| Some(p.as_str()) != after.phone.as_deref());
    changed |= add_contact_points(tx, id, "phone", other_phones)? > 0;
    changed |= add_tags(tx, id, &contact.tags)? > 0;
    changed |= update_role(tx, id, &before, contact, now)?;
    changed |= addresses::add(tx, id, &contact.addresses)? > 0;
    if let Some(picture) = &contact.photo {
        changed |= photos::put_if_missing(tx, id, picture, now)?;
    }
    if changed {
        tx.prepare_cached("UPDATE person SET updated_at = ?2 WHERE id = ?1")?
            .execute(params![id, to_db(now)])?;
    }
    Ok(changed)
}

/// A new organization in the file is a job change: the current role ends and the new one
/// begins, so "who do I know at" keeps the history. A new title at the same place replaces it.
fn update_role(
    tx: &Transaction,
    id: i64,
    before: &Stored,
    contact: &Incoming,
    now: DateTime<Utc>,
) -> Result<bool> {
    let Some(organization) = contact.organization.as_deref() else {
        return Ok(false);
    };
    match before.organization.as_deref() {
        Some(current) if folded_name(current) == folded_name(organization) => {
            if contact.title.is_some() && contact.title != before.title {
                tx.prepare_cached("UPDATE role SET title = ?2
                     WHERE id = (SELECT max(id) FROM role WHERE person_id = ?1 AND ended_on IS NULL)")?.execute(params![id, contact.title],
                )?;
                return Ok(true);
            }
            Ok(false)
        }
        current => {
            if current.is_some() {
                tx.prepare_cached(
                    "UPDATE role SET ended_on = ?2 WHERE person_id = ?1 AND ended_on IS NULL",
                )?
                .execute(params![id, now.format("%Y-%m-%d").to_string()])?;
            }
            organizations::set_current_role(
                tx,
                id,
                Some(organization),
                contact.title.as_deref(),
                now,
            )?;
            Ok(true)
        }
    }
}
