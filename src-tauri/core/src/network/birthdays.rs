//! Birthdays as people type them and as cards carry them: `YYYY-MM-DD`, or `--MM-DD` when the
//! year is not known; and the day a birthday next falls on (29 February falls on the 28th in
//! other years).

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};

/// A leap year, so that `--02-29` is a date.
const ANY_LEAP_YEAR: i32 = 2000;

/// Reads a birthday as typed (`1999-04-12`, `04-12`, `--04-12`) into its stored form.
pub fn parse(typed: &str) -> Result<String> {
    let text = typed.trim();
    let bad = || {
        Error::invalid(
            "birthday",
            format!("“{text}” is not a birthday: write YYYY-MM-DD, or MM-DD without the year."),
        )
    };
    let without_year = text.strip_prefix("--").unwrap_or(text);
    if without_year.len() == 5 {
        let date =
            NaiveDate::parse_from_str(&format!("{ANY_LEAP_YEAR}-{without_year}"), "%Y-%m-%d")
                .map_err(|_| bad())?;
        return Ok(format!("--{:02}-{:02}", date.month(), date.day()));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())?;
    if text.len() != 10 {
        return Err(bad());
    }
    Ok(date.format("%Y-%m-%d").to_string())
}

/// Month and day of a stored birthday (either form), if it reads.
pub fn month_day(stored: &str) -> Option<(u32, u32)> {
    let rest = stored.strip_prefix("--").or_else(|| stored.get(5..))?;
    let (month, day) = rest.split_once('-')?;
    let (month, day) = (month.parse().ok()?, day.parse().ok()?);
    NaiveDate::from_ymd_opt(ANY_LEAP_YEAR, month, day).map(|_| (month, day))
}

/// The year of birth, when known.
pub fn year(stored: &str) -> Option<i32> {
    if stored.starts_with("--") {
        return None;
    }
    stored.get(..4)?.parse().ok()
}

/// The day the birthday falls on in `year`: 29 February is kept on the 28th in other years.
pub fn in_year(month: u32, day: u32, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
        (month == 2 && day == 29)
            .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .flatten()
    })
}

/// The first day on or after `from` that the stored birthday falls on.
pub fn next_on_or_after(stored: &str, from: NaiveDate) -> Option<NaiveDate> {
    let (month, day) = month_day(stored)?;
    let this_year = in_year(month, day, from.year())?;
    if this_year >= from {
        Some(this_year)
    } else {
        in_year(month, day, from.year() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn birthdays_are_read_with_or_without_the_year() {
        assert_eq!(parse("1999-04-12").unwrap(), "1999-04-12");
        assert_eq!(parse(" 04-12 ").unwrap(), "--04-12");
        assert_eq!(parse("--04-12").unwrap(), "--04-12");
        assert_eq!(parse("02-29").unwrap(), "--02-29");
    }

    #[test]
    fn impossible_dates_are_refused() {
        for typed in [
            "2026-02-30",
            "2023-02-29",
            "13-01",
            "04-31",
            "1999-4-12",
            "tomorrow",
            "",
        ] {
            let error = parse(typed).unwrap_err();
            assert_eq!(error.field(), Some("birthday"), "{typed}");
        }
    }

    #[test]
    fn the_next_birthday_is_today_or_later() {
        assert_eq!(
            next_on_or_after("1999-04-12", date("2026-04-12")),
            Some(date("2026-04-12"))
        );
        assert_eq!(
            next_on_or_after("1999-04-12", date("2026-04-13")),
            Some(date("2027-04-12"))
        );
        assert_eq!(
            next_on_or_after("--12-31", date("2026-12-02")),
            Some(date("2026-12-31"))
        );
    }

    #[test]
    fn a_leap_day_birthday_falls_on_the_28th_in_other_years() {
        assert_eq!(
            next_on_or_after("2004-02-29", date("2026-01-10")),
            Some(date("2026-02-28"))
        );
        assert_eq!(
            next_on_or_after("--02-29", date("2027-03-01")),
            Some(date("2028-02-29"))
        );
    }

    #[test]
    fn the_year_is_known_only_in_the_full_form() {
        assert_eq!(year("1999-04-12"), Some(1999));
        assert_eq!(year("--04-12"), None);
        assert_eq!(month_day("--04-12"), Some((4, 12)));
        assert_eq!(month_day("garbage"), None);
    }
}
