//! Full-text search over people: their names, organizations, titles, circle, tags, how they were
//! met, notes, and the notes of every interaction with them. Each word typed matches as a prefix;
//! case and accents are ignored (the index's tokenizer folds both, for the text and the query).

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::people::{self, Person, PersonRef};
use crate::store::Store;

const MAX_RESULTS: usize = 100;

/// Rewrites a person's entry in the index; called in the same transaction as every change to
/// what the entry is made of.
pub(crate) fn reindex_person(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO search_index (rowid, name, body)
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
         WHERE p.id = ?1 AND p.deleted_at IS NULL",
        [id],
    )?;
    Ok(())
}

/// Indexes every person from scratch (after the upgrade that created the index).
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index", [])?;
    let mut statement = conn.prepare("SELECT id FROM person WHERE deleted_at IS NULL")?;
    let ids = statement
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for id in ids {
        reindex_person(conn, id)?;
    }
    Ok(())
}

pub(crate) fn remove_person(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM search_index WHERE rowid = ?1", [id])?;
    Ok(())
}

/// Turns what was typed into an FTS5 query: every word a quoted prefix term, all required.
/// Quoting makes any punctuation the user types literal, so no input is a syntax error.
pub fn match_expression(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
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

    /// People matching every word typed, best first (name matches weigh most). Archived people
    /// are found too, marked as archived; the user is not.
    pub fn search_people(&self, typed: &str) -> Result<Vec<Person>> {
        let Some(expression) = match_expression(typed) else {
            return Ok(Vec::new());
        };
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT s.rowid FROM search_index s JOIN person p ON p.id = s.rowid
                 WHERE search_index MATCH ?1 AND p.is_me = 0 AND p.deleted_at IS NULL
                 ORDER BY bm25(search_index, 10.0, 1.0), p.display_name COLLATE NOCASE
                 LIMIT ?2",
            )?;
            let ids = statement
                .query_map(params![expression, MAX_RESULTS as i64], |r| {
                    r.get::<_, i64>(0)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            people::load_many(conn, &ids)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::match_expression;

    #[test]
    fn every_word_becomes_a_quoted_prefix_term() {
        assert_eq!(
            match_expression("ada lov").as_deref(),
            Some("\"ada\"* \"lov\"*")
        );
        assert_eq!(
            match_expression("  O'Brien-Smith ").as_deref(),
            Some("\"O\"* \"Brien\"* \"Smith\"*")
        );
        assert_eq!(match_expression("\"*:()").as_deref(), None);
    }
}
