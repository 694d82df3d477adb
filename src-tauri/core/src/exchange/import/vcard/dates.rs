//! Dates on cards: rewriting dashed dates to the forms the parser reads, and birthdays with or
//! without a year.

use calcard::common::PartialDateTime;
use calcard::vcard::{VCardEntry, VCardValue};

use super::card::other_parameter;

/// The parser reads `BDAY:--04-15` and `BDAY:1985-04-12` only partly (it expects the basic
/// forms `--0415` and `19850412`), so dates are rewritten to those forms before parsing.
pub(super) fn normalise_dates(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let name_end = line.find([';', ':']).unwrap_or(0);
        let name = &line[..name_end];
        let name = name.rsplit_once('.').map_or(name, |(_, n)| n);
        let is_date = ["BDAY", "ANNIVERSARY"]
            .iter()
            .any(|p| name.eq_ignore_ascii_case(p));
        let value_start = line[name_end..].find(':').map(|i| name_end + i + 1);
        match value_start {
            Some(start) if is_date => {
                let (head, value) = line.split_at(start);
                out.push_str(head);
                out.push_str(&basic_date(value).unwrap_or_else(|| value.to_string()));
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// `--04-15` → `--0415`, `1985-04-12` → `19850412`, keeping what ends the line.
fn basic_date(value: &str) -> Option<String> {
    let trimmed = value.trim_end();
    let ending = &value[trimmed.len()..];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = trimmed.split('-').collect();
    match parts.as_slice() {
        ["", "", month, day]
            if month.len() == 2 && day.len() == 2 && digits(month) && digits(day) =>
        {
            Some(format!("--{month}{day}{ending}"))
        }
        [year, month, day]
            if year.len() == 4
                && month.len() == 2
                && day.len() == 2
                && digits(year)
                && digits(month)
                && digits(day) =>
        {
            Some(format!("{year}{month}{day}{ending}"))
        }
        _ => None,
    }
}

/// `YYYY-MM-DD`, or `--MM-DD` without a year (Apple marks that with a placeholder year).
pub(super) fn birthday(entry: &VCardEntry) -> Option<String> {
    let Some(VCardValue::PartialDateTime(PartialDateTime {
        year,
        month: Some(month),
        day: Some(day),
        ..
    })) = entry.values.first()
    else {
        return None;
    };
    let omitted = other_parameter(entry, "X-APPLE-OMIT-YEAR")
        .and_then(|v| v.as_text())
        .is_some_and(|omit| Some(omit.to_string()) == year.map(|y| y.to_string()));
    let valid = (1..=12).contains(month) && (1..=31).contains(day);
    match year.filter(|_| !omitted) {
        _ if !valid => None,
        Some(year) => Some(format!("{year:04}-{month:02}-{day:02}")),
        None => Some(format!("--{month:02}-{day:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashed_dates_are_rewritten_to_the_basic_form_the_parser_reads() {
        assert_eq!(normalise_dates("BDAY:--04-15\r\n"), "BDAY:--0415\r\n");
        assert_eq!(
            normalise_dates("item1.BDAY;VALUE=date:1985-04-12\n"),
            "item1.BDAY;VALUE=date:19850412\n"
        );
        assert_eq!(
            normalise_dates("BDAY:1970-01-01T00:00:00Z\n"),
            "BDAY:1970-01-01T00:00:00Z\n"
        );
        assert_eq!(normalise_dates("NOTE:1985-04-12\n"), "NOTE:1985-04-12\n");
    }
}
