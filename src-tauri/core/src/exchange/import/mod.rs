//! Importing contacts from LinkedIn and address books without ever duplicating anyone.
//!
//! A file is first read into [`Incoming`] contacts (each format in its own module), then applied
//! in one transaction. The preview is the same application rolled back, so its counts are
//! exactly what the import will do.

mod apply;
mod charsets;
pub mod linkedin;
pub(crate) mod matching;
mod text;
pub mod vcard;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::network::addresses::Address;
use crate::network::links::LinkKind;
use crate::network::photos::Picture;

pub(crate) use apply::{place, Placed};
pub use charsets::{AssumedCharset, CharsetEvidence, CharsetExample};

/// Files larger than this are refused before they are read: LinkedIn's largest export (30,000
/// connections) is about 4 MB, and an address book with a photo for everyone stays well under.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// More contacts than this in one file is not an export from a person's own network.
pub const MAX_CONTACTS: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    Linkedin,
    Vcard,
}

impl ImportFormat {
    pub fn label(self) -> &'static str {
        match self {
            ImportFormat::Linkedin => "LinkedIn connections (CSV)",
            ImportFormat::Vcard => "vCard",
        }
    }
}

/// A contact read from a file, before it is matched against the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Incoming {
    /// Where it came from in the file ("line 12", "card 3"), for messages.
    pub source: String,
    pub display_name: String,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub linkedin_url: Option<String>,
    pub uid: Option<String>,
    pub organization: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub connected_on: Option<String>,
    /// `YYYY-MM-DD` or `--MM-DD`.
    pub birthday: Option<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub circle: Option<String>,
    pub how_met: Option<String>,
    pub related: Vec<Related>,
    /// Postal addresses (never used to match anyone).
    pub addresses: Vec<Address>,
    /// The face the card carried, read and checked.
    pub photo: Option<Picture>,
}

/// A relation named by a vCard (`RELATED`): the other person's UID, and the kind of link.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub uid: String,
    pub kind: LinkKind,
}

/// A part of the file that could not become a contact, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub source: String,
    pub reason: String,
}

/// What a file holds once read: the contacts, what was skipped, and which charsets text was
/// read in that did not declare its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub contacts: Vec<Incoming>,
    pub skipped: Vec<Skipped>,
    pub assumed_charsets: Vec<AssumedCharset>,
}

/// What an import does (or, in a preview, would do).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub format: Option<ImportFormat>,
    /// Contacts read from the file.
    pub total: usize,
    /// People added.
    pub new: usize,
    /// People already stored that the file adds something to.
    pub updated: usize,
    /// People already stored with nothing new in the file.
    pub unchanged: usize,
    /// Of the new people, those whose name is already someone else's with no email, profile or
    /// organization to tell them apart: added, and listed under possible duplicates to review.
    pub possible_duplicates: usize,
    pub links_added: usize,
    pub skipped: Vec<Skipped>,
    /// Charsets text was read in although nothing declared them where the text is (a legacy
    /// file, or a card that declares its charset on another property only), so that the
    /// preview can ask a person to check those names. Empty when every text was UTF-8 or said
    /// its charset.
    #[serde(default)]
    pub assumed_charsets: Vec<AssumedCharset>,
    /// False for a preview: nothing was written.
    pub written: bool,
}

/// How far an import has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
}

/// Reads a file's bytes as `format`.
pub fn parse(format: ImportFormat, bytes: &[u8]) -> Result<Parsed> {
    let parsed = match format {
        ImportFormat::Linkedin => linkedin::parse(bytes)?,
        ImportFormat::Vcard => vcard::parse(bytes)?,
    };
    if parsed.contacts.len() > MAX_CONTACTS {
        return Err(too_many_contacts(parsed.contacts.len()));
    }
    Ok(parsed)
}

pub(crate) fn too_many_contacts(found: usize) -> Error {
    Error::invalid(
        "file",
        format!("This file holds more than {MAX_CONTACTS} contacts ({found} read so far); Rapport imports at most {MAX_CONTACTS} at a time."),
    )
}

/// Reads a file from disk, refusing what is too large or not readable with a message a person
/// can act on.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>> {
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            Error::invalid("file", format!("There is no file {}.", path.display()))
        }
        _ => Error::io(format!("cannot read {}", path.display()), e),
    })?;
    if metadata.is_dir() {
        return Err(Error::invalid(
            "file",
            format!("{} is a folder, not a file.", path.display()),
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(Error::invalid(
            "file",
            format!(
                "{} is {} MB; Rapport imports files of up to {} MB.",
                path.display(),
                metadata.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))
}
