//! Likely duplicates: people who are probably one person, and pairs the user said are not.

use std::collections::BTreeMap;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::network::identity::{canonical_email, canonical_linkedin_url, folded_name};
use crate::network::merge::person_ref;
use crate::network::people::{self, PersonRef};
use crate::store::Store;

/// Two people who are probably one, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DuplicatePair {
    pub first: PersonRef,
    pub second: PersonRef,
    pub reason: String,
}

impl Store {
    /// Pairs of people who are probably the same: the same email or LinkedIn profile, or the
    /// same name (ignoring case and accents). Pairs marked distinct are left out.
    pub fn likely_duplicates(&self) -> Result<Vec<DuplicatePair>> {
        self.read(|conn| {
            let mut statement = conn.prepare(
                "SELECT p.id, p.display_name, p.email, p.linkedin_url,
                        (SELECT group_concat(value, char(31)) FROM contact_point
                         WHERE person_id = p.id AND kind = 'email')
                 FROM person p WHERE p.deleted_at IS NULL AND p.is_me = 0 ORDER BY p.id",
            )?;
            let mut groups: BTreeMap<(u8, String), Vec<PersonRef>> = BTreeMap::new();
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let person = PersonRef {
                    id: row.get(0)?,
                    display_name: row.get(1)?,
                };
                let mut keys = vec![(2, folded_name(&person.display_name))];
                if let Some(email) = row.get::<_, Option<String>>(2)? {
                    keys.push((0, canonical_email(&email)));
                }
                for email in people::unit_separated(row.get(4)?) {
                    keys.push((0, canonical_email(&email)));
                }
                if let Some(key) = row.get::<_, Option<String>>(3)?.as_deref().and_then(canonical_linkedin_url) {
                    keys.push((1, key));
                }
                for key in keys {
                    let group = groups.entry(key).or_default();
                    if !group.iter().any(|p| p.id == person.id) {
                        group.push(person.clone());
                    }
                }
            }
            let mut distinct = conn.prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM distinct_people WHERE first_id = ?1 AND second_id = ?2)",
            )?;
            let mut pairs: Vec<DuplicatePair> = Vec::new();
            for ((kind, key), group) in groups {
                for (i, first) in group.iter().enumerate() {
                    for second in &group[i + 1..] {
                        if pairs.iter().any(|p| p.first.id == first.id && p.second.id == second.id) {
                            continue;
                        }
                        if distinct.query_row(params![first.id, second.id], |r| r.get::<_, bool>(0))? {
                            continue;
                        }
                        let reason = match kind {
                            0 => format!("same email ({key})"),
                            1 => "same LinkedIn profile".to_string(),
                            _ => "same name".to_string(),
                        };
                        pairs.push(DuplicatePair {
                            first: first.clone(),
                            second: second.clone(),
                            reason,
                        });
                    }
                }
            }
            Ok(pairs)
        })
    }

    /// Remembers that two people are different, so they are not offered as duplicates again.
    pub fn mark_distinct(&self, first: i64, second: i64) -> Result<()> {
        let (first, second) = (first.min(second), first.max(second));
        self.write(|tx| {
            person_ref(tx, first)?;
            person_ref(tx, second)?;
            tx.execute(
                "INSERT OR IGNORE INTO distinct_people (first_id, second_id) VALUES (?1, ?2)",
                params![first, second],
            )?;
            Ok(())
        })
    }
}
