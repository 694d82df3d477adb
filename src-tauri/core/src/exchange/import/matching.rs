//! How an incoming contact is recognised as someone already stored: by LinkedIn profile, then
//! email, then vCard UID, then phone number with the same name, then name and organization
//! together. A contact that is nothing but a name is taken to be the person of that name (so
//! that importing the same file twice adds nobody); one whose details match nobody but whose name
//! is someone's is added and flagged as a possible duplicate.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::Result;
pub(crate) use crate::network::identity::{
    canonical_email, canonical_linkedin_url, folded_name, is_email, phone_key,
};

use super::Incoming;

/// What an incoming contact matched, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// Same person, by profile, email, UID or name + organization.
    Same(i64),
    /// Someone with the same name, and this contact has details that person lacks: add, and
    /// flag as a possible duplicate.
    NameOnly,
    None,
}

/// Every key of everyone stored, loaded once per import so that 30,000 rows are matched in
/// memory; keys of people added during the import are added as they are made, so a file that
/// lists someone twice adds them once.
#[derive(Default)]
pub(crate) struct Index {
    linkedin: HashMap<String, i64>,
    /// Each person's profile: two different profiles are two different people.
    linkedin_of: HashMap<i64, String>,
    email: HashMap<String, i64>,
    /// Everyone with each number: a number can be shared (a family landline, a switchboard).
    phone: HashMap<String, Vec<i64>>,
    /// Each person's folded name, to check a phone match against.
    name_of: HashMap<i64, String>,
    uid: HashMap<String, i64>,
    name_and_organization: HashMap<(String, String), i64>,
    name: HashMap<String, Vec<i64>>,
}

impl Index {
    pub(crate) fn load(conn: &Connection) -> Result<Index> {
        let mut index = Index::default();
        let mut people = conn.prepare(
            "SELECT id, display_name, linkedin_url, email, uid, phone
             FROM person WHERE deleted_at IS NULL AND is_me = 0",
        )?;
        let mut rows = people.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            index.add(
                id,
                &row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?.as_deref(),
                row.get::<_, Option<String>>(3)?.as_deref(),
                row.get::<_, Option<String>>(4)?.as_deref(),
            );
            if let Some(phone) = row.get::<_, Option<String>>(5)? {
                index.add_phone(id, &phone);
            }
        }
        // One row per role: organization names may hold any character, so none can separate them.
        let mut roles = conn.prepare(
            "SELECT p.id, p.display_name, o.name FROM role r
             JOIN person p ON p.id = r.person_id
             JOIN organization o ON o.id = r.organization_id
             WHERE p.deleted_at IS NULL AND p.is_me = 0",
        )?;
        let mut rows = roles.query([])?;
        while let Some(row) = rows.next()? {
            index.add_organization(
                row.get(0)?,
                &row.get::<_, String>(1)?,
                &row.get::<_, String>(2)?,
            );
        }
        let mut points = conn.prepare(
            "SELECT c.person_id, c.kind, c.value FROM contact_point c
             JOIN person p ON p.id = c.person_id
             WHERE p.deleted_at IS NULL AND p.is_me = 0",
        )?;
        let mut rows = points.query([])?;
        while let Some(row) = rows.next()? {
            let (id, kind, value): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
            if kind == "email" {
                index.add_email(id, &value);
            } else {
                index.add_phone(id, &value);
            }
        }
        Ok(index)
    }

    pub(crate) fn add(
        &mut self,
        id: i64,
        name: &str,
        linkedin_url: Option<&str>,
        email: Option<&str>,
        uid: Option<&str>,
    ) {
        if let Some(key) = linkedin_url.and_then(canonical_linkedin_url) {
            self.linkedin.entry(key.clone()).or_insert(id);
            self.linkedin_of.entry(id).or_insert(key);
        }
        if let Some(email) = email {
            self.add_email(id, email);
        }
        if let Some(uid) = uid {
            self.uid.entry(uid.to_string()).or_insert(id);
        }
        self.name_of.entry(id).or_insert_with(|| folded_name(name));
        let ids = self.name.entry(folded_name(name)).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    pub(crate) fn add_email(&mut self, id: i64, email: &str) {
        if is_email(email) {
            self.email.entry(canonical_email(email)).or_insert(id);
        }
    }

    pub(crate) fn add_phone(&mut self, id: i64, phone: &str) {
        if let Some(key) = phone_key(phone) {
            let ids = self.phone.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    pub(crate) fn add_organization(&mut self, id: i64, name: &str, organization: &str) {
        self.name_and_organization
            .entry((folded_name(name), folded_name(organization)))
            .or_insert(id);
    }

    pub(crate) fn find(&self, contact: &Incoming) -> Match {
        let profile = contact
            .linkedin_url
            .as_deref()
            .and_then(canonical_linkedin_url);
        let by_key = profile
            .as_ref()
            .and_then(|key| self.linkedin.get(key))
            .or_else(|| {
                contact
                    .emails
                    .iter()
                    .filter(|email| is_email(email))
                    .find_map(|email| self.email.get(&canonical_email(email)))
            })
            .or_else(|| contact.uid.as_ref().and_then(|uid| self.uid.get(uid)))
            .or_else(|| {
                // A number can be shared (a family landline, an office switchboard): it names
                // the same person only together with the same name.
                let name = folded_name(&contact.display_name);
                contact
                    .phones
                    .iter()
                    .filter_map(|phone| phone_key(phone).and_then(|key| self.phone.get(&key)))
                    .flatten()
                    .find(|id| self.name_of.get(id) == Some(&name))
            })
            .or_else(|| {
                // Namesakes at one organization with different profiles are two people.
                contact
                    .organization
                    .as_ref()
                    .and_then(|organization| {
                        self.name_and_organization.get(&(
                            folded_name(&contact.display_name),
                            folded_name(organization),
                        ))
                    })
                    .filter(|id| match (&profile, self.linkedin_of.get(id)) {
                        (Some(theirs), Some(ours)) => theirs == ours,
                        _ => true,
                    })
            });
        if let Some(id) = by_key {
            return Match::Same(*id);
        }
        let Some(&first) = self
            .name
            .get(&folded_name(&contact.display_name))
            .and_then(|ids| ids.first())
        else {
            return Match::None;
        };
        // A contact that is nothing but a name cannot be told apart from someone of that name
        // already here, so it is them (importing the same file twice must add nobody). One with
        // a profile, email or organization that matched nobody is someone else of that name.
        let only_a_name = contact.organization.is_none()
            && !contact.emails.iter().any(|e| is_email(e))
            && contact.phones.iter().all(|p| phone_key(p).is_none())
            && contact.uid.is_none()
            && profile.is_none();
        if only_a_name {
            Match::Same(first)
        } else {
            Match::NameOnly
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_profiles_match_whatever_the_form_of_the_link() {
        let key = canonical_linkedin_url("https://www.linkedin.com/in/ada-lovelace");
        assert_eq!(key.as_deref(), Some("linkedin.com/in/ada-lovelace"));
        for same in [
            "http://linkedin.com/in/Ada-Lovelace/",
            "https://www.linkedin.com/in/ada-lovelace?trk=people",
            " https://uk.linkedin.com/in/ada-lovelace/#about ",
        ] {
            assert_eq!(canonical_linkedin_url(same), key, "{same}");
        }
        assert_eq!(canonical_linkedin_url("https://example.com/in/ada"), None);
        assert_eq!(canonical_linkedin_url("https://www.linkedin.com/"), None);
        assert_eq!(
            canonical_linkedin_url("https://www.linkedin.com/in/ada and more"),
            None
        );
    }

    #[test]
    fn phone_numbers_match_whatever_their_punctuation_and_country_code() {
        let key = phone_key("+1 (408) 555-0100");
        assert_eq!(key.as_deref(), Some("085550100"));
        assert_eq!(phone_key("408.555.0100"), key);
        assert_eq!(phone_key("ext 42"), None);
    }

    #[test]
    fn names_fold_case_accents_and_spacing() {
        assert_eq!(folded_name("  José   NÚÑEZ "), "jose nunez");
        assert_eq!(folded_name("Zoë"), folded_name("zoe"));
    }
}
