//! vCard 2.1, 3.0 and 4.0 as Google, Apple and Outlook export them, read with the `calcard`
//! parser (folding, groups, quoted-printable in legacy charsets, embedded photos). Rapport's own
//! export adds `X-RAPPORT-*` properties so that a round trip loses nothing.

use calcard::common::PartialDateTime;
use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardType,
    VCardValue, VCardVersion,
};
use calcard::{Entry, Parser};

use crate::error::{Error, Result};
use crate::network::links::LinkKind;

use super::matching::canonical_linkedin_url;
use super::{decode_text, Incoming, Parsed, Related, Skipped};

/// Properties only Rapport writes, read back on import.
pub const CIRCLE_PROPERTY: &str = "X-RAPPORT-CIRCLE";
pub const HOW_MET_PROPERTY: &str = "X-RAPPORT-HOW-MET";
pub const CONNECTED_ON_PROPERTY: &str = "X-RAPPORT-CONNECTED-ON";
/// On `RELATED`, the exact kind of link (vCard's own types cannot say "mentor" or "referred by").
pub const LINK_KIND_PARAMETER: &str = "X-RAPPORT-KIND";

/// Google adds every contact to this group; it says nothing about the person.
const GOOGLE_DEFAULT_GROUP: &str = "myContacts";

pub fn parse(bytes: &[u8]) -> Result<Parsed> {
    let text = normalise_dates(&decode_text(bytes)?);
    if !text.to_ascii_uppercase().contains("BEGIN:VCARD") {
        return Err(Error::invalid(
            "file",
            "This is not a vCard file: it holds no BEGIN:VCARD.",
        ));
    }
    let mut parsed = Parsed::default();
    let mut parser = Parser::new(&text);
    let mut card_number = 0;
    // The parser always advances; the bound only guards against a bug looping forever.
    for _ in 0..=text.len() {
        match parser.entry() {
            Entry::VCard(card) => {
                card_number += 1;
                let source = format!("card {card_number}");
                match contact(&card, &source) {
                    Ok(contact) => parsed.contacts.push(contact),
                    Err(reason) => parsed.skipped.push(Skipped { source, reason }),
                }
            }
            Entry::Eof => break,
            Entry::InvalidLine(line) if line.trim().is_empty() => {}
            Entry::InvalidLine(line) => parsed.skipped.push(Skipped {
                source: format!("after card {card_number}"),
                reason: format!("a line outside any card: “{}”", shorten(&line)),
            }),
            Entry::ICalendar(_) => parsed.skipped.push(Skipped {
                source: format!("after card {card_number}"),
                reason: "a calendar entry, not a contact".into(),
            }),
            other => parsed.skipped.push(Skipped {
                source: format!("after card {card_number}"),
                reason: format!("unreadable: {}", shorten(&format!("{other:?}"))),
            }),
        }
    }
    Ok(parsed)
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The parser reads `BDAY:--04-15` and `BDAY:1985-04-12` only partly (it expects the basic
/// forms `--0415` and `19850412`), so dates are rewritten to those forms before parsing.
fn normalise_dates(text: &str) -> String {
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

fn value_text(value: &VCardValue) -> String {
    match value {
        VCardValue::Text(text) => text.clone(),
        VCardValue::Component(parts) => parts.join(" "),
        other => other.as_text().map(str::to_string).unwrap_or_default(),
    }
}

fn first_text(entry: &VCardEntry) -> Option<String> {
    entry
        .values
        .first()
        .map(value_text)
        .map(|t| t.replace("\r\n", "\n").trim().to_string())
        .filter(|t| !t.is_empty())
}

fn is_named(entry: &VCardEntry, name: &str) -> bool {
    matches!(&entry.name, VCardProperty::Other(other) if other.eq_ignore_ascii_case(name))
}

fn other_parameter<'a>(entry: &'a VCardEntry, name: &str) -> Option<&'a VCardParameterValue> {
    entry
        .params
        .iter()
        .find(|p| matches!(&p.name, VCardParameterName::Other(n) if n.eq_ignore_ascii_case(name)))
        .map(|p| &p.value)
}

fn types(entry: &VCardEntry) -> Vec<String> {
    entry
        .parameters(&VCardParameterName::Type)
        .filter_map(|value| match value {
            VCardParameterValue::Type(kind) => Some(format!("{kind:?}").to_lowercase()),
            other => other.as_text().map(str::to_lowercase),
        })
        .collect()
}

/// A preferred value (`PREF=1`, or 3.0's `TYPE=pref`) sorts first.
fn preference(entry: &VCardEntry) -> u32 {
    let pref = entry
        .parameters(&VCardParameterName::Pref)
        .find_map(|v| match v {
            VCardParameterValue::Integer(n) => Some(*n),
            VCardParameterValue::Null => Some(1),
            _ => None,
        });
    pref.or_else(|| types(entry).iter().any(|t| t == "pref").then_some(1))
        .unwrap_or(u32::MAX)
}

fn link_kind(entry: &VCardEntry) -> LinkKind {
    let exact = other_parameter(entry, LINK_KIND_PARAMETER)
        .and_then(|v| v.as_text())
        .and_then(|kind| LinkKind::ALL.into_iter().find(|k| k.as_str() == kind));
    if let Some(kind) = exact {
        return kind;
    }
    let kinds: Vec<VCardType> = entry
        .parameters(&VCardParameterName::Type)
        .filter_map(|v| match v {
            VCardParameterValue::Type(kind) => Some(kind.clone()),
            _ => None,
        })
        .collect();
    if kinds
        .iter()
        .any(|k| matches!(k, VCardType::Colleague | VCardType::CoWorker))
    {
        LinkKind::Colleague
    } else if kinds.iter().any(|k| {
        matches!(
            k,
            VCardType::Kin
                | VCardType::Child
                | VCardType::Parent
                | VCardType::Sibling
                | VCardType::Spouse
        )
    }) {
        LinkKind::Family
    } else {
        LinkKind::Knows
    }
}

/// `YYYY-MM-DD`, or `--MM-DD` without a year (Apple marks that with a placeholder year).
fn birthday(entry: &VCardEntry) -> Option<String> {
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

fn contact(card: &VCard, source: &str) -> std::result::Result<Incoming, String> {
    let mut incoming = Incoming {
        source: source.to_string(),
        ..Default::default()
    };
    let mut formatted_name = None;
    let mut emails: Vec<(u32, String)> = Vec::new();
    let mut phones: Vec<(u32, String)> = Vec::new();
    let mut extra_notes: Vec<String> = Vec::new();
    for entry in &card.entries {
        match &entry.name {
            VCardProperty::Fn => formatted_name = first_text(entry),
            VCardProperty::N => {
                let part = |i: usize| {
                    entry
                        .values
                        .get(i)
                        .map(value_text)
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty())
                };
                incoming.family_name = part(0);
                incoming.given_name = part(1);
            }
            VCardProperty::Uid => {
                incoming.uid = first_text(entry).map(|uid| {
                    uid.strip_prefix("urn:uuid:")
                        .map(str::to_string)
                        .unwrap_or(uid)
                })
            }
            VCardProperty::Email => {
                if let Some(email) = first_text(entry) {
                    emails.push((preference(entry), email));
                }
            }
            VCardProperty::Tel => {
                if let Some(phone) = first_text(entry) {
                    let phone = phone
                        .strip_prefix("tel:")
                        .map(str::to_string)
                        .unwrap_or(phone);
                    phones.push((preference(entry), phone));
                }
            }
            VCardProperty::Org => {
                incoming.organization = entry
                    .values
                    .first()
                    .map(value_text)
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
            }
            VCardProperty::Title => incoming.title = first_text(entry),
            VCardProperty::Note => incoming.notes = first_text(entry),
            VCardProperty::Bday => incoming.birthday = birthday(entry),
            VCardProperty::Categories => incoming.tags.extend(
                entry
                    .values
                    .iter()
                    .map(value_text)
                    .flat_map(|t| {
                        t.split(',')
                            .map(|s| s.trim().to_string())
                            .collect::<Vec<_>>()
                    })
                    .filter(|t| !t.is_empty() && t != GOOGLE_DEFAULT_GROUP),
            ),
            VCardProperty::Url | VCardProperty::Socialprofile => {
                if let Some(url) = first_text(entry) {
                    if canonical_linkedin_url(&url).is_some() && incoming.linkedin_url.is_none() {
                        incoming.linkedin_url = Some(url);
                    }
                }
            }
            VCardProperty::Related => {
                let Some(value) = first_text(entry) else {
                    continue;
                };
                match value.strip_prefix("urn:uuid:") {
                    Some(uid) => incoming.related.push(Related {
                        uid: uid.to_string(),
                        kind: link_kind(entry),
                    }),
                    None => extra_notes.push(format!("Related: {value}")),
                }
            }
            _ if is_named(entry, "X-SOCIALPROFILE") => {
                if let Some(url) = first_text(entry) {
                    if canonical_linkedin_url(&url).is_some() && incoming.linkedin_url.is_none() {
                        incoming.linkedin_url = Some(url);
                    }
                }
            }
            _ if is_named(entry, CIRCLE_PROPERTY) => incoming.circle = first_text(entry),
            _ if is_named(entry, HOW_MET_PROPERTY) => incoming.how_met = first_text(entry),
            _ if is_named(entry, CONNECTED_ON_PROPERTY) => {
                incoming.connected_on = first_text(entry)
                    .filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
            }
            _ => {}
        }
    }
    emails.sort_by_key(|(pref, _)| *pref);
    phones.sort_by_key(|(pref, _)| *pref);
    incoming.emails = dedup(emails.into_iter().map(|(_, e)| e));
    incoming.phones = dedup(phones.into_iter().map(|(_, p)| p));
    if !extra_notes.is_empty() {
        let mut notes: Vec<String> = incoming.notes.take().into_iter().collect();
        notes.extend(extra_notes);
        incoming.notes = Some(notes.join("\n"));
    }
    if incoming.title.is_some() && incoming.organization.is_none() {
        let title = incoming.title.take().unwrap_or_default();
        incoming.notes = Some(match incoming.notes.take() {
            Some(notes) => format!("{notes}\nTitle: {title}"),
            None => format!("Title: {title}"),
        });
    }
    if matches!(
        card.version(),
        Some(VCardVersion::V2_0 | VCardVersion::V2_1)
    ) {
        for field in [
            &mut formatted_name,
            &mut incoming.given_name,
            &mut incoming.family_name,
            &mut incoming.organization,
            &mut incoming.title,
            &mut incoming.notes,
        ] {
            if let Some(text) = field.as_mut() {
                *text = undo_mojibake(text);
            }
        }
    }
    let from_parts = [
        incoming.given_name.as_deref(),
        incoming.family_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    incoming.display_name = formatted_name
        .or(Some(from_parts).filter(|n| !n.is_empty()))
        .or_else(|| incoming.organization.clone())
        .or_else(|| incoming.emails.first().cloned())
        .ok_or("no name, organization or email")?;
    Ok(incoming)
}

/// vCard 2.1 quoted-printable with no CHARSET is decoded as Latin-1, but phones write UTF-8
/// there: "Ã–ztÃ¼rk". If the text, encoded back to Windows-1252, is valid UTF-8, that was it.
/// Real Latin-1 text ("Müller") is not valid UTF-8 that way and is kept.
fn undo_mojibake(text: &str) -> String {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    match std::str::from_utf8(&bytes) {
        Ok(utf8) if !unmappable && utf8 != text => utf8.to_string(),
        _ => text.to_string(),
    }
}

fn dedup(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = Vec::new();
    for value in values {
        if !seen.iter().any(|s: &String| s.eq_ignore_ascii_case(&value)) {
            seen.push(value);
        }
    }
    seen
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

    #[test]
    fn utf8_read_as_latin1_is_repaired_and_real_latin1_is_kept() {
        assert_eq!(undo_mojibake("Ã–ztÃ¼rk AyÅŸe"), "Öztürk Ayşe");
        assert_eq!(undo_mojibake("Jürgen Müller"), "Jürgen Müller");
        assert_eq!(undo_mojibake("Ada"), "Ada");
    }
}
