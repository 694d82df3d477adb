//! The schema, as append-only migrations. Migration N (1-based) takes a store from
//! `user_version` N-1 to N. A released migration is never edited: add a new one instead
//! (a test pins the text of each released migration).

use rusqlite::Connection;

use crate::error::Result;

pub const MIGRATIONS: &[&str] = &[
    V1_CONTACT_GRAPH,
    V2_FOLLOWUPS_AND_SEARCH,
    V3_NETWORKING_WORKFLOW,
    V4_NETWORK_IN_AND_OUT,
    V5_HEAVY_USE,
    V6_ADDRESSES_AND_PHOTOS,
    V7_ACCENTS_KEPT,
    V8_COACH,
    V9_INTERACTIONS_BY_WEEK,
    V10_SYNC,
    V11_KEEP_IN_TOUCH_DUE,
];

/// The version that last (re)created the search index: a store upgraded from any earlier version
/// has its index filled again. (Version 6 added the index of names with accents kept, filled by
/// its migration from the first, and again whenever the first is.)
pub const SEARCH_INDEX_VERSION: i64 = 5;

/// `PRAGMA application_id` of a Rapport store ("Rapp"), set from schema version 4 on.
pub const APPLICATION_ID: i64 = 0x5261_7070;

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

const V1_CONTACT_GRAPH: &str = include_str!("v1_contact_graph.sql");

const V2_FOLLOWUPS_AND_SEARCH: &str = include_str!("v2_followups_and_search.sql");

/// The networking workflow of the guide: informational interviews (and formal job interviews)
/// with their preparation, agenda and AIR; pitches; opportunities; and the question bank, whose
/// seed is kept in its own file.
const V3_NETWORKING_WORKFLOW: &str = concat!(
    include_str!("v3_networking_workflow.sql"),
    include_str!("v3_question_bank.sql")
);

/// What importing, exporting, merging and backing up need: a stable identity per person (the
/// vCard UID), more than one email or phone, birthdays, the LinkedIn connection date, indexes for
/// matching incoming contacts, and merges that can be undone.
const V4_NETWORK_IN_AND_OUT: &str = include_str!("v4_network_in_and_out.sql");

/// What heavy use (30,000 people, 300,000 interactions) needed:
/// - the search index again, with prefix indexes for the first one, two and three letters:
///   typing "a" merged the lists of every word starting with "a" on each keystroke. The core
///   fills it again after the upgrade;
/// - each person's last contact, kept by triggers wherever interactions or their participants
///   change, so that Today's "going cold" reads a row a person instead of every interaction.
const V5_HEAVY_USE: &str = include_str!("v5_heavy_use.sql");

/// Real address books: postal addresses (vCard ADR) and photos (vCard PHOTO), each in its own
/// table so that the person row, and every list read from it, stays as light as before.
const V6_ADDRESSES_AND_PHOTOS: &str = include_str!("v6_addresses_and_photos.sql");
/// A second index of names, with their accents kept: typing "mü" lists Müller before Murphy
/// however many names fold to "mu". It is named `search_index_…` like the first one's tables, so
/// that whatever leaves the search index out (the JSON export) leaves it out too.
const V7_ACCENTS_KEPT: &str = include_str!("v7_accents_kept.sql");
/// The coach: the user's goals (with the defaults offered at first start), the weekly plan as
/// kept for the week, relationship strength, and birthdays as follow-ups that come back yearly.
const V8_COACH: &str = include_str!("v8_coach.sql");
/// The interactions' index by time with their kind in it, so that counting reach-outs and
/// interviews per week and month (goals, the plan, Progress) reads the index alone.
const V9_INTERACTIONS_BY_WEEK: &str = include_str!("v9_interactions_by_week.sql");
/// Sync with the user's own CardDAV/CalDAV server: accounts (never their password), where each
/// person's card and each event is on the server, and what sync changed.
const V10_SYNC: &str = include_str!("v10_sync.sql");
/// When each person's keep-in-touch falls due, kept by triggers with an index, so that the plan
/// and Today read the most overdue few instead of computing it for everyone.
const V11_KEEP_IN_TOUCH_DUE: &str = include_str!("v11_keep_in_touch_due.sql");

/// Applies every migration after the store's current version, each in its own transaction.
/// Returns the version the store had before.
///
/// Safe when several connections (say, two processes) open an old store at once: each step
/// re-reads the version inside an IMMEDIATE transaction, so only one of them applies it and the
/// others find it done. The version returned is the one found under the first such lock.
pub fn migrate(conn: &mut Connection) -> Result<i64> {
    let current = user_version(conn)?;
    if current >= LATEST_VERSION {
        return Ok(current);
    }
    let mut before = None;
    for version in current + 1..=LATEST_VERSION {
        let found = apply(conn, version)?;
        before.get_or_insert(found);
    }
    Ok(before.unwrap_or(current))
}

/// Applies migrations `from+1 ..= to`, skipping any another connection has applied meanwhile.
/// Public so that tests can build every older schema.
pub fn migrate_to(conn: &mut Connection, from: i64, to: i64) -> Result<()> {
    for version in from + 1..=to {
        apply(conn, version)?;
    }
    Ok(())
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Applies migration `version` unless the store is already there, in one IMMEDIATE transaction
/// (the write lock is taken before the version is read, so no other connection can apply it
/// between the check and the change). Returns the version found.
fn apply(conn: &mut Connection, version: i64) -> Result<i64> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let found = user_version(&tx)?;
    if found >= version {
        return Ok(found);
    }
    tx.execute_batch(MIGRATIONS[(version - 1) as usize])?;
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()?;
    tracing::info!(version, "migrated store");
    Ok(found)
}
