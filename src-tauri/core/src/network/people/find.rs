//! Resolving what was typed to name someone (an id, an exact name, or a search) to one person.

use super::model::PersonRef;
use crate::error::{Candidate, Error, Result};
use crate::store::Store;

impl Store {
    /// Resolves what a person typed to name someone: `12` or `#12` is an id; otherwise an exact
    /// name (ignoring case), else a search that must find exactly one person.
    pub fn find_person(&self, name_or_id: &str) -> Result<PersonRef> {
        let text = name_or_id.trim();
        if text.is_empty() {
            return Err(Error::invalid("person", "Name a person."));
        }
        if let Ok(id) = text.trim_start_matches('#').parse::<i64>() {
            let person = self.person(id)?;
            return Ok(PersonRef {
                id: person.id,
                display_name: person.display_name,
            });
        }
        let exact: Vec<PersonRef> = self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id, display_name FROM person
                 WHERE deleted_at IS NULL AND display_name = ?1 COLLATE NOCASE ORDER BY id",
            )?;
            let rows = statement.query_map([text], |r| {
                Ok(PersonRef {
                    id: r.get(0)?,
                    display_name: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        let candidates = if exact.is_empty() {
            self.search_people(text)?
                .into_iter()
                .map(|p| PersonRef {
                    id: p.id,
                    display_name: p.display_name,
                })
                .collect()
        } else {
            exact
        };
        match candidates.len() {
            0 => Err(Error::not_found("person", format!("name “{text}”"))),
            1 => Ok(candidates.into_iter().next().expect("one candidate")),
            _ => Err(Error::Ambiguous {
                query: text.to_string(),
                matches: candidates.into_iter().map(Candidate::from).collect(),
            }),
        }
    }
}
