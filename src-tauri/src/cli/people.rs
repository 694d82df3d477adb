//! `rapport people`: add, list and search people.

use std::path::Path;

use clap::{Args, Subcommand};
use rapport_core::network::people::{PeopleFilter, Person, PersonInput};
use rapport_core::network::strength;
use rapport_core::{Error, Store};

use super::output::say;
use super::print_json;

#[derive(Debug, Subcommand)]
pub(super) enum PeopleCommand {
    /// Add a person.
    Add(AddPerson),
    /// List everyone, grouped by circle.
    List,
    /// Find people by any word of their name, organization, notes...
    Search { query: String },
    /// One person, with what sync changed on them and the conflicts it kept.
    Show {
        #[arg(value_name = "NAME_OR_ID")]
        person: String,
    },
    /// Change someone's name, organization, title, email, phone or circle.
    Edit(EditPerson),
    /// Delete someone (restorable for an hour from the app).
    Delete {
        #[arg(value_name = "NAME_OR_ID")]
        person: String,
    },
    /// Set how close you are to someone, 0 (barely) to 5 (very), or `auto` to let it follow
    /// their circle and how often you are in touch.
    SetStrength {
        #[arg(value_name = "NAME_OR_ID")]
        person: String,
        #[arg(value_name = "0-5|auto")]
        strength: String,
    },
}

#[derive(Debug, Args)]
pub(super) struct AddPerson {
    name: String,
    /// The circle, as you would say it: `classmate`, `Professors`, `prof`...
    #[arg(long)]
    circle: Option<String>,
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    email: Option<String>,
    /// YYYY-MM-DD, or MM-DD without the year; reminded yearly at 09:00 (on the day unless set).
    #[arg(long, value_name = "DATE")]
    birthday: Option<String>,
    /// How close you are, 0 (barely) to 5 (very); by default it follows the circle and contact.
    #[arg(long, value_name = "0-5")]
    strength: Option<u8>,
}

#[derive(Debug, Args)]
pub(super) struct EditPerson {
    #[arg(value_name = "NAME_OR_ID")]
    person: String,
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    circle: Option<String>,
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
}

/// The person as the form would give them back, with what was typed changed.
fn edited(person: Person, edit: EditPerson) -> PersonInput {
    PersonInput {
        display_name: edit.name.unwrap_or(person.display_name),
        given_name: person.given_name,
        family_name: person.family_name,
        circle: edit.circle.or(person.circle),
        organization: edit.org.or(person.organization),
        title: edit.title.or(person.title),
        email: edit.email.or(person.email),
        phone: edit.phone.or(person.phone),
        linkedin_url: person.linkedin_url,
        how_met: person.how_met,
        notes: Some(person.notes),
        tags: person.tags,
        cadence_days: person.cadence_days,
        birthday: person.birthday,
        strength: person.strength_set.then_some(person.strength),
    }
}

pub(super) fn run(command: PeopleCommand, data_dir: &Path, json: bool) -> Result<(), Error> {
    match command {
        PeopleCommand::Add(add) => {
            let input = PersonInput {
                display_name: add.name,
                circle: add.circle,
                organization: add.org,
                title: add.title,
                email: add.email,
                birthday: add.birthday,
                strength: add.strength,
                ..PersonInput::default()
            };
            if input.display_name.trim().is_empty() {
                return Err(Error::invalid("displayName", "A name is required."));
            }
            // Checked before the store is opened: bad input writes nothing, not even a new store.
            if let Some(birthday) = &input.birthday {
                rapport_core::network::birthdays::parse(birthday)?;
            }
            strength::check(input.strength)?;
            let person = Store::open(data_dir)?.add_person(input)?;
            if json {
                print_json(&person);
            } else {
                say!("Added #{} {}", person.id, person.display_name);
            }
        }
        PeopleCommand::List => {
            let people = Store::open(data_dir)?.people(PeopleFilter::default())?;
            if json {
                print_json(&people);
            } else {
                print_grouped(&people);
            }
        }
        PeopleCommand::SetStrength { person, strength } => {
            let strength = match strength.trim() {
                "auto" => None,
                typed => Some(typed.parse::<u8>().map_err(|_| {
                    Error::invalid(
                        "strength",
                        format!("“{typed}” is not a strength: 0 to 5, or auto."),
                    )
                })?),
            };
            strength::check(strength)?;
            let store = Store::open(data_dir)?;
            let found = store.find_person(&person)?;
            let person = store.set_strength(found.id, strength)?;
            if json {
                print_json(&person);
            } else {
                say!(
                    "{}: strength {} of 5{}",
                    person.display_name,
                    person.strength,
                    if person.strength_set {
                        ""
                    } else {
                        " (from their circle and contact)"
                    }
                );
            }
        }
        PeopleCommand::Show { person } => {
            let store = Store::open(data_dir)?;
            let person = store.person(store.find_person(&person)?.id)?;
            let changes = store.sync_changes(person.id)?;
            let removed_from = store.removed_from(person.id)?;
            if json {
                print_json(&serde_json::json!({
                    "person": person,
                    "syncChanges": changes,
                    "removedFrom": removed_from,
                }));
            } else {
                say!("{}", person_line(&person));
                for account in &removed_from {
                    say!("  removed from account #{account} on another device; not sent again");
                }
                for change in &changes {
                    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "nothing".into());
                    if change.conflict {
                        say!(
                            "  {} on {}: {} kept; {} has “{}”",
                            change.field,
                            change.at.format("%Y-%m-%d %H:%M"),
                            value(&change.before),
                            change.account,
                            value(&change.after)
                        );
                    } else {
                        say!(
                            "  {} changed by sync ({}) on {}: {} → {}",
                            change.field,
                            change.account,
                            change.at.format("%Y-%m-%d %H:%M"),
                            value(&change.before),
                            value(&change.after)
                        );
                    }
                }
            }
        }
        PeopleCommand::Edit(edit) => {
            let store = Store::open(data_dir)?;
            let id = store.find_person(&edit.person)?.id;
            let person = store.update_person(id, edited(store.person(id)?, edit))?;
            if json {
                print_json(&person);
            } else {
                say!("{}", person_line(&person));
            }
        }
        PeopleCommand::Delete { person } => {
            let store = Store::open(data_dir)?;
            let deleted = store.delete_person(store.find_person(&person)?.id)?;
            if json {
                print_json(&deleted);
            } else {
                say!("Deleted #{} {}", deleted.id, deleted.display_name);
            }
        }
        PeopleCommand::Search { query } => {
            let people = Store::open(data_dir)?.search_people(&query)?;
            if json {
                print_json(&people);
            } else {
                for person in &people {
                    say!("{}", person_line(person));
                }
            }
        }
    }
    Ok(())
}

fn person_line(person: &Person) -> String {
    let mut line = format!("#{:<5} {}", person.id, person.display_name);
    match (&person.title, &person.organization) {
        (Some(title), Some(org)) => line.push_str(&format!(" — {title}, {org}")),
        (None, Some(org)) => line.push_str(&format!(" — {org}")),
        _ => {}
    }
    if let Some(email) = &person.email {
        line.push_str(&format!(" <{email}>"));
    }
    line
}

fn print_grouped(people: &[Person]) {
    if people.is_empty() {
        say!("No people yet. Add one: rapport people add \"Ada Lovelace\" --circle Classmates");
        return;
    }
    let mut current: Option<Option<&str>> = None;
    for person in people {
        let circle = person.circle.as_deref();
        if current != Some(circle) {
            if current.is_some() {
                say!();
            }
            say!("{}", circle.unwrap_or("No circle"));
            current = Some(circle);
        }
        say!("  {}", person_line(person));
    }
}
