//! The user's settings that live with their data: quiet hours for notifications, whether they
//! were asked about starting at login. (A circle's keep-in-touch cadence is the circle's own, in
//! `network::circles`.)

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::time::local_to_utc;
use crate::store::Store;

const QUIET_HOURS_KEY: &str = "quiet_hours";
const AUTOSTART_ASKED_KEY: &str = "autostart_asked";
const BACKUP_DIR_KEY: &str = "backup_dir";
const NOTIFICATION_TROUBLE_KEY: &str = "notification_trouble";

/// No notification is shown from `start` until `end`, local time (the window may cross
/// midnight: 22:00 to 08:00). What comes due meanwhile is shown when they end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuietHours {
    /// `HH:MM`
    #[serde(with = "hh_mm")]
    pub start: NaiveTime,
    #[serde(with = "hh_mm")]
    pub end: NaiveTime,
}

mod hh_mm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(time: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&time.format("%H:%M").to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M").map_err(serde::de::Error::custom)
    }
}

impl QuietHours {
    fn contains(&self, time: NaiveTime) -> bool {
        if self.start <= self.end {
            self.start <= time && time < self.end
        } else {
            time >= self.start || time < self.end
        }
    }

    /// When the quiet hours `now` falls in end, or None when `now` is not in them.
    pub fn until<Tz: TimeZone>(&self, now: DateTime<Utc>, zone: &Tz) -> Option<DateTime<Utc>> {
        let local = now.with_timezone(zone);
        if !self.contains(local.time()) {
            return None;
        }
        let mut day = local.date_naive();
        if local.time() >= self.end {
            day = day.succ_opt()?;
        }
        let end = local_to_utc(day.and_time(self.end), zone)?;
        // However the local clock jumps (a DST change), the quiet ends after now.
        Some(end.max(now + Duration::minutes(1)))
    }
}

pub(crate) fn read_setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(crate) fn write_setting(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(value) => conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?,
        None => conn.execute("DELETE FROM setting WHERE key = ?1", [key])?,
    };
    Ok(())
}

impl Store {
    pub fn quiet_hours(&self) -> Result<Option<QuietHours>> {
        self.read(|conn| {
            // A hand-edited value that does not read is as if none were set.
            Ok(read_setting(conn, QUIET_HOURS_KEY)?
                .and_then(|text| serde_json::from_str::<QuietHours>(&text).ok()))
        })
    }

    /// Why notifications cannot be shown, as the process that shows them (the agent) found out:
    /// `"missing"` (no notification service) or `"refused"` (turned off for Rapport); for the
    /// window, another process, to say so.
    pub fn notification_trouble(&self) -> Result<Option<String>> {
        self.read(|conn| read_setting(conn, NOTIFICATION_TROUBLE_KEY))
    }

    /// Records (or, with None, clears) why notifications cannot be shown.
    pub fn set_notification_trouble(&self, why: Option<&str>) -> Result<()> {
        self.write(|tx| write_setting(tx, NOTIFICATION_TROUBLE_KEY, why))
    }

    /// Sets (or, with None, clears) the quiet hours. Start and end must differ.
    pub fn set_quiet_hours(&self, quiet: Option<QuietHours>) -> Result<Option<QuietHours>> {
        if let Some(q) = quiet {
            if q.start == q.end {
                return Err(Error::invalid(
                    "quietHours",
                    "Quiet hours need a start and an end that differ.",
                ));
            }
        }
        let text = quiet.map(|q| serde_json::to_string(&q).expect("times serialise"));
        self.write(|tx| write_setting(tx, QUIET_HOURS_KEY, text.as_deref()))?;
        Ok(quiet)
    }

    /// When notifications may be shown again, if `now` is within the quiet hours.
    pub fn quiet_until<Tz: TimeZone>(
        &self,
        now: DateTime<Utc>,
        zone: &Tz,
    ) -> Result<Option<DateTime<Utc>>> {
        Ok(self.quiet_hours()?.and_then(|q| q.until(now, zone)))
    }

    /// The folder chosen for backups, if the user chose one (otherwise `backups/` in the data
    /// folder).
    pub fn chosen_backup_dir(&self) -> Result<Option<std::path::PathBuf>> {
        self.read(|conn| Ok(read_setting(conn, BACKUP_DIR_KEY)?.map(std::path::PathBuf::from)))
    }

    /// Chooses where daily and manual backups go (None: back to the data folder's `backups/`).
    /// The folder must be an absolute path Rapport can create and write to.
    pub fn set_backup_dir(&self, dir: Option<&std::path::Path>) -> Result<()> {
        if let Some(dir) = dir {
            if !dir.is_absolute() {
                return Err(Error::invalid(
                    "backupDir",
                    "Give the backup folder as a full path, like /home/you/Backups/Rapport.",
                ));
            }
            let probe = dir.join(".rapport-write-test");
            std::fs::create_dir_all(dir)
                .and_then(|_| std::fs::write(&probe, b"ok"))
                .and_then(|_| std::fs::remove_file(&probe))
                .map_err(|e| {
                    Error::invalid(
                        "backupDir",
                        format!("Rapport cannot write to {}: {e}.", dir.display()),
                    )
                })?;
        }
        let text = dir.map(|d| d.display().to_string());
        self.write(|tx| write_setting(tx, BACKUP_DIR_KEY, text.as_deref()))
    }

    /// Whether the user has been asked if Rapport should start at login (asked once).
    pub fn autostart_asked(&self) -> Result<bool> {
        self.read(|conn| Ok(read_setting(conn, AUTOSTART_ASKED_KEY)?.is_some()))
    }

    pub fn set_autostart_asked(&self) -> Result<()> {
        let now = crate::store::time::to_db(self.now());
        self.write(|tx| write_setting(tx, AUTOSTART_ASKED_KEY, Some(&now)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn quiet(start: &str, end: &str) -> QuietHours {
        QuietHours {
            start: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
            end: NaiveTime::parse_from_str(end, "%H:%M").unwrap(),
        }
    }

    #[test]
    fn overnight_quiet_hours_end_the_next_morning_local_time() {
        let paris = FixedOffset::east_opt(3600).unwrap();
        let night = quiet("22:00", "08:00");
        // 23:30 in Paris: quiet until 08:00 the next day.
        assert_eq!(
            night.until(at("2026-03-01T22:30:00Z"), &paris),
            Some(at("2026-03-02T07:00:00Z"))
        );
        // 06:00 in Paris: quiet until 08:00 the same day.
        assert_eq!(
            night.until(at("2026-03-02T05:00:00Z"), &paris),
            Some(at("2026-03-02T07:00:00Z"))
        );
        // 12:00 in Paris: not quiet.
        assert_eq!(night.until(at("2026-03-02T11:00:00Z"), &paris), None);
    }

    #[test]
    fn daytime_quiet_hours_end_the_same_day() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let lunch = quiet("12:00", "13:30");
        assert_eq!(
            lunch.until(at("2026-03-02T12:15:00Z"), &utc),
            Some(at("2026-03-02T13:30:00Z"))
        );
        assert_eq!(
            lunch.until(at("2026-03-02T13:30:00Z"), &utc),
            None,
            "the end is not quiet"
        );
        assert_eq!(lunch.until(at("2026-03-02T11:59:00Z"), &utc), None);
    }
}
