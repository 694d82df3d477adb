//! LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of your data).
//!
//! The file opens with a few lines of notes before the header row, which is found by its
//! column names. Older exports have no `URL` column; `Email Address` is usually empty (people
//! choose whether to share it). Dates read like `12 Mar 2024`. A file saved again by a
//! spreadsheet may be in a legacy charset: it is detected, and the summary says so.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::{Error, Result};

use super::charsets::{note, CharsetEvidence};
use super::text::decode_text;
use super::{Incoming, Parsed, Skipped};

pub const CIRCLE: &str = "LinkedIn";

const FIRST_NAME: &str = "first name";
const LAST_NAME: &str = "last name";

pub fn parse(bytes: &[u8]) -> Result<Parsed> {
    let decoded = decode_text(bytes)?;
    let text = decoded.text;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut columns: Option<HashMap<String, usize>> = None;
    let mut parsed = Parsed::default();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(&text);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                return Err(Error::invalid(
                    "file",
                    format!("This CSV file cannot be read: {error}."),
                ))
            }
        }
        let line = lines.line_at(record.position().map_or(0, |p| p.byte() as usize));
        let Some(columns) = &columns else {
            let names: HashMap<String, usize> = record
                .iter()
                .enumerate()
                .map(|(i, name)| (name.trim().to_lowercase(), i))
                .collect();
            if names.contains_key(FIRST_NAME) && names.contains_key(LAST_NAME) {
                columns = Some(names);
            }
            continue;
        };
        let repeated_header = record
            .iter()
            .zip(["first name", "last name"])
            .all(|(cell, name)| cell.trim().eq_ignore_ascii_case(name));
        if repeated_header || record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let source = format!("line {line}");
        match contact(&record, columns, &source) {
            // No need to read on: the whole file will be refused for its size.
            Ok(_) if parsed.contacts.len() == super::MAX_CONTACTS => {
                return Err(super::too_many_contacts(parsed.contacts.len() + 1))
            }
            Ok(contact) => {
                if let Some(encoding) = decoded.detected.filter(|_| !record.as_slice().is_ascii()) {
                    let how = CharsetEvidence::Detected;
                    note(&mut parsed.assumed_charsets, encoding, how, &contact);
                }
                parsed.contacts.push(contact)
            }
            Err(reason) => parsed.skipped.push(Skipped { source, reason }),
        }
    }
    if columns.is_none() {
        return Err(Error::invalid(
            "file",
            "This is not a LinkedIn connections export: no row names the columns “First Name” and “Last Name”.",
        ));
    }
    Ok(parsed)
}

/// Line numbers for messages. The reader's own line count skips blank lines, so lines are
/// counted from byte offsets, moving forward only (records come in order).
struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    newlines: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The 1-based line of the record starting at `offset` (which can fall on the end of the
    /// line before, with CRLF, hence the skip).
    fn line_at(&mut self, offset: usize) -> usize {
        let mut start = offset.min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.counted_to {
            self.newlines += self.bytes[self.counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.counted_to = start;
        }
        1 + self.newlines
    }
}

fn contact(
    record: &csv::StringRecord,
    columns: &HashMap<String, usize>,
    source: &str,
) -> std::result::Result<Incoming, String> {
    let cell = |name: &str| {
        columns
            .get(name)
            .and_then(|&i| record.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let given_name = cell(FIRST_NAME);
    let family_name = cell(LAST_NAME);
    let display_name = [given_name.as_deref(), family_name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if display_name.is_empty() {
        return Err("no name (LinkedIn leaves it empty for members who left)".into());
    }
    let connected_on =
        match cell("connected on") {
            Some(date) => Some(parse_date(&date).ok_or_else(|| {
                format!("“{date}” is not a date like “12 Mar 2024” (Connected On)")
            })?),
            None => None,
        };
    let title = cell("position");
    let organization = cell("company");
    Ok(Incoming {
        source: source.to_string(),
        display_name,
        given_name,
        family_name,
        emails: cell("email address").into_iter().collect(),
        linkedin_url: cell("url"),
        // A title without its organization says little; keep it in the notes instead.
        notes: title
            .as_ref()
            .filter(|_| organization.is_none())
            .map(|t| format!("Position on LinkedIn: {t}")),
        title: title.filter(|_| organization.is_some()),
        organization,
        connected_on: connected_on.map(|d| d.format("%Y-%m-%d").to_string()),
        circle: Some(CIRCLE.to_string()),
        how_met: Some("Connected on LinkedIn".to_string()),
        ..Default::default()
    })
}

/// `12 Mar 2024` (current exports), `03/12/24` and `2024-03-12` (older ones and spreadsheets).
fn parse_date(text: &str) -> Option<NaiveDate> {
    ["%d %b %Y", "%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d", "%d %B %Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_every_form_linkedin_has_used() {
        let march_12 = NaiveDate::from_ymd_opt(2024, 3, 12);
        assert_eq!(parse_date("12 Mar 2024"), march_12);
        assert_eq!(parse_date("03/12/24"), march_12);
        assert_eq!(parse_date("2024-03-12"), march_12);
        assert_eq!(parse_date("Mar 2024"), None);
    }
}
