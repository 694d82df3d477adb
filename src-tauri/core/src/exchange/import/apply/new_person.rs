//! Adding a contact no one stored matches: a new person with everything the file holds.

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::exchange::import::Incoming;
use crate::network::addresses;
use crate::network::organizations;
use crate::network::people;
use crate::network::photos;
use crate::store::time::to_db;

use super::fields::{
    add_contact_points, add_tags, circle_id, notes_for, profile_url, split_emails,
};

fn free_uid(tx: &Transaction, uid: Option<&str>) -> Result<String> {
    if let Some(uid) = uid.filter(|u| !u.trim().is_empty()) {
        let taken: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM person WHERE uid = ?1)")?
            .query_row([uid], |r| r.get(0))?;
        if !taken {
            return Ok(uid.to_string());
        }
    }
    Ok(people::new_uid())
}

pub(super) fn insert_new(tx: &Transaction, contact: &Incoming, now: DateTime<Utc>) -> Result<i64> {
    let (emails, not_emails) = split_emails(contact);
    let uid = free_uid(tx, contact.uid.as_deref())?;
    tx.prepare_cached(
        "INSERT INTO person (display_name, given_name, family_name, circle_id, email, phone,
             linkedin_url, how_met, notes, uid, birthday, connected_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
    )?
    .execute(params![
        contact.display_name.trim(),
        contact.given_name,
        contact.family_name,
        circle_id(tx, contact)?,
        emails.first(),
        contact.phones.first(),
        profile_url(contact),
        contact.how_met,
        notes_for(contact, &not_emails),
        uid,
        contact.birthday,
        contact.connected_on,
        to_db(now)
    ])?;
    let id = tx.last_insert_rowid();
    add_contact_points(tx, id, "email", emails.iter().skip(1))?;
    add_contact_points(tx, id, "phone", contact.phones.iter().skip(1))?;
    if let Some(organization) = &contact.organization {
        organizations::set_current_role(tx, id, Some(organization), contact.title.as_deref(), now)?;
    }
    add_tags(tx, id, &contact.tags)?;
    addresses::add(tx, id, &contact.addresses)?;
    if let Some(picture) = &contact.photo {
        photos::put_if_missing(tx, id, picture, now)?;
    }
    Ok(id)
}
