//! Where each person's card is on an account's server, and a card from the server applied to
//! the store — each in its own transaction with the sync state, so that a pass cut short loses
//! nothing and applies nothing twice.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::foreign::foreign_properties;
use super::merge::{merge, FieldChange, Fields};
use super::persons::{fields_in, write_fields};
use crate::error::Result;
use crate::exchange::import::matching::Index;
use crate::exchange::import::{place, Incoming, Placed};
use crate::network::people::{self, PersonRef, UNDO_WINDOW};
use crate::network::{links, photos, search};
use crate::store::time::to_db;
use crate::store::Store;

/// A card Rapport knows on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownCard {
    pub person_id: i64,
    pub etag: Option<String>,
    pub removed: bool,
}

/// A person whose card is to be sent: `href` and `etag` when it is already on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToSend {
    pub person_id: i64,
    pub href: Option<String>,
    pub etag: Option<String>,
    /// Changes not yet sent when it was listed (what sending it makes good).
    pub changes: i64,
    /// The person as of the listing, to notice an edit made while a new card is on its way.
    pub updated_at: String,
}

/// Who is stored, as contacts made elsewhere are matched against (loaded once a pass, at the
/// first such contact, and kept up to date as they are added).
#[derive(Default)]
pub struct Matcher(Option<Index>);

/// What applying a card from the server did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// A contact made elsewhere became a new person.
    New { person_id: i64 },
    /// A contact made elsewhere was someone already stored (no duplicate).
    Matched { person_id: i64 },
    /// A known card changed: what came in, and the conflicts kept.
    Updated {
        person_id: i64,
        changes: Vec<FieldChange>,
        conflicts: usize,
    },
    /// The card changed in nothing sync compares (a photo, a property Rapport does not read).
    Unchanged { person_id: i64 },
    /// The card is of a person deleted in Rapport: the next pass deletes it on the server.
    Deleted,
}

fn fields_json(fields: &Fields) -> String {
    serde_json::to_string(fields).expect("fields serialise")
}

/// Records a card's state; `dirty` is the number of changes still to send (0: in step).
#[allow(clippy::too_many_arguments)]
fn put_card(
    tx: &Transaction,
    account_id: i64,
    href: &str,
    person_id: i64,
    etag: Option<&str>,
    base: &Fields,
    dirty: i64,
    now: &str,
) -> Result<()> {
    // A second card of someone who has one is theirs too, but Rapport writes only to the first.
    let has_own: bool = tx
        .prepare_cached(
            "SELECT count(*) > 0 FROM sync_card
             WHERE account_id = ?1 AND person_id = ?2 AND role = 'own' AND href <> ?3",
        )?
        .query_row(params![account_id, person_id, href], |r| r.get(0))?;
    let role = if has_own { "also" } else { "own" };
    tx.prepare_cached(
        "INSERT INTO sync_card (account_id, href, person_id, etag, base, synced_at, role, dirty)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (account_id, href) DO UPDATE SET person_id = ?3, etag = ?4, base = ?5,
             synced_at = ?6, removed_at = NULL, dirty = ?8",
    )?
    .execute(params![
        account_id,
        href,
        person_id,
        etag,
        fields_json(base),
        now,
        role,
        dirty
    ])?;
    Ok(())
}

fn keep_foreign(tx: &Transaction, account_id: i64, href: &str, text: &str) -> Result<()> {
    tx.prepare_cached(
        "UPDATE sync_card SET foreign_properties = ?3 WHERE account_id = ?1 AND href = ?2",
    )?
    .execute(params![account_id, href, foreign_properties(text)])?;
    Ok(())
}

fn record_changes(
    tx: &Transaction,
    account_id: i64,
    person_id: i64,
    changes: &[FieldChange],
    now: &str,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO sync_change (person_id, account_id, at, field, before, after, conflict)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for change in changes {
        insert.execute(params![
            person_id,
            account_id,
            now,
            change.field,
            change.before,
            change.after,
            change.conflict
        ])?;
    }
    Ok(())
}

/// RELATED links the card names (to people Rapport has) and its photo when the person has
/// none: sync adds them, and never removes either.
fn add_links_and_photo(
    tx: &Transaction,
    person_id: i64,
    incoming: &Incoming,
    now: DateTime<Utc>,
) -> Result<()> {
    for related in &incoming.related {
        let other: Option<i64> = tx
            .prepare_cached("SELECT id FROM person WHERE uid = ?1 AND deleted_at IS NULL")?
            .query_row([&related.uid], |r| r.get(0))
            .optional()?;
        if let Some(other) = other.filter(|o| *o != person_id) {
            links::add(tx, person_id, other, related.kind, "", now)?;
        }
    }
    if let Some(picture) = &incoming.photo {
        photos::put_if_missing(tx, person_id, picture, now)?;
    }
    Ok(())
}

impl Store {
    /// Every card Rapport knows on the account's server, by href.
    pub fn known_cards(&self, account_id: i64) -> Result<HashMap<String, KnownCard>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT href, person_id, etag, removed_at IS NOT NULL FROM sync_card
                 WHERE account_id = ?1",
            )?;
            let rows = statement.query_map([account_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    KnownCard {
                        person_id: r.get(1)?,
                        etag: r.get(2)?,
                        removed: r.get(3)?,
                    },
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
        })
    }

    /// People whose card is to be sent: never sent, or changed since it was. Not you, not the
    /// archived (an uploaded card is left as it is), not those removed elsewhere until the user
    /// sends them again.
    pub fn cards_to_send(&self, account_id: i64) -> Result<Vec<ToSend>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT p.id, c.href, c.etag, ifnull(c.dirty, 0), p.updated_at FROM person p
                 LEFT JOIN sync_card c ON c.account_id = ?1 AND c.person_id = p.id AND c.role = 'own'
                 WHERE p.is_me = 0 AND p.deleted_at IS NULL AND p.archived_at IS NULL
                   AND c.removed_at IS NULL AND (c.href IS NULL OR c.dirty > 0)
                 ORDER BY p.id",
            )?;
            let rows = statement.query_map([account_id], |r| {
                Ok(ToSend {
                    person_id: r.get(0)?,
                    href: r.get(1)?,
                    etag: r.get(2)?,
                    changes: r.get(3)?,
                    updated_at: r.get(4)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Records a card sent: where it is now, its new ETag (None when the server gave none; the
    /// next listing brings it), and what was sent as the new base.
    pub fn card_sent(
        &self,
        account_id: i64,
        listed: &ToSend,
        href: &str,
        etag: Option<&str>,
        sent: &str,
    ) -> Result<()> {
        let (base, _) = self.card_fields(sent)?;
        let now = to_db(self.now());
        self.write(|tx| {
            let person_id = listed.person_id;
            let (dirty, updated_at): (Option<i64>, String) = tx
                .prepare_cached(
                    "SELECT (SELECT dirty FROM sync_card WHERE account_id = ?1 AND href = ?2),
                            updated_at FROM person WHERE id = ?3",
                )?
                .query_row(params![account_id, href, person_id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            // What changed while the card was on its way is still to send.
            let left = match dirty {
                Some(dirty) => (dirty - listed.changes).max(0),
                None => i64::from(updated_at != listed.updated_at),
            };
            put_card(tx, account_id, href, person_id, etag, &base, left, &now)
        })
    }

    /// Applies a card as the server has it now (new elsewhere, or changed since Rapport last saw
    /// it), in one transaction with its sync state.
    pub fn apply_remote_card(
        &self,
        account_id: i64,
        href: &str,
        etag: Option<&str>,
        text: &str,
        matcher: &mut Matcher,
    ) -> Result<Received> {
        let (theirs, incoming) = self.card_fields(text)?;
        let (now, zone) = (self.now(), self.zone());
        let at = to_db(now);
        self.write(|tx| {
            let known: Option<(i64, String)> = tx
                .prepare_cached(
                    "SELECT person_id, base FROM sync_card WHERE account_id = ?1 AND href = ?2",
                )?
                .query_row(params![account_id, href], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((person_id, base)) = known else {
                let index = match &mut matcher.0 {
                    Some(index) => index,
                    None => matcher.0.insert(Index::load(tx)?),
                };
                let (person_id, placed) = place(tx, index, &incoming, now)?;
                add_links_and_photo(tx, person_id, &incoming, now)?;
                search::reindex_person(tx, person_id)?;
                let ours = fields_in(tx, person_id)?;
                // A match that already had more than the card sends it back.
                let dirty = i64::from(ours != theirs);
                put_card(tx, account_id, href, person_id, etag, &theirs, dirty, &at)?;
                keep_foreign(tx, account_id, href, text)?;
                return Ok(match placed {
                    Placed::New | Placed::PossibleDuplicate => Received::New { person_id },
                    Placed::Updated | Placed::Unchanged => Received::Matched { person_id },
                });
            };
            let deleted: Option<Option<String>> = tx
                .prepare_cached("SELECT deleted_at FROM person WHERE id = ?1")?
                .query_row([person_id], |r| r.get(0))
                .optional()?;
            if !matches!(deleted, Some(None)) {
                // Its deletion on the server waits for the undo hour, at this ETag.
                tx.prepare_cached(
                    "UPDATE sync_card SET etag = ?3 WHERE account_id = ?1 AND href = ?2",
                )?
                .execute(params![account_id, href, etag])?;
                return Ok(Received::Deleted);
            }
            let base: Fields = serde_json::from_str(&base).unwrap_or_default();
            // Changes Rapport has not sent yet (an address, a photo, a link: more than the
            // fields compared) are still to send after this card comes in.
            let unsent: i64 = tx
                .prepare_cached("SELECT dirty FROM sync_card WHERE account_id = ?1 AND href = ?2")?
                .query_row(params![account_id, href], |r| r.get(0))?;
            let ours = fields_in(tx, person_id)?;
            let merged = merge(&base, &ours, &theirs);
            if merged.fields != ours {
                write_fields(tx, person_id, &merged.fields, now, &zone)?;
            }
            add_links_and_photo(tx, person_id, &incoming, now)?;
            record_changes(tx, account_id, person_id, &merged.changes, &at)?;
            // Rapport's merge differs from the server's card (changes of its own, a conflict
            // kept) or it has changes unsent: send it back; otherwise they are in step.
            let dirty = i64::from(merged.fields != theirs || unsent > 0);
            put_card(tx, account_id, href, person_id, etag, &theirs, dirty, &at)?;
            keep_foreign(tx, account_id, href, text)?;
            let conflicts = merged.conflicts();
            Ok(if merged.changes.is_empty() {
                Received::Unchanged { person_id }
            } else {
                Received::Updated {
                    person_id,
                    changes: merged.changes,
                    conflicts,
                }
            })
        })
    }

    /// A card deleted on the server by another device: the person stays, marked removed from
    /// the account, and is not sent again until the user chooses to.
    pub fn card_removed_elsewhere(&self, account_id: i64, href: &str) -> Result<Option<PersonRef>> {
        let at = to_db(self.now());
        self.write(|tx| {
            // A second card of the same person is simply forgotten.
            tx.prepare_cached(
                "DELETE FROM sync_card WHERE account_id = ?1 AND href = ?2 AND role = 'also'",
            )?
            .execute(params![account_id, href])?;
            let person_id: Option<i64> = tx
                .prepare_cached(
                    "UPDATE sync_card SET removed_at = ?3
                     WHERE account_id = ?1 AND href = ?2 AND removed_at IS NULL
                     RETURNING person_id",
                )?
                .query_row(params![account_id, href, at], |r| r.get(0))
                .optional()?;
            match person_id {
                Some(id) => Ok(people::load(tx, id).ok().map(|p| PersonRef {
                    id,
                    display_name: p.display_name,
                })),
                None => Ok(None),
            }
        })
    }

    /// Sends a person removed elsewhere again at the next pass, as a new card.
    pub fn send_card_again(&self, account_id: i64, person_id: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sync_card WHERE account_id = ?1 AND person_id = ?2 AND role = 'own'",
                params![account_id, person_id],
            )?;
            Ok(())
        })
    }

    /// Cards of people deleted in Rapport more than the undo hour ago (or purged since): the
    /// pass deletes them on the server.
    pub fn cards_to_delete(&self, account_id: i64) -> Result<Vec<(String, Option<String>)>> {
        let before = to_db(self.now() - UNDO_WINDOW);
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT c.href, c.etag FROM sync_card c LEFT JOIN person p ON p.id = c.person_id
                 WHERE c.account_id = ?1 AND c.removed_at IS NULL
                   AND (p.id IS NULL OR (p.deleted_at IS NOT NULL AND p.deleted_at < ?2))",
            )?;
            let rows =
                statement.query_map(params![account_id, before], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Forgets a card (deleted on the server by this pass, or gone there already).
    pub fn forget_card(&self, account_id: i64, href: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM sync_card WHERE account_id = ?1 AND href = ?2",
                params![account_id, href],
            )?;
            Ok(())
        })
    }
}
