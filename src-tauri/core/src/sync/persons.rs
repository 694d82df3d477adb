//! A person as sync compares and writes them, inside the caller's transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};

use super::accounts::CardVersion;
use super::cards::{circle_first, circle_names, fields_of, one_card, written};
use super::merge::Fields;
use crate::error::Result;
use crate::exchange::export::vcard::{card, Extras};
use crate::followups::keep_in_touch::update_in;
use crate::network::circles;
use crate::network::people::{self, PersonInput};
use crate::store::zone::Zone;

/// The person's fields, read back from the card sync would send, so that they compare with a
/// card from the server as that card is read (same parser, same normalisation).
pub(super) fn fields_in(tx: &Transaction, person_id: i64) -> Result<Fields> {
    let person = people::load(tx, person_id)?;
    let mut own = card(&person, &[], &Default::default(), &Extras::default());
    circle_first(&mut own, &person);
    let incoming = one_card(&written(&own, CardVersion::V4)?)?;
    Ok(fields_of(&incoming, &circle_names(tx)?))
}

/// Writes merged fields into the person, keeping everything sync does not compare (how you
/// met, cadence, closeness).
pub(super) fn write_fields(
    tx: &Transaction,
    person_id: i64,
    fields: &Fields,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<()> {
    let person = people::load(tx, person_id)?;
    let (emails, not_emails): (Vec<&String>, Vec<&String>) =
        fields.emails.iter().partition(|e| people::is_email(e));
    let mut notes = fields.notes.clone().unwrap_or_default();
    for text in not_emails {
        if !notes.contains(text.as_str()) {
            notes.push_str(&format!("\nEmail as given: {text}"));
        }
    }
    // A circle another computer made comes with the card: this store gets it too, under the
    // name it has here when it is the same circle said differently.
    let circle = match &fields.circle {
        Some(name) => {
            let id = circles::id_or_create(tx, name)?;
            Some(
                tx.prepare_cached("SELECT name FROM circle WHERE id = ?1")?
                    .query_row([id], |r| r.get::<_, String>(0))?,
            )
        }
        None => person.circle.clone(),
    };
    let input = PersonInput {
        display_name: fields.display_name.clone(),
        given_name: fields.given_name.clone(),
        family_name: fields.family_name.clone(),
        circle,
        organization: fields.organization.clone(),
        title: fields.title.clone(),
        email: emails.first().map(|e| e.to_string()),
        phone: fields.phones.first().cloned(),
        linkedin_url: fields.linkedin_url.clone(),
        how_met: person.how_met,
        notes: Some(notes.trim().to_string()),
        tags: fields.tags.clone(),
        cadence_days: person.cadence_days,
        birthday: fields.birthday.clone(),
        strength: person.strength_set.then_some(person.strength),
    };
    update_in(tx, person_id, input, now, zone)?;
    for (kind, others) in [
        (
            "email",
            emails
                .iter()
                .skip(1)
                .map(|e| e.as_str())
                .collect::<Vec<_>>(),
        ),
        (
            "phone",
            fields.phones.iter().skip(1).map(String::as_str).collect(),
        ),
    ] {
        tx.prepare_cached("DELETE FROM contact_point WHERE person_id = ?1 AND kind = ?2")?
            .execute(params![person_id, kind])?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO contact_point (person_id, kind, value) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
        )?;
        for value in others {
            insert.execute(params![person_id, kind, value])?;
        }
    }
    Ok(())
}
