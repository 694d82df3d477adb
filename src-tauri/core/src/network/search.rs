//! Full-text search over people: their names, organizations, titles, circle, tags, how they were
//! met, notes, and the notes of every interaction with them. Each word typed matches as a prefix;
//! case and accents are ignored (the index's tokenizer folds both, for the text and the query).
//!
//! Search runs as you type, so its cost must not grow with the network: people with a name word
//! equal to each word typed come first, then those whose name words start with them (each group
//! alphabetically), then people matching anywhere else; each group is read from the index in
//! its own order (the most recently added first) and stops at the limit. Ranking every match by
//! relevance instead took 40 ms for "a" at 30,000 people.
//!
//! When what was typed has accents, within each name group the names that keep them come first:
//! "mü" lists Müller before Murazik and Murphy. A second index holds the names with their accents
//! (`search_index_accents`), so those are read from it up to the limit too, however many more
//! names fold to "mu"; then the folded index fills the group. Every word must keep its accents
//! there, as typed ("jose mü" is not an accented match for José Müller); the other fields are
//! only folded.

use rusqlite::{params, Connection};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use crate::error::Result;
use crate::network::people::{self, Person, PersonRef, PersonSummary};
use crate::store::Store;

pub const MAX_RESULTS: usize = 100;

/// The two indexes a search reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    /// Names and everything else, case and accents folded (`search_index`).
    Folded,
    /// Names only, accents kept (`search_index_accents`).
    AccentsKept,
}

impl Index {
    pub fn table(self) -> &'static str {
        match self {
            Index::Folded => "search_index",
            Index::AccentsKept => "search_index_accents",
        }
    }
}

/// People matching the expression `?1` in `index`, at most `?2`, the most recently added first:
/// the index returns rows in that order, so no match beyond the limit is read.
pub fn matching_sql(index: Index) -> String {
    let table = index.table();
    format!(
        "SELECT s.rowid FROM {table} s JOIN person p ON p.id = s.rowid
         WHERE {table} MATCH ?1 AND p.is_me = 0 AND p.deleted_at IS NULL
         ORDER BY s.rowid DESC LIMIT ?2"
    )
}

/// What a search asks the index, in turn: every word a whole word of the name, every word the
/// start of one, every word anywhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub exact_names: String,
    pub in_names: String,
    pub anywhere: String,
    /// Whether what was typed has accents, which names keeping them are listed first for.
    pub has_accents: bool,
}

/// One group of results: read from `index` with `expression`, sorted by name or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tier<'a> {
    pub index: Index,
    pub expression: &'a str,
    pub alphabetical: bool,
}

impl Query {
    /// The groups of results, in the order they are listed: whole name words (those keeping the
    /// accents typed first), name starts (the same), then anywhere.
    pub fn tiers(&self) -> Vec<Tier<'_>> {
        let mut tiers = Vec::new();
        for expression in [&self.exact_names, &self.in_names] {
            if self.has_accents {
                tiers.push(Tier {
                    index: Index::AccentsKept,
                    expression,
                    alphabetical: true,
                });
            }
            tiers.push(Tier {
                index: Index::Folded,
                expression,
                alphabetical: true,
            });
        }
        tiers.push(Tier {
            index: Index::Folded,
            expression: &self.anywhere,
            alphabetical: false,
        });
        tiers
    }
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
    conn.prepare_cached(&format!("{COPY_NAMES} WHERE rowid = ?1"))?
        .execute([id])?;
    Ok(())
}

/// Copies names from the first index into the one that keeps accents.
const COPY_NAMES: &str =
    "INSERT OR REPLACE INTO search_index_accents (rowid, name) SELECT rowid, name FROM search_index";

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
    conn.prepare_cached(&format!(
        "{COPY_NAMES} WHERE rowid IN (SELECT id FROM temp.reindex_queue)"
    ))?
    .execute([])?;
    conn.execute("DELETE FROM temp.reindex_queue", [])?;
    Ok(())
}

/// Whether people (other than the user) exist but either index holds nobody: an upgrade that
/// stopped half-way.
pub(crate) fn is_missing(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM person WHERE deleted_at IS NULL AND is_me = 0)
            AND (NOT EXISTS (SELECT 1 FROM search_index)
                 OR NOT EXISTS (SELECT 1 FROM search_index_accents))",
        [],
        |r| r.get(0),
    )?)
}

/// Indexes every person from scratch (after an upgrade that recreated the index, a restore, or
/// rows written outside the core), in one statement.
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index", [])?;
    conn.execute("DELETE FROM search_index_accents", [])?;
    conn.execute(
        &format!("INSERT INTO search_index (rowid, name, body) {ENTRIES}"),
        [],
    )?;
    conn.execute(COPY_NAMES, [])?;
    Ok(())
}

pub(crate) fn remove_person(conn: &Connection, id: i64) -> Result<()> {
    for table in [Index::Folded.table(), Index::AccentsKept.table()] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))?
            .execute([id])?;
    }
    Ok(())
}

/// Removes the entries of the people `ids_sql` selects (a subquery), from both indexes.
pub(crate) fn remove_where(conn: &Connection, ids_sql: &str, param: &str) -> Result<()> {
    for table in [Index::Folded.table(), Index::AccentsKept.table()] {
        conn.execute(
            &format!("DELETE FROM {table} WHERE rowid IN ({ids_sql})"),
            [param],
        )?;
    }
    Ok(())
}

/// Turns what was typed into FTS5 queries: every word a quoted prefix term, all required.
/// Quoting makes any punctuation the user types literal, so no input is a syntax error. Accents
/// typed as separate marks are composed first, as names are written.
pub fn query_for(typed: &str) -> Option<Query> {
    let typed: String = typed.nfc().collect();
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
        has_accents: words.iter().any(|w| w.nfd().any(is_combining_mark)),
    })
}

/// The ids of up to `limit` people matching `expression` in `index`, the most recently added
/// first.
pub fn matching_ids(
    conn: &Connection,
    index: Index,
    expression: &str,
    limit: usize,
) -> Result<Vec<i64>> {
    let mut statement = conn.prepare_cached(&matching_sql(index))?;
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

    /// `fetch(index, expression, limit)` reads up to `limit` people matching `expression` in
    /// `index`, the most recently added first; `key` gives each one's id and name.
    fn search<T>(
        &self,
        typed: &str,
        fetch: Fetch<T>,
        key: fn(&T) -> (i64, &str),
    ) -> Result<Vec<T>> {
        let Some(query) = query_for(typed) else {
            return Ok(Vec::new());
        };
        self.read(|conn| {
            let mut found: Vec<T> = Vec::new();
            for tier in query.tiers() {
                if found.len() >= MAX_RESULTS {
                    break;
                }
                let seen: Vec<i64> = found.iter().map(|person| key(person).0).collect();
                let mut more: Vec<T> =
                    fetch(conn, tier.index, tier.expression, MAX_RESULTS + seen.len())?
                        .into_iter()
                        .filter(|person| !seen.contains(&key(person).0))
                        .take(MAX_RESULTS - seen.len())
                        .collect();
                if tier.alphabetical {
                    more.sort_by_cached_key(|person| key(person).1.to_lowercase());
                }
                found.extend(more);
            }
            Ok(found)
        })
    }
}

/// Reads up to `limit` people matching an expression in an index, the most recently added first.
type Fetch<T> = fn(&Connection, Index, &str, usize) -> Result<Vec<T>>;

fn full_people(
    conn: &Connection,
    index: Index,
    expression: &str,
    limit: usize,
) -> Result<Vec<Person>> {
    people::load_many(conn, &matching_ids(conn, index, expression, limit)?)
}

fn summaries(
    conn: &Connection,
    index: Index,
    expression: &str,
    limit: usize,
) -> Result<Vec<PersonSummary>> {
    let table = index.table();
    let mut statement = conn.prepare_cached(&format!(
        "{} JOIN {table} s ON s.rowid = p.id
         WHERE {table} MATCH ?1 AND p.is_me = 0 AND p.deleted_at IS NULL
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
                has_accents: false,
            })
        );
        assert!(query_for("Mü").unwrap().has_accents);
        assert!(query_for("mu\u{308}").unwrap().has_accents);
        assert_eq!(query_for("mu\u{308}").unwrap().anywhere, "\"mü\"*");
        assert_eq!(
            query_for("  O'Brien-Smith ").unwrap().anywhere,
            "\"O\"* AND \"Brien\"* AND \"Smith\"*"
        );
        assert_eq!(query_for("\"*:()"), None);
    }
}
