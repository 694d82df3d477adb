//! Writing incoming contacts into the store: new people are added, people already stored only
//! gain what they lack (nothing a user typed is overwritten), and relations become links.

mod fields;
mod fill_in;
mod new_person;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction};

use crate::error::Result;
use crate::network::links;
use crate::network::search;
use crate::store::Store;

use super::matching::{Index, Match};
use super::{ImportFormat, ImportProgress, ImportSummary, Incoming, Parsed, Skipped};
use fill_in::update_existing;
use new_person::insert_new;

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
        assumed_charsets: parsed.assumed_charsets.clone(),
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
        let (id, placed) = place(tx, &mut index, contact, now)?;
        match placed {
            Placed::Updated => summary.updated += 1,
            Placed::Unchanged => summary.unchanged += 1,
            Placed::New => summary.new += 1,
            Placed::PossibleDuplicate => {
                summary.new += 1;
                summary.possible_duplicates += 1;
            }
        }
        if placed != Placed::Unchanged {
            to_reindex.push(id);
        }
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

/// What became of one incoming contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placed {
    /// Someone stored who gained what they lacked.
    Updated,
    /// Someone stored with nothing new in the contact.
    Unchanged,
    New,
    /// New, with the name of someone stored and nothing to tell them apart.
    PossibleDuplicate,
}

/// One contact, as an import places it: the person it matches gains what they lack (nothing
/// typed is overwritten), or a new person is added. Their search entry is the caller's to
/// refresh.
pub(crate) fn place(
    tx: &Transaction,
    index: &mut Index,
    contact: &Incoming,
    now: DateTime<Utc>,
) -> Result<(i64, Placed)> {
    let placed = match index.find(contact) {
        Match::Same(id) => match update_existing(tx, id, contact, now)? {
            true => (id, Placed::Updated),
            false => (id, Placed::Unchanged),
        },
        found => {
            let id = insert_new(tx, contact, now)?;
            match found == Match::NameOnly {
                true => (id, Placed::PossibleDuplicate),
                false => (id, Placed::New),
            }
        }
    };
    remember(index, placed.0, contact);
    Ok(placed)
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
