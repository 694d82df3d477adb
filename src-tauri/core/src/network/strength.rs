//! Relationship strength, 0 to 5: how close the user is to someone. The user can set it; until
//! they do, it follows the records: a starting point from the circle (family is closer than a
//! LinkedIn connection) raised by how often they have been in touch. A closeness the user set
//! also sets how often to keep in touch, unless they set that too.

use crate::error::{Error, Result};

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

/// The keep-in-touch cadence a closeness the user set asks for (very close: monthly; a little:
/// twice a year); none for the barely known, who follow their circle.
pub fn cadence_for(strength: u8) -> Option<i64> {
    match strength {
        5 => Some(30),
        4 => Some(60),
        3 => Some(90),
        2 => Some(180),
        _ => None,
    }
}

/// A person's keep-in-touch cadence in SQL, over `p` (the person) and `c` (their circle): their
/// own; else the one their closeness asks for, when the user set it; else their circle's. Kept in
/// step with [`cadence_for`] by a test.
pub(crate) const CADENCE_SQL: &str = "coalesce(p.cadence_days, \
     CASE p.strength WHEN 5 THEN 30 WHEN 4 THEN 60 WHEN 3 THEN 90 WHEN 2 THEN 180 END, c.cadence_days)";

/// Refuses a strength over five.
pub fn check(strength: Option<u8>) -> Result<()> {
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
    fn the_cadence_in_sql_is_the_cadence_for_each_strength() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for strength in 0..=STRONGEST {
            let sql = format!(
                "SELECT {CADENCE_SQL} FROM (SELECT NULL AS cadence_days, ?1 AS strength) p,
                 (SELECT NULL AS cadence_days) c"
            );
            let found: Option<i64> = conn.query_row(&sql, [strength], |r| r.get(0)).unwrap();
            assert_eq!(found, cadence_for(strength), "strength {strength}");
        }
    }

    #[test]
    fn the_stored_due_dates_use_the_same_cadence_as_the_queries() {
        // Migration 11's triggers spell the cadence out again (a migration cannot use this
        // constant): every way of having, or not having, a cadence must agree.
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::store::migrations::migrate(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO circle (id, name, cadence_days) VALUES (100, 'Every 45', 45), (101, 'None', NULL);",
        )
        .unwrap();
        let mut people = 0;
        for circle in [None, Some(100), Some(101)] {
            for own in [None, Some(7)] {
                for strength in [None, Some(0), Some(1), Some(2), Some(3), Some(4), Some(5)] {
                    people += 1;
                    conn.execute(
                        "INSERT INTO person (id, display_name, circle_id, cadence_days, strength, created_at, updated_at)
                         VALUES (?1, 'P', ?2, ?3, ?4, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                        rusqlite::params![people, circle, own, strength],
                    )
                    .unwrap();
                    conn.execute(
                        "INSERT INTO last_contact (person_id, at) VALUES (?1, '2026-02-01T09:30:00Z')",
                        [people],
                    )
                    .unwrap();
                }
            }
        }
        let sql = format!(
            "SELECT p.id, {CADENCE_SQL}, (SELECT round(due - julianday('2026-02-01T09:30:00Z'))
                                           FROM keep_in_touch_due WHERE person_id = p.id)
             FROM person p LEFT JOIN circle c ON c.id = p.circle_id"
        );
        let mut statement = conn.prepare(&sql).unwrap();
        let rows: Vec<(i64, Option<i64>, Option<f64>)> = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows.len(), people as usize);
        for (id, cadence, stored) in rows {
            assert_eq!(stored.map(|d| d as i64), cadence, "person {id}");
        }
    }

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
