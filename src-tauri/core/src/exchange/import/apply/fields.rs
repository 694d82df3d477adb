//! What an incoming contact's fields become when stored, for a new person and one already
//! stored alike: addresses apart from what only looks like one, the profile link, the circle,
//! extra emails and phones, tags.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::exchange::import::matching::{canonical_linkedin_url, is_email};
use crate::exchange::import::Incoming;
use crate::network::circles;
use crate::network::people;

/// Emails that are not addresses are kept in the notes rather than lost.
pub(super) fn split_emails(contact: &Incoming) -> (Vec<String>, Vec<String>) {
    contact
        .emails
        .iter()
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .partition(|e| is_email(e))
}

pub(super) fn notes_for(contact: &Incoming, not_emails: &[String]) -> String {
    let mut notes: Vec<String> = contact.notes.iter().cloned().collect();
    notes.extend(not_emails.iter().map(|e| format!("Email as given: {e}")));
    if let (Some(url), None) = (&contact.linkedin_url, profile_url(contact)) {
        notes.push(format!("Profile as given: {url}"));
    }
    notes.join("\n")
}

fn is_web_address(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !lower.contains(char::is_whitespace)
}

/// The profile link as stored: a web address as given, or a LinkedIn profile written without
/// `https://` given one (so that it is the same key when the file is imported again). Anything
/// else goes to the notes.
pub(super) fn profile_url(contact: &Incoming) -> Option<String> {
    let url = contact.linkedin_url.as_deref()?.trim();
    if is_web_address(url) {
        Some(url.to_string())
    } else if canonical_linkedin_url(url).is_some() {
        Some(format!("https://{url}"))
    } else {
        None
    }
}

pub(super) fn circle_id(tx: &Transaction, contact: &Incoming) -> Result<Option<i64>> {
    match &contact.circle {
        Some(name) => Ok(Some(circles::id_or_create(tx, name)?)),
        None => Ok(None),
    }
}

pub(super) fn add_contact_points<'a>(
    tx: &Transaction,
    id: i64,
    kind: &str,
    values: impl Iterator<Item = &'a String>,
) -> Result<usize> {
    let mut added = 0;
    let mut insert = tx.prepare_cached(
        "INSERT INTO contact_point (person_id, kind, value) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
    )?;
    for value in values {
        added += insert.execute(params![id, kind, value.trim()])?;
    }
    Ok(added)
}

pub(super) fn add_tags(tx: &Transaction, id: i64, tags: &[String]) -> Result<usize> {
    let mut added = 0;
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        added += people::tag_person(tx, id, tag)?;
    }
    Ok(added)
}
