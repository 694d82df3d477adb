//! Exports: every person as vCard 4.0 or CSV, meetings and follow-ups as iCalendar, and the
//! whole store as JSON. Each format is written by a well-kept crate, never by hand.

mod csv;
mod json;
pub(crate) mod vcard;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::exchange::calendar;
use crate::followups::FollowupKind;
use crate::guide::meetings::MeetingState;
use crate::network::addresses;
use crate::network::people::{PeopleFilter, PersonRef};
use crate::network::photos;
use crate::store::Store;

pub use self::csv::neutralise_cell;
pub use self::json::JSON_FORMAT_VERSION;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Vcard,
    Csv,
    Ics,
    Json,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Vcard => "vcf",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
            ExportFormat::Json => "json",
        }
    }

    /// `rapport-contacts-2026-11-27.vcf`, `rapport-calendar-….ics`, `rapport-everything-….json`.
    pub fn file_name(self, day: chrono::NaiveDate) -> String {
        let what = match self {
            ExportFormat::Vcard | ExportFormat::Csv => "contacts",
            ExportFormat::Ics => "calendar",
            ExportFormat::Json => "everything",
        };
        format!(
            "rapport-{what}-{}.{}",
            day.format("%Y-%m-%d"),
            self.extension()
        )
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportInfo {
    pub path: PathBuf,
    pub format: ExportFormat,
    /// People (vCard, CSV), events (iCalendar) or rows (JSON) written.
    pub items: usize,
    pub bytes: u64,
}

impl Store {
    /// The export as text, with how many items it holds.
    pub fn export(&self, format: ExportFormat) -> Result<(String, usize)> {
        let include_archived = PeopleFilter {
            include_archived: true,
        };
        match format {
            ExportFormat::Vcard => {
                let people = self.people(include_archived)?;
                let links = self.all_links()?;
                let extras = self.read(|conn| {
                    Ok(vcard::Extras {
                        addresses: addresses::everyone(conn)?,
                        photos: photos::originals(conn)?,
                    })
                })?;
                Ok((vcard::write(&people, &links, &extras)?, people.len()))
            }
            ExportFormat::Csv => {
                let people = self.people(include_archived)?;
                let addresses = self.read(addresses::everyone)?;
                Ok((csv::write(&people, &addresses)?, people.len()))
            }
            ExportFormat::Ics => {
                let now = self.now();
                let mut events = Vec::new();
                for meeting in self.meetings(None)? {
                    if meeting.scheduled_at.is_some() && meeting.state != MeetingState::Cancelled {
                        events.push(calendar::meeting_vevent(&meeting, now)?);
                    }
                }
                // Birthdays are one yearly event each rather than this year's reminder.
                for followup in self.pending_followups()? {
                    if followup.kind != FollowupKind::Birthday {
                        events.push(calendar::followup_vevent(&followup, now));
                    }
                }
                for person in self.people(PeopleFilter::default())? {
                    if let Some(birthday) = &person.birthday {
                        let who = PersonRef {
                            id: person.id,
                            display_name: person.display_name.clone(),
                        };
                        events.extend(calendar::birthday_vevent(&who, birthday, now));
                    }
                }
                let count = events.len();
                Ok((calendar::calendar_of(events), count))
            }
            ExportFormat::Json => self.read(|conn| json::write(conn, self.now())),
        }
    }

    /// Writes the export to `path` (through a temporary file, so a failed export leaves no
    /// half-written file behind).
    pub fn export_to(&self, format: ExportFormat, path: &Path) -> Result<ExportInfo> {
        let (text, items) = self.export(format)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io(format!("cannot create {}", parent.display()), e))?;
        }
        let partial = path.with_extension("partial");
        std::fs::write(&partial, &text)
            .and_then(|_| std::fs::rename(&partial, path))
            .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
        Ok(ExportInfo {
            path: path.to_path_buf(),
            format,
            items,
            bytes: text.len() as u64,
        })
    }
}
