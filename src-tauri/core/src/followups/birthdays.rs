//! Birthday reminders: a follow-up of kind `birthday` for each person's next birthday, at 09:00
//! local on the day (or a set number of days before), through the same notifications as every
//! follow-up. Each year's reminder is its own follow-up (its origin names the day), so marking
//! one done never silences the next: the next is armed as soon as the day has passed.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::followups::{self, FollowupKind};
use crate::network::birthdays;
use crate::store::settings::{read_setting, write_setting};
use crate::store::time::{local_to_utc, to_db};
use crate::store::zone::Zone;
use crate::store::Store;

/// The hour a birthday reminder comes, local time.
pub const REMINDER_HOUR: u32 = 9;
/// A reminder can come up to this many days before the birthday.
pub const MOST_DAYS_BEFORE: u32 = 30;
/// A birthday missed stays in Today this long (a belated wish is still kind), then goes.
const BELATED: Duration = Duration::days(7);
const DAYS_BEFORE_KEY: &str = "birthday.days_before";

/// The origin key of a person's reminder for the birthday that falls on `day` (a changed
/// birthday is a new reminder).
pub fn origin(person_id: i64, day: NaiveDate) -> String {
    format!("person:{person_id}:birthday:{}", day.format("%Y-%m-%d"))
}

/// When the reminder for a birthday on `day` comes.
pub fn reminder_at(day: NaiveDate, days_before: u32, zone: &Zone) -> Option<DateTime<Utc>> {
    let on = day - Duration::days(i64::from(days_before));
    local_to_utc(
        on.and_time(NaiveTime::from_hms_opt(REMINDER_HOUR, 0, 0)?),
        zone,
    )
}

fn days_before(conn: &Connection) -> Result<u32> {
    Ok(read_setting(conn, DAYS_BEFORE_KEY)?
        .and_then(|text| text.parse().ok())
        .filter(|days| *days <= MOST_DAYS_BEFORE)
        .unwrap_or(0))
}

/// Arms the reminder of one person's next birthday (nothing when they have none), and removes
/// pending ones that no longer match it: a changed birthday, or one missed over a week ago.
pub(crate) fn arm(
    conn: &Connection,
    person_id: i64,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<()> {
    let found: Option<(String, Option<String>, bool)> = conn
        .prepare_cached(
            "SELECT display_name, birthday, is_me OR archived_at IS NOT NULL OR deleted_at IS NOT NULL
             FROM person WHERE id = ?1",
        )?
        .query_row([person_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((name, birthday, left_out)) = found else {
        return Ok(());
    };
    let today = now.with_timezone(zone).date_naive();
    let next = birthday
        .filter(|_| !left_out)
        .and_then(|b| birthdays::next_on_or_after(&b, today));
    let keep = next.map(|day| origin(person_id, day));
    conn.prepare_cached(
        "DELETE FROM followup WHERE person_id = ?1 AND kind = 'birthday' AND state = 'pending'
           AND origin IS NOT ?2 AND (due_at > ?3 OR due_at < ?4)",
    )?
    .execute(params![person_id, keep, to_db(now), to_db(now - BELATED)])?;
    let (Some(day), Some(origin)) = (next, keep) else {
        return Ok(());
    };
    let Some(due) = reminder_at(day, days_before(conn)?, zone) else {
        return Ok(());
    };
    // Done or dismissed this year stays so; only a missing reminder is made.
    let exists: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM followup WHERE origin = ?1)")?
        .query_row([&origin], |r| r.get(0))?;
    if !exists {
        followups::upsert_for_rule(
            conn,
            &origin,
            person_id,
            FollowupKind::Birthday,
            &title(&name),
            due,
            now,
        )?;
    }
    Ok(())
}

fn title(name: &str) -> String {
    format!("{name}'s birthday")
}

/// Arms every birthday that has no reminder ahead yet (at start, and once a day after), and
/// lets go of reminders missed more than a week ago.
pub(crate) fn arm_all(conn: &Connection, now: DateTime<Utc>, zone: &Zone) -> Result<usize> {
    conn.prepare_cached(
        "DELETE FROM followup WHERE kind = 'birthday' AND state = 'pending' AND due_at < ?1",
    )?
    .execute([to_db(now - BELATED)])?;
    let mut statement = conn.prepare_cached(
        "SELECT p.id FROM person p
         WHERE p.birthday IS NOT NULL AND p.is_me = 0 AND p.deleted_at IS NULL AND p.archived_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.person_id = p.id AND f.kind = 'birthday'
                           AND f.due_at >= ?1)",
    )?;
    let ids = statement
        .query_map([to_db(now)], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for &id in &ids {
        arm(conn, id, now, zone)?;
    }
    Ok(ids.len())
}

impl Store {
    /// Makes sure every birthday has its reminder ahead (the reminder loop calls this daily).
    pub fn arm_birthdays(&self) -> Result<usize> {
        let (now, zone) = (self.now(), self.zone());
        self.write(|tx| arm_all(tx, now, &zone))
    }

    /// How many days before a birthday its reminder comes (0: on the day).
    pub fn birthday_days_before(&self) -> Result<u32> {
        self.read(days_before)
    }

    /// Moves every pending birthday reminder to `days` before its day.
    pub fn set_birthday_days_before(&self, days: u32) -> Result<u32> {
        if days > MOST_DAYS_BEFORE {
            return Err(Error::invalid(
                "daysBefore",
                format!("A birthday reminder comes at most {MOST_DAYS_BEFORE} days before."),
            ));
        }
        let (now, zone) = (self.now(), self.zone());
        self.write(|tx| {
            write_setting(tx, DAYS_BEFORE_KEY, Some(&days.to_string()))?;
            tx.execute(
                "DELETE FROM followup WHERE kind = 'birthday' AND state = 'pending' AND due_at > ?1",
                [to_db(now)],
            )?;
            arm_all(tx, now, &zone)?;
            Ok(days)
        })
    }
}
