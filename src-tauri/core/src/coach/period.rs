//! The periods goals and the plan are counted in, in the user's zone: the ISO week (Monday to
//! Sunday, named `2026-W49`), the calendar month (`2026-12`), and all time.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};

use crate::store::time::local_to_utc;
use crate::store::zone::Zone;

/// A span of time, `start` included and `end` not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

fn midnight(day: NaiveDate, zone: &Zone) -> DateTime<Utc> {
    local_to_utc(day.and_time(NaiveTime::MIN), zone).expect("a day has a first instant")
}

/// The Monday of the week `now` falls in, locally.
pub fn monday_of(now: DateTime<Utc>, zone: &Zone) -> NaiveDate {
    let today = now.with_timezone(zone).date_naive();
    today - Duration::days(i64::from(today.weekday().num_days_from_monday()))
}

/// The ISO week `now` falls in: `2026-W49`.
pub fn week_label(now: DateTime<Utc>, zone: &Zone) -> String {
    let week = now.with_timezone(zone).date_naive().iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

pub fn week_of(now: DateTime<Utc>, zone: &Zone) -> Span {
    week_from(monday_of(now, zone), zone)
}

/// The calendar month `now` falls in: `2026-12`.
pub fn month_label(now: DateTime<Utc>, zone: &Zone) -> String {
    now.with_timezone(zone).format("%Y-%m").to_string()
}

pub fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).expect("every month has a first")
}

pub fn next_month(first: NaiveDate) -> NaiveDate {
    let (year, month) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).expect("every month has a first")
}

pub fn month_of(now: DateTime<Utc>, zone: &Zone) -> Span {
    month_from(first_of_month(now.with_timezone(zone).date_naive()), zone)
}

/// The span of the local month that starts on `first`.
pub fn month_from(first: NaiveDate, zone: &Zone) -> Span {
    Span {
        start: midnight(first, zone),
        end: midnight(next_month(first), zone),
    }
}

/// The span of the local week that starts on `monday`.
pub fn week_from(monday: NaiveDate, zone: &Zone) -> Span {
    Span {
        start: midnight(monday, zone),
        end: midnight(monday + Duration::days(7), zone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::time::{from_db, to_db};
    use chrono::FixedOffset;

    #[test]
    fn weeks_run_monday_to_monday_in_the_users_zone() {
        // Sunday 29 November 2026, 23:30 in UTC-5: still week 48 there.
        let zone = Zone::Fixed(FixedOffset::west_opt(5 * 3600).unwrap());
        let now = from_db("2026-11-30T04:30:00Z").unwrap();
        assert_eq!(week_label(now, &zone), "2026-W48");
        let week = week_of(now, &zone);
        assert_eq!(to_db(week.start), "2026-11-23T05:00:00Z");
        assert_eq!(to_db(week.end), "2026-11-30T05:00:00Z");
    }

    #[test]
    fn the_iso_year_names_the_first_days_of_january() {
        let now = from_db("2027-01-01T12:00:00Z").unwrap();
        assert_eq!(week_label(now, &Zone::UTC), "2026-W53");
    }

    #[test]
    fn months_end_at_the_next_first() {
        let now = from_db("2026-12-31T12:00:00Z").unwrap();
        let month = month_of(now, &Zone::UTC);
        assert_eq!(month_label(now, &Zone::UTC), "2026-12");
        assert_eq!(to_db(month.end), "2027-01-01T00:00:00Z");
    }
}
