//! People as CSV for spreadsheets, with formula injection neutralised.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::network::addresses::{Address, AddressKind};
use crate::network::people::Person;

const HEADER: [&str; 23] = [
    "Name",
    "Given name",
    "Family name",
    "Circle",
    "Organization",
    "Title",
    "Email",
    "Other emails",
    "Phone",
    "Other phones",
    "LinkedIn",
    "How met",
    "Tags",
    "Birthday",
    "Connected on",
    "Keep in touch (days)",
    "Notes",
    "Archived",
    "Added",
    "UID",
    "Home address",
    "Work address",
    "Other addresses",
];

/// The person's addresses of one kind, each on one line, separated by " | " (a named one as
/// "Cottage: …").
fn addresses_of(addresses: &[Address], kind: AddressKind) -> String {
    addresses
        .iter()
        .filter(|a| a.kind == kind)
        .map(|a| match &a.label {
            Some(label) => format!("{label}: {}", a.one_line()),
            None => a.one_line(),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) is prefixed with an apostrophe, which spreadsheets show as text.
pub fn neutralise_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

pub(super) fn write(people: &[Person], addresses: &HashMap<i64, Vec<Address>>) -> Result<String> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let failed = |e: ::csv::Error| Error::invalid("export", format!("cannot write CSV: {e}"));
    writer.write_record(HEADER).map_err(failed)?;
    for person in people {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let theirs = addresses
            .get(&person.id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let row = [
            person.display_name.clone(),
            text(&person.given_name),
            text(&person.family_name),
            text(&person.circle),
            text(&person.organization),
            text(&person.title),
            text(&person.email),
            person.other_emails.join("; "),
            text(&person.phone),
            person.other_phones.join("; "),
            text(&person.linkedin_url),
            text(&person.how_met),
            person.tags.join("; "),
            text(&person.birthday),
            text(&person.connected_on),
            person
                .cadence_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
            person.notes.clone(),
            if person.archived { "yes" } else { "" }.to_string(),
            person.created_at.format("%Y-%m-%d").to_string(),
            person.uid.clone(),
            addresses_of(theirs, AddressKind::Home),
            addresses_of(theirs, AddressKind::Work),
            addresses_of(theirs, AddressKind::Other),
        ];
        writer
            .write_record(row.iter().map(|cell| neutralise_cell(cell).into_owned()))
            .map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::invalid("export", format!("cannot write CSV: {e}")))?;
    // A BOM makes Excel read the file as UTF-8 rather than the system code page.
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::neutralise_cell;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised_and_others_left_alone() {
        for dangerous in [
            "=HYPERLINK(\"x\")",
            "+1 555 0100",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralise_cell(dangerous), format!("'{dangerous}"));
        }
        for safe in ["Ada", "", "1+1", "a=b", " =x"] {
            assert_eq!(neutralise_cell(safe), safe);
        }
    }
}
