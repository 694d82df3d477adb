//! Postal addresses: where a person lives or works, as address books keep them (vCard `ADR`'s
//! seven parts, home or work, and a name the book may give one). An address is not identity:
//! importing never matches anyone by it.

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::people;
use crate::store::time::to_db;
use crate::store::Store;

/// More addresses than this for one person is not an address book's card.
pub const MAX_ADDRESSES: usize = 20;
/// Each part of an address, and its label, at most this many characters.
pub const MAX_PART_CHARS: usize = 500;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressKind {
    Home,
    Work,
    #[default]
    Other,
}

impl AddressKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AddressKind::Home => "home",
            AddressKind::Work => "work",
            AddressKind::Other => "other",
        }
    }

    fn parse(text: &str) -> AddressKind {
        match text {
            "home" => AddressKind::Home,
            "work" => AddressKind::Work,
            _ => AddressKind::Other,
        }
    }
}

/// One postal address, in vCard's parts (all may be empty but not every one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    pub kind: AddressKind,
    /// A name the address book gave it ("Cottage"); None for plain home or work.
    pub label: Option<String>,
    pub po_box: String,
    pub extended: String,
    pub street: String,
    pub locality: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
}

impl Address {
    /// The parts in vCard's order: PO box, extended, street, locality, region, code, country.
    pub fn parts(&self) -> [&str; 7] {
        [
            &self.po_box,
            &self.extended,
            &self.street,
            &self.locality,
            &self.region,
            &self.postal_code,
            &self.country,
        ]
    }

    fn parts_mut(&mut self) -> [&mut String; 7] {
        [
            &mut self.po_box,
            &mut self.extended,
            &mut self.street,
            &mut self.locality,
            &mut self.region,
            &mut self.postal_code,
            &mut self.country,
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|p| p.trim().is_empty())
    }

    /// On one line, as a list or a spreadsheet shows it: "1 Main St, Springfield IL 62701, USA".
    pub fn one_line(&self) -> String {
        let place = [&self.locality, &self.region, &self.postal_code]
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        [
            self.po_box.trim(),
            self.extended.trim(),
            self.street.trim(),
            place.as_str(),
            self.country.trim(),
        ]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.replace('\n', ", "))
        .collect::<Vec<_>>()
        .join(", ")
    }

    /// Trimmed parts, an empty label as none; refuses what is too long.
    pub fn cleaned(mut self) -> Result<Address> {
        for part in self.parts_mut() {
            *part = part.trim().replace("\r\n", "\n");
            if part.chars().count() > MAX_PART_CHARS {
                return Err(Error::invalid(
                    "address",
                    format!("An address line can be at most {MAX_PART_CHARS} characters."),
                ));
            }
        }
        self.label = self
            .label
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty());
        if self
            .label
            .as_ref()
            .is_some_and(|l| l.chars().count() > MAX_PART_CHARS)
        {
            return Err(Error::invalid(
                "address",
                format!("An address's name can be at most {MAX_PART_CHARS} characters."),
            ));
        }
        Ok(self)
    }
}

fn address_from_row(row: &rusqlite::Row) -> rusqlite::Result<(i64, Address)> {
    let kind: String = row.get(1)?;
    Ok((
        row.get(0)?,
        Address {
            kind: AddressKind::parse(&kind),
            label: row.get(2)?,
            po_box: row.get(3)?,
            extended: row.get(4)?,
            street: row.get(5)?,
            locality: row.get(6)?,
            region: row.get(7)?,
            postal_code: row.get(8)?,
            country: row.get(9)?,
        },
    ))
}

const SELECT: &str = "SELECT person_id, kind, label, po_box, extended, street, locality, region,
                             postal_code, country FROM address";

/// One person's addresses, in their order.
pub(crate) fn of_person(conn: &Connection, person_id: i64) -> Result<Vec<Address>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE person_id = ?1 ORDER BY position, id"
    ))?;
    let rows = statement.query_map([person_id], address_from_row)?;
    Ok(rows
        .map(|r| r.map(|(_, a)| a))
        .collect::<rusqlite::Result<_>>()?)
}

/// Everyone's addresses by person, for the exports.
pub(crate) fn everyone(conn: &Connection) -> Result<HashMap<i64, Vec<Address>>> {
    let mut statement = conn.prepare(&format!("{SELECT} ORDER BY person_id, position, id"))?;
    let mut by_person: HashMap<i64, Vec<Address>> = HashMap::new();
    for row in statement.query_map([], address_from_row)? {
        let (person, address) = row?;
        by_person.entry(person).or_default().push(address);
    }
    Ok(by_person)
}

/// Adds addresses after the person's others, skipping any they already have (same kind, label
/// and parts). Returns how many were added.
pub(crate) fn add(tx: &Transaction, person_id: i64, addresses: &[Address]) -> Result<usize> {
    let mut stored = of_person(tx, person_id)?;
    let mut added = 0;
    for address in addresses {
        if address.is_empty() || stored.contains(address) || stored.len() >= MAX_ADDRESSES {
            continue;
        }
        tx.prepare_cached(
            "INSERT INTO address (person_id, position, kind, label, po_box, extended, street,
                 locality, region, postal_code, country)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            person_id,
            stored.len() as i64,
            address.kind.as_str(),
            address.label,
            address.po_box,
            address.extended,
            address.street,
            address.locality,
            address.region,
            address.postal_code,
            address.country
        ])?;
        stored.push(address.clone());
        added += 1;
    }
    Ok(added)
}

impl Store {
    /// A person's postal addresses, in their order.
    pub fn addresses(&self, person_id: i64) -> Result<Vec<Address>> {
        self.read(|conn| {
            people::ensure_exists(conn, person_id)?;
            of_person(conn, person_id)
        })
    }

    /// Replaces a person's addresses with these (empty ones dropped), as the person page edits
    /// them. Returns them as stored.
    pub fn set_addresses(&self, person_id: i64, addresses: Vec<Address>) -> Result<Vec<Address>> {
        let cleaned = addresses
            .into_iter()
            .map(Address::cleaned)
            .filter(|a| a.as_ref().map_or(true, |a| !a.is_empty()))
            .collect::<Result<Vec<_>>>()?;
        if cleaned.len() > MAX_ADDRESSES {
            return Err(Error::invalid(
                "address",
                format!("A person can have at most {MAX_ADDRESSES} addresses."),
            ));
        }
        let now = self.now();
        self.write(|tx| {
            people::ensure_exists(tx, person_id)?;
            tx.execute("DELETE FROM address WHERE person_id = ?1", [person_id])?;
            add(tx, person_id, &cleaned)?;
            tx.execute(
                "UPDATE person SET updated_at = ?2 WHERE id = ?1",
                params![person_id, to_db(now)],
            )?;
            of_person(tx, person_id)
        })
    }
}
