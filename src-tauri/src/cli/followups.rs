//! `rapport followups`: add follow-ups, list what is due, mark one done or snooze it.

use std::path::Path;

use chrono::Local;
use clap::Subcommand;
use rapport_core::followups::{Followup, FollowupInput};
use rapport_core::{Error, Store};

use super::output::say;
use super::print_json;

#[derive(Debug, Subcommand)]
pub(super) enum FollowupsCommand {
    /// Add a follow-up. WHEN is RFC 3339, a local time (2026-03-01 09:30) or +90s, +2h, +3d.
    Add {
        #[arg(long, value_name = "NAME_OR_ID")]
        person: String,
        #[arg(long)]
        title: String,
        #[arg(long, value_name = "WHEN")]
        due: String,
    },
    /// Everything due now, overdue included.
    Due,
    /// Mark a follow-up done.
    Done { id: i64 },
    /// Move a follow-up to a later time.
    Snooze {
        id: i64,
        #[arg(long, value_name = "WHEN")]
        until: String,
    },
}

pub(super) fn run(command: FollowupsCommand, data_dir: &Path, json: bool) -> Result<(), Error> {
    match command {
        FollowupsCommand::Add { person, title, due } => {
            if title.trim().is_empty() {
                return Err(Error::invalid(
                    "title",
                    "Say what to follow up on (--title).",
                ));
            }
            let due_at = rapport_core::store::time::parse_when(&due, chrono::Utc::now(), &Local)?;
            let store = Store::open(data_dir)?;
            let person = store.find_person(&person)?;
            let followup = store.add_followup(FollowupInput {
                person_id: Some(person.id),
                kind: None,
                title,
                due_at,
            })?;
            if json {
                print_json(&followup);
            } else {
                say!(
                    "Added follow-up #{}: {}",
                    followup.id,
                    followup_line(&followup)
                );
            }
        }
        FollowupsCommand::Due => {
            let store = Store::open(data_dir)?;
            let due = store.followups_due_by(store.now())?;
            if json {
                print_json(&due);
            } else if due.is_empty() {
                say!("Nothing is due.");
            } else {
                for followup in &due {
                    say!("#{:<5} {}", followup.id, followup_line(followup));
                }
            }
        }
        FollowupsCommand::Done { id } => {
            let followup = Store::open(data_dir)?.complete_followup(id)?;
            if json {
                print_json(&followup);
            } else {
                say!("Done: #{} {}", followup.id, followup.title);
            }
        }
        FollowupsCommand::Snooze { id, until } => {
            let until = rapport_core::store::time::parse_when(&until, chrono::Utc::now(), &Local)
                .map_err(|_| {
                Error::invalid("until", format!("“{until}” is not a date (see --help)"))
            })?;
            let followup = Store::open(data_dir)?.snooze_followup(id, until)?;
            if json {
                print_json(&followup);
            } else {
                say!("Snoozed: #{} {}", followup.id, followup_line(&followup));
            }
        }
    }
    Ok(())
}

fn followup_line(followup: &Followup) -> String {
    let due = followup
        .due_at
        .with_timezone(&Local)
        .format("%Y-%m-%d %H:%M");
    match &followup.person {
        Some(person) => format!("{due}  {} — {}", followup.title, person.display_name),
        None => format!("{due}  {}", followup.title),
    }
}
