//! Writing incoming contacts into the store: new people are added, people already stored only
//! gain what they lack (nothing a user typed is overwritten), and relations become links.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;
use crate::network::circles;
use crate::network::links;
use crate::network::organizations;
use crate::network::people;
use crate::network::search;
use crate::store::time::to_db;
use crate::store::Store;

use super::matching::{
    canonical_email, canonical_linkedin_url, folded_name, is_email, Index, Match,
};
use super::{ImportFormat, ImportProgress, ImportSummary, Incoming, Parsed, Skipped};

/// Progress is reported every this many contacts.
const PROGRESS_EVERY: usize = 250;

const MAX_NAME_CHARS: usize = 200;

impl Store {
    /// Says what importing `parsed` would do, without writing anything.
    pub fn preview_import(
        &self,
        format: ImportFormat,
        parsed: &Parsed,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportSummary> {
        let now = self.now();
        self.rolled_back(|tx| apply(tx, format, parsed, now, progress))
    }

    /// Imports `parsed` in one transaction: everything, or (on any error) nothing.
    pub fn import(
        &self,
        format: ImportFormat,
        parsed: &Parsed,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportSummary> {
        let now = self.now();
        let summary = self.write(|tx| apply(tx, format, parsed, now, progress))?;
        tracing::info!(
            new = summary.new,
            updated = summary.updated,
            unchanged = summary.unchanged,
            skipped = summary.skipped.len(),
            "imported {}",
            format.label()
        );
        Ok(ImportSummary {
            written: true,
            ..summary
        })
    }
}

fn apply(
    tx: &Transaction,
    format: ImportFormat,
    parsed: &Parsed,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    let mut summary = ImportSummary {
        format: Some(format),
        total: parsed.contacts.len(),
        skipped: parsed.skipped.clone(),
        ..Default::default()
    };
    let mut index = Index::load(tx)?;
    let links_before: i64 = tx
        .prepare_cached("SELECT count(*) FROM link")?
        .query_row([], |r| r.get(0))?;
    // Which stored person each contact became, for its relations.
    let mut person_of: Vec<Option<i64>> = Vec::with_capacity(parsed.contacts.len());
    // Who is new or changed, indexed for search together at the end (see reindex_people).
    let mut to_reindex = Vec::new();
    let total = parsed.contacts.len();
    for (done, contact) in parsed.contacts.iter().enumerate() {
        if done % PROGRESS_EVERY == 0 {
            progress(ImportProgress { done, total });
        }
        if contact.display_name.chars().count() > MAX_NAME_CHARS {
            summary.skipped.push(Skipped {
                source: contact.source.clone(),
                reason: format!("the name is longer than {MAX_NAME_CHARS} characters"),
            });
            person_of.push(None);
            continue;
        }
        let id = match index.find(contact) {
            Match::Same(id) => {
                if update_existing(tx, id, contact, now)? {
                    summary.updated += 1;
                    to_reindex.push(id);
                } else {
                    summary.unchanged += 1;
                }
                id
            }
            found => {
                let id = insert_new(tx, contact, now)?;
                to_reindex.push(id);
                summary.new += 1;
                if found == Match::NameOnly {
                    summary.possible_duplicates += 1;
                }
                id
            }
        };
        remember(&mut index, id, contact);
        person_of.push(Some(id));
    }
    for (contact, id) in parsed.contacts.iter().zip(&person_of) {
        let Some(id) = *id else { continue };
        for related in &contact.related {
            let other: Option<i64> = tx
                .query_row(
                    "SELECT id FROM person WHERE uid = ?1 AND deleted_at IS NULL",
                    [&related.uid],
                    |r| r.get(0),
                )
                .optional()?;
            match other {
                Some(other) if other != id => {
                    links::add(tx, id, other, related.kind, "", now)?;
                }
                _ => summary.skipped.push(Skipped {
                    source: contact.source.clone(),
                    reason: format!(
                        "the related contact {} is not in this file or in Rapport",
                        related.uid
                    ),
                }),
            }
        }
    }
    let links_after: i64 = tx
        .prepare_cached("SELECT count(*) FROM link")?
        .query_row([], |r| r.get(0))?;
    summary.links_added = (links_after - links_before) as usize;
    search::reindex_people(tx, &to_reindex)?;
    progress(ImportProgress { done: total, total });
    Ok(summary)
}

fn remember(index: &mut Index, id: i64, contact: &Incoming) {
    index.add(
        id,
        &contact.display_name,
        contact.linkedin_url.as_deref(),
        None,
        contact.uid.as_deref(),
    );
    for email in &contact.emails {
        index.add_email(id, email);
    }
    for phone in &contact.phones {
        index.add_phone(id, phone);
    }
    if let Some(organization) = &contact.organization {
        index.add_organization(id, &contact.display_name, organization);
    }
}

/// Emails that are not addresses are kept in the notes rather than lost.
fn split_emails(contact: &Incoming) -> (Vec<String>, Vec<String>) {
    contact
        .emails
        .iter()
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .partition(|e| is_email(e))
}

fn notes_for(contact: &Incoming, not_emails: &[String]) -> String {
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
fn profile_url(contact: &Incoming) -> Option<String> {
    let url = contact.linkedin_url.as_deref()?.trim();
    if is_web_address(url) {
        Some(url.to_string())
    } else if canonical_linkedin_url(url).is_some() {
        Some(format!("https://{url}"))
    } else {
        None
    }
}

fn circle_id(tx: &Transaction, contact: &Incoming) -> Result<Option<i64>> {
    match &contact.circle {
        Some(name) => Ok(Some(circles::id_or_create(tx, name)?)),
        None => Ok(None),
    }
}

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

fn insert_new(tx: &Transaction, contact: &Incoming, now: DateTime<Utc>) -> Result<i64> {
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
    Ok(id)
}

fn add_contact_points<'a>(
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

fn add_tags(tx: &Transaction, id: i64, tags: &[String]) -> Result<usize> {
    let mut added = 0;
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        added += people::tag_person(tx, id, tag)?;
    }
    Ok(added)
}

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
fn update_existing(
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
