//! Times are stored as UTC text in one fixed RFC 3339 form, so that SQL can compare them as
//! strings, and parsed from what a person types.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, SecondsFormat, TimeZone, Utc};

use crate::error::{Error, Result};

/// The stored form: `2026-03-01T09:30:00Z`.
pub fn to_db(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn from_db(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| Error::invalid("time", format!("stored time {text:?} is unreadable: {e}")))
}

/// Parses WHEN as typed on the command line or in a form: RFC 3339 (`2026-03-01T09:30:00+01:00`),
/// a relative offset (`+90s`, `+15m`, `+2h`, `+3d`, `+1w`), or a local date and time
/// (`2026-03-01 09:30`, `2026-03-01T09:30`, or a bare date, meaning 09:00 that day).
pub fn parse_when<Tz: TimeZone>(
    input: &str,
    now: DateTime<Utc>,
    zone: &Tz,
) -> Result<DateTime<Utc>> {
    let text = input.trim();
    let bad = || {
        Error::invalid(
            "due",
            format!(
                "“{input}” is not a date: use RFC 3339 (2026-03-01T09:30:00Z), a local time \
                 (2026-03-01 09:30) or an offset such as +90s, +2h, +3d"
            ),
        )
    };
    if text.is_empty() {
        return Err(bad());
    }
    if let Some(offset) = text.strip_prefix('+') {
        return parse_offset(offset).map(|d| now + d).ok_or_else(bad);
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(local) = chrono::NaiveDateTime::parse_from_str(text, format) {
            return local_to_utc(local, zone).ok_or_else(bad);
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        let morning = date.and_time(NaiveTime::from_hms_opt(9, 0, 0).expect("09:00 is a time"));
        return local_to_utc(morning, zone).ok_or_else(bad);
    }
    Err(bad())
}

fn parse_offset(offset: &str) -> Option<Duration> {
    let split = offset.find(|c: char| !c.is_ascii_digit())?;
    let (digits, unit) = offset.split_at(split);
    let amount: i64 = digits.parse().ok()?;
    let seconds = match unit {
        "s" => 1,
        "m" | "min" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 604_800,
        _ => return None,
    };
    amount.checked_mul(seconds).and_then(Duration::try_seconds)
}

/// A wall-clock time in `zone` as UTC. In a DST gap the time does not exist: take the next
/// valid instant one hour later rather than failing; in an overlap take the earlier instant.
pub fn local_to_utc<Tz: TimeZone>(
    local: chrono::NaiveDateTime,
    zone: &Tz,
) -> Option<DateTime<Utc>> {
    zone.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            zone.from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

/// The first instant of the next local day in `zone` (the tray's "today" ends then).
pub fn next_local_midnight<Tz: TimeZone>(now: DateTime<Utc>, zone: &Tz) -> DateTime<Utc> {
    let tomorrow = now.with_timezone(zone).date_naive() + Duration::days(1);
    local_to_utc(tomorrow.and_time(NaiveTime::MIN), zone).unwrap_or(now + Duration::days(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn now() -> DateTime<Utc> {
        from_db("2026-03-01T12:00:00Z").unwrap()
    }

    #[test]
    fn relative_offsets_count_from_now() {
        let utc = Utc;
        assert_eq!(
            parse_when("+90s", now(), &utc).unwrap(),
            now() + Duration::seconds(90)
        );
        assert_eq!(
            parse_when("+2h", now(), &utc).unwrap(),
            now() + Duration::hours(2)
        );
        assert_eq!(
            parse_when("+3d", now(), &utc).unwrap(),
            now() + Duration::days(3)
        );
        assert_eq!(
            parse_when("+1w", now(), &utc).unwrap(),
            now() + Duration::days(7)
        );
    }

    #[test]
    fn the_next_local_midnight_is_in_the_given_zone() {
        let paris = FixedOffset::east_opt(3600).unwrap();
        assert_eq!(
            to_db(next_local_midnight(now(), &paris)),
            "2026-03-01T23:00:00Z"
        );
        assert_eq!(
            to_db(next_local_midnight(
                from_db("2026-03-01T23:30:00Z").unwrap(),
                &paris
            )),
            "2026-03-02T23:00:00Z"
        );
    }

    #[test]
    fn rfc3339_keeps_its_offset() {
        let at = parse_when("2026-03-02T09:30:00+01:00", now(), &Utc).unwrap();
        assert_eq!(to_db(at), "2026-03-02T08:30:00Z");
    }

    #[test]
    fn local_times_are_read_in_the_given_zone() {
        let paris = FixedOffset::east_opt(3600).unwrap();
        assert_eq!(
            to_db(parse_when("2026-03-02 09:30", now(), &paris).unwrap()),
            "2026-03-02T08:30:00Z"
        );
        assert_eq!(
            to_db(parse_when("2026-03-02", now(), &paris).unwrap()),
            "2026-03-02T08:00:00Z"
        );
    }

    #[test]
    fn nonsense_is_an_invalid_due_time() {
        for input in [
            "",
            "tomorrow-ish",
            "+",
            "+5y",
            "+s",
            "2026-13-01",
            "+99999999999999999d",
        ] {
            let err = parse_when(input, now(), &Utc).unwrap_err();
            assert_eq!(err.code(), "invalid_input", "{input:?}");
            assert_eq!(err.field(), Some("due"));
        }
    }
}
