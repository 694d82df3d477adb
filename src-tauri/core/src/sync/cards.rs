//! A person as the card sync sends (the exporter's card, with the circle as the first category
//! so that phones show it), and a card as the fields sync compares.

use std::collections::HashMap;

use calcard::vcard::{VCardProperty, VCardValue, VCardVersion};
use rusqlite::{Connection, OptionalExtension};

use super::accounts::CardVersion;
use super::foreign::add_foreign;
use super::merge::Fields;
use crate::error::{Error, Result};
use crate::exchange::export::vcard::{card, Extras};
use crate::exchange::import::{vcard, Incoming};
use crate::network::people::Person;
use crate::store::Store;

/// A person's card, to send: `text` carries the photo; `base` is the same card without it, as
/// kept for the merge (photos are never merged, and would make every row large).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingCard {
    pub uid: String,
    pub text: String,
    pub base: String,
}

pub(super) fn circle_names(conn: &Connection) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached("SELECT name FROM circle ORDER BY position, id")?;
    let names = statement
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

pub(super) fn written(card: &calcard::vcard::VCard, version: CardVersion) -> Result<String> {
    let mut out = String::new();
    let version = match version {
        CardVersion::V3 => VCardVersion::V3_0,
        CardVersion::V4 => VCardVersion::V4_0,
    };
    card.write_to(&mut out, version)
        .map_err(|_| Error::invalid("sync", "cannot write the vCard"))?;
    Ok(out)
}

impl Store {
    /// The card sync sends for a person to an account, with what other programs keep on its
    /// card there.
    pub fn outgoing_card(
        &self,
        account_id: i64,
        person_id: i64,
        version: CardVersion,
    ) -> Result<OutgoingCard> {
        let person = self.person(person_id)?;
        let links: Vec<_> = self
            .links_of(person_id)?
            .into_iter()
            .filter(|l| l.from.id == person_id)
            .collect();
        let mut extras = Extras::default();
        extras
            .addresses
            .insert(person_id, self.addresses(person_id)?);
        let uids: HashMap<i64, String> = self.read(|conn| {
            let mut statement = conn.prepare_cached("SELECT uid FROM person WHERE id = ?1")?;
            let mut uids = HashMap::new();
            for link in &links {
                uids.insert(link.to.id, statement.query_row([link.to.id], |r| r.get(0))?);
            }
            Ok(uids)
        })?;
        let foreign: Option<String> = self.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT foreign_properties FROM sync_card
                     WHERE account_id = ?1 AND person_id = ?2 AND role = 'own'",
                )?
                .query_row([account_id, person_id], |r| r.get(0))
                .optional()?
                .flatten())
        })?;
        let uid_of: HashMap<i64, &str> = uids.iter().map(|(id, uid)| (*id, uid.as_str())).collect();
        let link_refs: Vec<_> = links.iter().collect();
        let mut without_photo = card(&person, &link_refs, &uid_of, &extras);
        circle_first(&mut without_photo, &person);
        add_foreign(&mut without_photo, foreign.as_deref());
        let base = written(&without_photo, version)?;
        let text = match self.photo_original(person_id)? {
            Some(photo) => {
                extras.photos.insert(person_id, photo);
                let mut with_photo = card(&person, &link_refs, &uid_of, &extras);
                circle_first(&mut with_photo, &person);
                add_foreign(&mut with_photo, foreign.as_deref());
                written(&with_photo, version)?
            }
            None => base.clone(),
        };
        Ok(OutgoingCard {
            uid: person.uid,
            text,
            base,
        })
    }

    /// The fields of a card, with the circle read as sync writes it: `X-RAPPORT-CIRCLE` where
    /// the card kept it, otherwise the first category that names a circle (the others are tags).
    pub fn card_fields(&self, text: &str) -> Result<(Fields, Incoming)> {
        let circles = self.read(circle_names)?;
        let incoming = one_card(text)?;
        Ok((fields_of(&incoming, &circles), incoming))
    }
}

/// Phones show categories, not `X-RAPPORT-CIRCLE`: the circle goes first among them.
pub(super) fn circle_first(card: &mut calcard::vcard::VCard, person: &Person) {
    let Some(circle) = &person.circle else {
        return;
    };
    let mut values = vec![VCardValue::Text(circle.clone())];
    values.extend(person.tags.iter().map(|t| VCardValue::Text(t.clone())));
    match card
        .entries
        .iter_mut()
        .find(|e| e.name == VCardProperty::Categories)
    {
        Some(entry) => entry.values = values,
        None => card
            .entries
            .push(calcard::vcard::VCardEntry::new(VCardProperty::Categories).with_values(values)),
    }
}

pub(crate) fn one_card(text: &str) -> Result<Incoming> {
    let mut parsed = vcard::parse(text.as_bytes())?;
    match (parsed.contacts.len(), parsed.skipped.first()) {
        (1, _) => Ok(parsed.contacts.remove(0)),
        (_, Some(skipped)) => Err(Error::invalid("card", skipped.reason.clone())),
        (found, None) => Err(Error::invalid(
            "card",
            format!("a card on the server holds {found} contacts, not one"),
        )),
    }
}

pub(super) fn fields_of(incoming: &Incoming, circles: &[String]) -> Fields {
    let names_circle = |tag: &String| circles.iter().any(|c| c.eq_ignore_ascii_case(tag));
    let circle = incoming
        .circle
        .clone()
        .or_else(|| incoming.tags.iter().find(|t| names_circle(t)).cloned());
    let tags = incoming
        .tags
        .iter()
        .filter(|t| !circle.as_ref().is_some_and(|c| c.eq_ignore_ascii_case(t)))
        .cloned()
        .collect();
    let text = |value: &Option<String>| value.clone().filter(|v| !v.trim().is_empty());
    Fields {
        display_name: incoming.display_name.clone(),
        given_name: text(&incoming.given_name),
        family_name: text(&incoming.family_name),
        organization: text(&incoming.organization),
        title: text(&incoming.title),
        emails: incoming.emails.clone(),
        phones: incoming.phones.clone(),
        linkedin_url: text(&incoming.linkedin_url),
        birthday: text(&incoming.birthday),
        notes: text(&incoming.notes),
        circle,
        tags,
    }
}
