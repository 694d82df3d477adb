//! Relationship strength, 0 to 5: how close the user is to someone. The user can set it; until
//! they do, it follows the records: a starting point from the circle (family is closer than a
//! LinkedIn connection) raised by how often they have been in touch.

use rusqlite::params;

use crate::error::{Error, Result};
use crate::network::people::{self, Person};
use crate::store::time::to_db;
use crate::store::Store;

pub const STRONGEST: u8 = 5;

/// Counts a person's logged interactions, for [`default_for`]; `p` is the person's alias.
pub(crate) const INTERACTION_COUNT: &str =
    "(SELECT count(*) FROM interaction_participant ip WHERE ip.person_id = p.id)";

/// A strength in words, as a warm path explains it: "close (4 of 5)".
pub fn words(strength: u8) -> String {
    let words = match strength {
        0 => "barely know them",
        1 => "acquaintance",
        2 => "know them a little",
        3 => "know them well",
        4 => "close",
        _ => "very close",
    };
    format!("{words} ({} of 5)", strength.min(STRONGEST))
}

/// Where someone starts, by the circle they were listed in.
pub fn circle_base(circle: Option<&str>) -> u8 {
    match circle.map(str::to_lowercase).as_deref() {
        Some("family") => 4,
        Some("friends" | "supervisors" | "professors & advisors") => 3,
        Some("coworkers" | "classmates" | "community" | "student organizations") => 2,
        Some("events & career fairs" | "online" | "linkedin") => 1,
        // A circle of the user's own making, or none: somewhere in the middle.
        _ => 2,
    }
}

/// The default strength: the circle's, one more from 3 interactions logged, two more from 10.
pub fn default_for(circle: Option<&str>, interactions: i64) -> u8 {
    let bonus = match interactions {
        i64::MIN..=2 => 0,
        3..=9 => 1,
        _ => 2,
    };
    (circle_base(circle) + bonus).min(STRONGEST)
}

impl Store {
    /// Sets how close the user is to someone (0-5), or with `None` lets it follow the records
    /// again.
    pub fn set_strength(&self, person_id: i64, strength: Option<u8>) -> Result<Person> {
        check(strength)?;
        let now = self.now();
        self.write(|tx| {
            people::ensure_exists(tx, person_id)?;
            tx.execute(
                "UPDATE person SET strength = ?2, updated_at = ?3 WHERE id = ?1",
                params![person_id, strength, to_db(now)],
            )?;
            people::load(tx, person_id)
        })
    }
}

pub(crate) fn check(strength: Option<u8>) -> Result<()> {
    match strength {
        Some(s) if s > STRONGEST => Err(Error::invalid(
            "strength",
            "Strength goes from 0 (barely know them) to 5 (very close).",
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_starts_closer_than_a_linkedin_connection() {
        assert!(default_for(Some("Family"), 0) > default_for(Some("LinkedIn"), 0));
        assert_eq!(default_for(Some("LinkedIn"), 0), 1);
        assert_eq!(default_for(None, 0), 2);
    }

    #[test]
    fn being_in_touch_often_makes_a_tie_stronger_up_to_five() {
        assert_eq!(default_for(Some("Classmates"), 2), 2);
        assert_eq!(default_for(Some("Classmates"), 3), 3);
        assert_eq!(default_for(Some("Classmates"), 10), 4);
        assert_eq!(default_for(Some("Family"), 50), 5);
    }
}
