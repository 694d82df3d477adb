//! Full-text search over people: their names, organizations, titles, circle, tags, how they were
//! met, notes, and the notes of every interaction with them. Each word typed matches as a prefix;
//! case and accents are ignored (the index's tokenizer folds both, for the text and the query).
//!
//! Search runs as you type, so its cost must not grow with the network: people with a name word
//! equal to each word typed come first, then those whose name words start with them (each group
//! alphabetically), then people matching anywhere else; each group is read from the index in
//! its own order (the most recently added first) and stops at the limit. Ranking every match by
//! relevance instead took 40 ms for "a" at 30,000 people.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::network::people::{self, Person, PersonRef, PersonSummary};
use crate::store::Store;

pub const MAX_RESULTS: usize = 100;

/// People matching the expression `?1`, at most `?2`, the most recently added first: the index
/// returns rows in that order, so no match beyond the limit is read.
pub const MATCHING_SQL: &str = "SELECT s.rowid FROM search_index s JOIN person p ON p.id = s.rowid
     WHERE search_index MATCH ?1 AND p.is_me = 0 AND p.deleted_at IS NULL
     ORDER BY s.rowid DESC LIMIT ?2";

/// What a search asks the index, in turn: every word a whole word of the name, every word the
/// start of one, every word anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub exact_names: String,
    pub in_names: String,
    pub anywhere: String,
}

/// Each person's entry in the index: their names, then everything else said about them.
const ENTRIES: &str = "
    SELECT p.id,
           concat_ws(' ', p.display_name, p.given_name, p.family_name),
           concat_ws(' ',
               p.email, p.phone, p.how_met, p.notes, c.name,
               (SELECT group_concat(concat_ws(' ', o.name, r.title), ' ')
                FROM role r JOIN organization o ON o.id = r.organization_id WHERE r.person_id = p.id),
               (SELECT group_concat(t.name, ' ')
                FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.person_id = p.id),
               (SELECT group_concat(concat_ws(' ', i.summary, i.notes), ' ')
                FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id
                WHERE ip.person_id = p.id))
    FROM person p LEFT JOIN circle c ON c.id = p.circle_id
    WHERE p.deleted_at IS NULL";

/// Rewrites a person's entry in the index; called in the same transaction as every change to
/// what the entry is made of.
pub(crate) fn reindex_person(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO search_index (rowid, name, body) {ENTRIES} AND p.id = ?1"
    ))?
    .execute([id])?;
    Ok(())
}

/// Rewrites many people's entries in one statement. FTS5 writes its pending changes out at the
/// start of each statement that changes the index within a transaction, so an import that
/// reindexed person by person spent a fifth of its time doing that.
pub(crate) fn reindex_people(conn: &Connection, ids: &[i64]) -> Result<()> {
    conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS reindex_queue (id INTEGER PRIMARY KEY)")?;
    {
        let mut queue =
            conn.prepare_cached("INSERT OR IGNORE INTO temp.reindex_queue (id) VALUES (?1)")?;
        for id in ids {
            queue.execute([id])?;
        }
    }
    conn.prepare_cached(&format!(
        "INSERT OR REPLACE INTO search_index (rowid, name, body) {ENTRIES}
         AND p.id IN (SELECT id FROM temp.reindex_queue)"
    ))?
    .execute([])?;
    conn.execute("DELETE FROM temp.reindex_queue", [])?;
    Ok(())
}

/// Whether people (other than the user) exist but the index holds nobody: an upgrade that
/// stopped half-way.
pub(crate) fn is_missing(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM person WHERE deleted_at IS NULL AND is_me = 0)
            AND NOT EXISTS (SELECT 1 FROM search_index)",
        [],
        |r| r.get(0),
    )?)
}

/// Indexes every person from scratch (after an upgrade that recreated the index, a restore, or
/// rows written outside the core), in one statement.
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index", [])?;
    conn.execute(
        &format!("INSERT INTO search_index (rowid, name, body) {ENTRIES}"),
        [],
    )?;
    Ok(())
}

pub(crate) fn remove_person(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
        .execute([id])?;
    Ok(())
}

/// Turns what was typed into FTS5 queries: every word a quoted prefix term, all required.
/// Quoting makes any punctuation the user types literal, so no input is a syntax error.
pub fn query_for(typed: &str) -> Option<Query> {
    let words: Vec<&str> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    let all = |term: &dyn Fn(&str) -> String| {
        words
            .iter()
            .map(|w| term(w))
            .collect::<Vec<_>>()
            .join(" AND ")
    };
    Some(Query {
        exact_names: all(&|word| format!("name : \"{word}\"")),
        in_names: all(&|word| format!("name : \"{word}\"*")),
        anywhere: all(&|word| format!("\"{word}\"*")),
    })
}

/// The ids of up to `limit` people matching `expression`, the most recently added first.
pub fn matching_ids(conn: &Connection, expression: &str, limit: usize) -> Result<Vec<i64>> {
    let mut statement = conn.prepare_cached(MATCHING_SQL)?;
    let ids = statement
        .query_map(params![expression, limit as i64], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ids)
}

impl Store {
    /// Rebuilds the search index from the tables, for stores whose rows were written outside the
    /// core (the heavy-user data generator writes them directly).
    pub fn rebuild_search_index(&self) -> Result<()> {
        self.write(|tx| rebuild(tx))
    }

    /// People whose name holds every word of `name` (ignoring case and accents): while
    /// brainstorming, "Ada lovelace" or "Ada M. Lovelace" is probably someone already listed.
    pub fn similar_people(&self, name: &str) -> Result<Vec<PersonRef>> {
        let terms: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.chars().count() >= 2)
            .map(|word| format!("name : \"{word}\""))
            .collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT p.id, p.display_name FROM search_index s JOIN person p ON p.id = s.rowid
                 WHERE search_index MATCH ?1 AND p.is_me = 0 AND p.deleted_at IS NULL
                 ORDER BY p.display_name COLLATE NOCASE LIMIT 10",
            )?;
            let rows = statement.query_map([terms.join(" AND ")], |r| {
                Ok(PersonRef {
                    id: r.get(0)?,
                    display_name: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// People matching every word typed, at most [`MAX_RESULTS`]: those whose names match
    /// first, alphabetically, then those matching anywhere else. Archived people are found too,
    /// marked as archived; the user is not.
    pub fn search_people(&self, typed: &str) -> Result<Vec<Person>> {
        self.search(typed, full_people, |person| {
            (person.id, &person.display_name)
        })
    }

    /// [`Store::search_people`], with only what a list of results shows of each, read in the
    /// same query that matches them.
    pub fn search_people_summaries(&self, typed: &str) -> Result<Vec<PersonSummary>> {
        self.search(typed, summaries, |person| (person.id, &person.display_name))
    }

    /// `fetch(expression, limit)` reads up to `limit` people matching `expression`, the most
    /// recently added first; `key` gives each one's id and name.
    fn search<T>(
        &self,
        typed: &str,
        fetch: fn(&Connection, &str, usize) -> Result<Vec<T>>,
        key: fn(&T) -> (i64, &str),
    ) -> Result<Vec<T>> {
        let Some(query) = query_for(typed) else {
            return Ok(Vec::new());
        };
        self.read(|conn| {
            let tiers = [
                (&query.exact_names, true),
                (&query.in_names, true),
                (&query.anywhere, false),
            ];
            let mut found: Vec<T> = Vec::new();
            for (expression, alphabetical) in tiers {
                if found.len() >= MAX_RESULTS {
                    break;
                }
                let seen: Vec<i64> = found.iter().map(|person| key(person).0).collect();
                let mut more: Vec<T> = fetch(conn, expression, MAX_RESULTS + seen.len())?
                    .into_iter()
                    .filter(|person| !seen.contains(&key(person).0))
                    .take(MAX_RESULTS - seen.len())
                    .collect();
                if alphabetical {
                    more.sort_by_cached_key(|person| key(person).1.to_lowercase());
                }
                found.extend(more);
            }
            Ok(found)
        })
    }
}

fn full_people(conn: &Connection, expression: &str, limit: usize) -> Result<Vec<Person>> {
    people::load_many(conn, &matching_ids(conn, expression, limit)?)
}

fn summaries(conn: &Connection, expression: &str, limit: usize) -> Result<Vec<PersonSummary>> {
    let mut statement = conn.prepare_cached(&format!(
        "{} JOIN search_index s ON s.rowid = p.id
         WHERE search_index MATCH ?1 AND p.is_me = 0 AND p.deleted_at IS NULL
         ORDER BY s.rowid DESC LIMIT ?2",
        people::SELECT_SUMMARY
    ))?;
    let rows = statement.query_map(params![expression, limit as i64], people::summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use super::{query_for, Query};

    #[test]
    fn every_word_becomes_a_quoted_prefix_term_required_in_the_name_or_anywhere() {
        assert_eq!(
            query_for("ada lov"),
            Some(Query {
                exact_names: "name : \"ada\" AND name : \"lov\"".into(),
                in_names: "name : \"ada\"* AND name : \"lov\"*".into(),
                anywhere: "\"ada\"* AND \"lov\"*".into(),
            })
        );
        assert_eq!(
            query_for("  O'Brien-Smith ").unwrap().anywhere,
            "\"O\"* AND \"Brien\"* AND \"Smith\"*"
        );
        assert_eq!(query_for("\"*:()"), None);
    }
}
