//! One card's properties read into an incoming contact: names, addresses and phones in order of
//! preference, organization, notes, tags, profiles and Rapport's own properties.

use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
    VCardVersion,
};

use crate::exchange::import::matching::canonical_linkedin_url;
use crate::exchange::import::{Incoming, Related};

use super::charset::undo_mojibake;
use super::dates::birthday;
use super::related::link_kind;
use super::{CIRCLE_PROPERTY, CONNECTED_ON_PROPERTY, HOW_MET_PROPERTY};

/// Google adds every contact to this group; it says nothing about the person.
const GOOGLE_DEFAULT_GROUP: &str = "myContacts";

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

pub(super) fn other_parameter<'a>(
    entry: &'a VCardEntry,
    name: &str,
) -> Option<&'a VCardParameterValue> {
    entry
        .params
        .iter()
        .find(|p| matches!(&p.name, VCardParameterName::Other(n) if n.eq_ignore_ascii_case(name)))
        .map(|p| &p.value)
}

pub(super) fn types(entry: &VCardEntry) -> Vec<String> {
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

pub(super) fn contact(card: &VCard, source: &str) -> std::result::Result<Incoming, String> {
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
    incoming.addresses = super::address::addresses(card);
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

fn dedup(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = Vec::new();
    for value in values {
        if !seen.iter().any(|s: &String| s.eq_ignore_ascii_case(&value)) {
            seen.push(value);
        }
    }
    seen
}
