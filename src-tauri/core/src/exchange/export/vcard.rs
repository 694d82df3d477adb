//! People as vCard 4.0 (RFC 6350), written by the `calcard` crate (escaping, folding, CRLF).
//! Links become `RELATED` with the other person's UID; Rapport's own fields that vCard has no
//! property for are `X-RAPPORT-*`, read back by the importer.

use std::collections::HashMap;

use base64::Engine;
use calcard::common::PartialDateTime;
use calcard::vcard::{
    VCard, VCardEntry, VCardParameter, VCardParameterName, VCardProperty, VCardType, VCardValue,
    VCardVersion,
};

use crate::error::{Error, Result};
use crate::exchange::import::vcard::{
    CIRCLE_PROPERTY, CONNECTED_ON_PROPERTY, HOW_MET_PROPERTY, LABEL_PROPERTY, LINK_KIND_PARAMETER,
};
use crate::network::addresses::{Address, AddressKind};
use crate::network::links::{Link, LinkKind};
use crate::network::people::Person;
use crate::network::photos::Original;

/// What a card carries beyond the person row: their addresses and their photo.
#[derive(Default)]
pub(crate) struct Extras {
    pub addresses: HashMap<i64, Vec<Address>>,
    pub photos: HashMap<i64, Original>,
}

fn text(value: &str) -> VCardValue {
    VCardValue::Text(value.to_string())
}

/// A UUID is written as the URN vCard 4.0 recommends; any other UID (from an address book
/// that made its own) as it came.
fn uid_value(uid: &str) -> String {
    if uuid::Uuid::parse_str(uid).is_ok() {
        format!("urn:uuid:{uid}")
    } else {
        uid.to_string()
    }
}

/// The nearest vCard relation type; the exact kind rides along in `X-RAPPORT-KIND`.
fn relation_type(kind: LinkKind) -> VCardType {
    match kind {
        LinkKind::Colleague => VCardType::Colleague,
        LinkKind::Family => VCardType::Kin,
        LinkKind::Knows => VCardType::Acquaintance,
        LinkKind::IntroducedBy | LinkKind::ReferredBy => VCardType::Met,
        LinkKind::Mentor => VCardType::Contact,
    }
}

fn birthday(text: &str) -> Option<VCardValue> {
    let number = |s: &str| s.parse::<u8>().ok();
    let date = if let Some(month_day) = text.strip_prefix("--") {
        let (month, day) = month_day.split_once('-')?;
        PartialDateTime {
            month: number(month),
            day: number(day),
            ..Default::default()
        }
    } else {
        let mut parts = text.splitn(3, '-');
        PartialDateTime {
            year: parts.next()?.parse().ok(),
            month: number(parts.next()?),
            day: number(parts.next()?),
            ..Default::default()
        }
    };
    Some(VCardValue::PartialDateTime(date))
}

/// `ADR` with its kind as `TYPE`; a named address in a group with `X-ABLABEL`, as Apple and
/// Google write it (and read it back).
fn address_entries(addresses: &[Address]) -> Vec<VCardEntry> {
    let mut entries = Vec::new();
    for (i, address) in addresses.iter().enumerate() {
        let mut entry = VCardEntry::new(VCardProperty::Adr)
            .with_values(address.parts().iter().map(|p| text(p)).collect());
        entry = match address.kind {
            AddressKind::Home => entry.with_param(VCardParameter::typ(VCardType::Home)),
            AddressKind::Work => entry.with_param(VCardParameter::typ(VCardType::Work)),
            AddressKind::Other => entry,
        };
        if let Some(label) = &address.label {
            let group = format!("item{}", i + 1);
            entry.group = Some(group.clone());
            let mut named = VCardEntry::new(VCardProperty::Other(LABEL_PROPERTY.to_string()))
                .with_value(text(label));
            named.group = Some(group);
            entries.push(entry);
            entries.push(named);
        } else {
            entries.push(entry);
        }
    }
    entries
}

/// The original photo, inline as 4.0's `data:` URI, byte for byte as it was stored. Written as
/// the URI text (`data:image/jpeg;base64,…`, as RFC 6350 and Apple and Google write it): the
/// parser's binary form would escape its comma.
fn photo_entry(photo: &Original) -> VCardEntry {
    let uri = format!(
        "data:{};base64,{}",
        photo.media_type,
        base64::engine::general_purpose::STANDARD.encode(&photo.bytes)
    );
    VCardEntry::new(VCardProperty::Photo).with_value(text(&uri))
}

pub(crate) fn card(
    person: &Person,
    links: &[&Link],
    uid_of: &HashMap<i64, &str>,
    extras: &Extras,
) -> VCard {
    let mut entries = vec![
        VCardEntry::new(VCardProperty::Uid).with_value(text(&uid_value(&person.uid))),
        VCardEntry::new(VCardProperty::Fn).with_value(text(&person.display_name)),
        VCardEntry::new(VCardProperty::N).with_values(vec![
            text(person.family_name.as_deref().unwrap_or_default()),
            text(person.given_name.as_deref().unwrap_or_default()),
            text(""),
            text(""),
            text(""),
        ]),
    ];
    let mut add = |entry: VCardEntry| entries.push(entry);
    for (i, email) in person.email.iter().chain(&person.other_emails).enumerate() {
        let entry = VCardEntry::new(VCardProperty::Email).with_value(text(email));
        add(if i == 0 {
            entry.with_param(VCardParameter::pref(1u32))
        } else {
            entry
        });
    }
    for (i, phone) in person.phone.iter().chain(&person.other_phones).enumerate() {
        let entry = VCardEntry::new(VCardProperty::Tel).with_value(text(phone));
        add(if i == 0 {
            entry.with_param(VCardParameter::pref(1u32))
        } else {
            entry
        });
    }
    if let Some(organization) = &person.organization {
        add(VCardEntry::new(VCardProperty::Org).with_value(text(organization)));
    }
    if let Some(title) = &person.title {
        add(VCardEntry::new(VCardProperty::Title).with_value(text(title)));
    }
    if let Some(url) = &person.linkedin_url {
        add(VCardEntry::new(VCardProperty::Url).with_value(text(url)));
    }
    if let Some(addresses) = extras.addresses.get(&person.id) {
        address_entries(addresses).into_iter().for_each(&mut add);
    }
    if let Some(value) = person.birthday.as_deref().and_then(birthday) {
        add(VCardEntry::new(VCardProperty::Bday).with_value(value));
    }
    if !person.tags.is_empty() {
        add(VCardEntry::new(VCardProperty::Categories)
            .with_values(person.tags.iter().map(|t| text(t)).collect()));
    }
    if !person.notes.is_empty() {
        add(VCardEntry::new(VCardProperty::Note).with_value(text(&person.notes)));
    }
    for (property, value) in [
        (CIRCLE_PROPERTY, &person.circle),
        (HOW_MET_PROPERTY, &person.how_met),
        (CONNECTED_ON_PROPERTY, &person.connected_on),
    ] {
        if let Some(value) = value {
            add(VCardEntry::new(VCardProperty::Other(property.to_string())).with_value(text(value)));
        }
    }
    for link in links {
        let Some(other) = uid_of.get(&link.to.id) else {
            continue;
        };
        add(VCardEntry::new(VCardProperty::Related)
            .with_param(VCardParameter::typ(relation_type(link.kind)))
            .with_param(VCardParameter::new(
                VCardParameterName::Other(LINK_KIND_PARAMETER.to_string()),
                link.kind.as_str().to_string(),
            ))
            .with_value(text(&format!("urn:uuid:{other}"))));
    }
    if let Some(photo) = extras.photos.get(&person.id) {
        add(photo_entry(photo));
    }
    VCard { entries }
}

/// Every person as a vCard 4.0. A link is written once, on the card of the person it starts
/// from; links to people not exported (you) are left out.
pub(super) fn write(people: &[Person], links: &[Link], extras: &Extras) -> Result<String> {
    let uid_of: HashMap<i64, &str> = people.iter().map(|p| (p.id, p.uid.as_str())).collect();
    let mut links_from: HashMap<i64, Vec<&Link>> = HashMap::new();
    for link in links {
        links_from.entry(link.from.id).or_default().push(link);
    }
    let mut out = String::new();
    for person in people {
        let links = links_from
            .get(&person.id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        card(person, links, &uid_of, extras)
            .write_to(&mut out, VCardVersion::V4_0)
            .map_err(|_| Error::invalid("export", "cannot write the vCard"))?;
    }
    Ok(out)
}
