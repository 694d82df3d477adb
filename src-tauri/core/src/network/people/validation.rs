//! Checking what is given for a person: trimmed, empty as none, and checked field by field.

use super::model::PersonInput;
use crate::error::{Error, Result};
use crate::network::{birthdays, strength};

/// Cleaned input: trimmed, empty as None, and checked.
pub(crate) struct Valid {
    pub(super) display_name: String,
    pub(super) given_name: Option<String>,
    pub(super) family_name: Option<String>,
    pub(super) circle: Option<String>,
    pub(super) organization: Option<String>,
    pub(super) title: Option<String>,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
    pub(super) linkedin_url: Option<String>,
    pub(super) how_met: Option<String>,
    pub(super) notes: String,
    pub(super) tags: Vec<String>,
    pub(super) cadence_days: Option<i64>,
    pub(super) birthday: Option<String>,
    pub(super) strength: Option<u8>,
}

/// Something a mail program could send to.
pub(crate) fn is_email(text: &str) -> bool {
    let text = text.trim();
    text.split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && !host.is_empty())
        && !text.contains(char::is_whitespace)
}

fn clean(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

pub(crate) fn validate(input: PersonInput) -> Result<Valid> {
    let display_name = input.display_name.trim().to_string();
    if display_name.is_empty() {
        return Err(Error::invalid("displayName", "A name is required."));
    }
    if display_name.chars().count() > 200 {
        return Err(Error::invalid(
            "displayName",
            "A name can be at most 200 characters.",
        ));
    }
    let email = clean(input.email);
    if let Some(email) = &email {
        if !is_email(email) {
            return Err(Error::invalid(
                "email",
                format!("“{email}” is not an email address."),
            ));
        }
    }
    let linkedin_url = clean(input.linkedin_url);
    if let Some(url) = &linkedin_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(Error::invalid(
                "linkedinUrl",
                "A profile link starts with https://",
            ));
        }
    }
    if let Some(days) = input.cadence_days {
        if !(1..=3650).contains(&days) {
            return Err(Error::invalid(
                "cadenceDays",
                "Keep in touch every 1 to 3650 days.",
            ));
        }
    }
    let birthday = clean(input.birthday)
        .map(|typed| birthdays::parse(&typed))
        .transpose()?;
    strength::check(input.strength)?;
    let organization = clean(input.organization);
    let title = clean(input.title);
    if title.is_some() && organization.is_none() {
        return Err(Error::invalid(
            "organization",
            "A title needs the organization it is held at.",
        ));
    }
    let mut tags: Vec<String> = input
        .tags
        .into_iter()
        .filter_map(|t| clean(Some(t)))
        .collect();
    tags.sort_by_key(|t| t.to_lowercase());
    tags.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    Ok(Valid {
        display_name,
        given_name: clean(input.given_name),
        family_name: clean(input.family_name),
        circle: clean(input.circle),
        organization,
        title,
        email,
        phone: clean(input.phone),
        linkedin_url,
        how_met: clean(input.how_met),
        cadence_days: input.cadence_days,
        birthday,
        strength: input.strength,
        notes: clean(input.notes).unwrap_or_default(),
        tags,
    })
}
