//! The command line: the same binary and core as the app, headless. With no subcommand it opens
//! the app. Exit status: 0 success, 2 bad input (nothing written), 1 any other failure.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Local;
use clap::{Args, Parser, Subcommand};
use rapport_core::exchange::export::ExportFormat;
use rapport_core::exchange::import::{self, ImportFormat, ImportProgress};
use rapport_core::followups::{Followup, FollowupInput};
use rapport_core::network::people::{PeopleFilter, Person, PersonInput};
use rapport_core::Error;
use rapport_core::ErrorPayload;
use rapport_core::Store;
use serde::Serialize;

#[derive(Debug, Parser)]
#[command(
    name = "rapport",
    version,
    about = "Build and keep your professional network."
)]
pub struct Cli {
    /// Folder of the store (default: the OS data folder; also RAPPORT_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Print JSON instead of text (the format is documented in the README).
    #[arg(long, global = true)]
    json: bool,

    /// Start in the tray without opening the window (how Rapport starts at login).
    #[arg(long)]
    hidden: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Add, list and search people.
    #[command(subcommand)]
    People(PeopleCommand),
    /// Add, list and act on follow-ups.
    #[command(subcommand)]
    Followups(FollowupsCommand),
    /// Explore the contact graph.
    #[command(subcommand)]
    Graph(GraphCommand),
    /// Import LinkedIn connections or vCards; people already stored are never duplicated.
    Import {
        #[arg(value_enum)]
        format: ImportKind,
        file: PathBuf,
        /// Show what would be imported without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export people (vCard 4.0, CSV), meetings and follow-ups (iCalendar), or everything (JSON).
    Export {
        #[arg(value_enum)]
        format: ExportKind,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Copy the whole store (default: into the data folder's backups/).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the store with a backup, after checking it; the current store is saved first.
    Restore { file: PathBuf },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ImportKind {
    /// LinkedIn's Connections.csv
    Linkedin,
    /// vCard 2.1, 3.0 or 4.0 (Google, Apple, Outlook)
    Vcard,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportKind {
    Vcard,
    Csv,
    Ics,
    Json,
}

#[derive(Debug, Subcommand)]
enum GraphCommand {
    /// Warm-introduction paths from you to a person or an organization, best first.
    Path {
        /// A person (name or id) or an organization (its exact name wins).
        #[arg(long, value_name = "NAME_OR_ORG")]
        to: String,
        /// The most people on a path, 1 to 3.
        #[arg(long, default_value_t = 3)]
        hops: u8,
        #[arg(long, default_value_t = 5)]
        limit: usize,
    },
}

#[derive(Debug, Subcommand)]
enum PeopleCommand {
    /// Add a person.
    Add(AddPerson),
    /// List everyone, grouped by circle.
    List,
    /// Find people by any word of their name, organization, notes...
    Search { query: String },
}

#[derive(Debug, Args)]
struct AddPerson {
    name: String,
    #[arg(long)]
    circle: Option<String>,
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    email: Option<String>,
}

#[derive(Debug, Subcommand)]
enum FollowupsCommand {
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

/// Entry point of the binary.
pub fn main() -> ExitCode {
    crate::note_process_start();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Usage errors exit 2, --help and --version 0: clap knows which.
            let _ = error.print();
            return ExitCode::from(error.exit_code() as u8);
        }
    };
    let Some(data_dir) = rapport_core::store::paths::resolve_data_dir(cli.data_dir.as_deref())
    else {
        eprintln!("rapport: cannot find a data folder; pass --data-dir DIR");
        return ExitCode::from(1);
    };
    match cli.command {
        None => match crate::run(&data_dir, cli.hidden) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("rapport: {message}");
                ExitCode::from(1)
            }
        },
        Some(command) => match execute(command, &data_dir, cli.json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => report(&error, cli.json),
        },
    }
}

fn report(error: &Error, json: bool) -> ExitCode {
    if json {
        eprintln!(
            "{}",
            serde_json::to_string(&ErrorPayload::from(error)).expect("errors serialise")
        );
    } else {
        eprintln!("rapport: {error}");
    }
    ExitCode::from(if error.is_user_error() { 2 } else { 1 })
}

fn print_json(value: &impl Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("values serialise")
    );
}

fn execute(command: Command, data_dir: &Path, json: bool) -> Result<(), Error> {
    // Input that can be checked without the store is checked before the store is opened.
    match command {
        Command::People(PeopleCommand::Add(add)) => {
            let input = PersonInput {
                display_name: add.name,
                circle: add.circle,
                organization: add.org,
                title: add.title,
                email: add.email,
                ..PersonInput::default()
            };
            if input.display_name.trim().is_empty() {
                return Err(Error::invalid("displayName", "A name is required."));
            }
            let person = Store::open(data_dir)?.add_person(input)?;
            if json {
                print_json(&person);
            } else {
                println!("Added #{} {}", person.id, person.display_name);
            }
        }
        Command::People(PeopleCommand::List) => {
            let people = Store::open(data_dir)?.people(PeopleFilter::default())?;
            if json {
                print_json(&people);
            } else {
                print_grouped(&people);
            }
        }
        Command::People(PeopleCommand::Search { query }) => {
            let people = Store::open(data_dir)?.search_people(&query)?;
            if json {
                print_json(&people);
            } else {
                for person in &people {
                    println!("{}", person_line(person));
                }
            }
        }
        Command::Followups(FollowupsCommand::Add { person, title, due }) => {
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
                println!(
                    "Added follow-up #{}: {}",
                    followup.id,
                    followup_line(&followup)
                );
            }
        }
        Command::Followups(FollowupsCommand::Due) => {
            let store = Store::open(data_dir)?;
            let due = store.followups_due_by(store.now())?;
            if json {
                print_json(&due);
            } else if due.is_empty() {
                println!("Nothing is due.");
            } else {
                for followup in &due {
                    println!("#{:<5} {}", followup.id, followup_line(followup));
                }
            }
        }
        Command::Followups(FollowupsCommand::Done { id }) => {
            let followup = Store::open(data_dir)?.complete_followup(id)?;
            if json {
                print_json(&followup);
            } else {
                println!("Done: #{} {}", followup.id, followup.title);
            }
        }
        Command::Graph(GraphCommand::Path { to, hops, limit }) => {
            let store = Store::open(data_dir)?;
            let target = store.path_target(&to)?;
            let paths = store.warm_paths(target, hops, limit)?;
            if json {
                print_json(&paths);
            } else if paths.is_empty() {
                println!("No warm path to {to} within {hops} hops.");
            } else {
                for (rank, path) in paths.iter().enumerate() {
                    println!("{}. {}", rank + 1, path.explanation);
                }
            }
        }
        Command::Import {
            format,
            file,
            dry_run,
        } => import(format, &file, dry_run, data_dir, json)?,
        Command::Export { format, out } => {
            let format = match format {
                ExportKind::Vcard => ExportFormat::Vcard,
                ExportKind::Csv => ExportFormat::Csv,
                ExportKind::Ics => ExportFormat::Ics,
                ExportKind::Json => ExportFormat::Json,
            };
            let store = Store::open(data_dir)?;
            match out {
                Some(path) => {
                    let info = store.export_to(format, &path)?;
                    if json {
                        print_json(&info);
                    } else {
                        println!(
                            "Exported {} to {} ({} bytes)",
                            info.items,
                            info.path.display(),
                            info.bytes
                        );
                    }
                }
                None => {
                    let (text, _) = store.export(format)?;
                    print!("{text}");
                }
            }
        }
        Command::Backup { out } => {
            let store = Store::open(data_dir)?;
            let info = match out {
                Some(path) => store.backup_to(&path)?,
                None => store.backup_now()?,
            };
            if json {
                print_json(&info);
            } else {
                println!(
                    "Backed up {} people to {} ({} bytes)",
                    info.people,
                    info.path.display(),
                    info.bytes
                );
            }
        }
        Command::Restore { file } => {
            let info = Store::open(data_dir)?.restore_from(&file)?;
            if json {
                print_json(&info);
            } else {
                println!(
                    "Restored {} people from {}. The store as it was is saved at {}",
                    info.people,
                    info.restored_from.display(),
                    info.previous_saved_to.display()
                );
            }
        }
        Command::Followups(FollowupsCommand::Snooze { id, until }) => {
            let until = rapport_core::store::time::parse_when(&until, chrono::Utc::now(), &Local)
                .map_err(|_| {
                Error::invalid("until", format!("“{until}” is not a date (see --help)"))
            })?;
            let followup = Store::open(data_dir)?.snooze_followup(id, until)?;
            if json {
                print_json(&followup);
            } else {
                println!("Snoozed: #{} {}", followup.id, followup_line(&followup));
            }
        }
    }
    Ok(())
}

/// The file is read and parsed before the store is opened, so a bad file changes nothing.
fn import(
    kind: ImportKind,
    file: &Path,
    dry_run: bool,
    data_dir: &Path,
    json: bool,
) -> Result<(), Error> {
    let format = match kind {
        ImportKind::Linkedin => ImportFormat::Linkedin,
        ImportKind::Vcard => ImportFormat::Vcard,
    };
    let parsed = import::parse(format, &import::read_file(file)?)?;
    let store = Store::open(data_dir)?;
    let show_progress = !json && std::io::stderr().is_terminal() && parsed.contacts.len() >= 1000;
    let mut progress = |p: ImportProgress| {
        if show_progress {
            eprint!("\rImporting… {} / {}", p.done, p.total);
            if p.done == p.total {
                eprintln!();
            }
        }
    };
    let summary = if dry_run {
        store.preview_import(format, &parsed, &mut progress)?
    } else {
        store.import(format, &parsed, &mut progress)?
    };
    if json {
        print_json(&summary);
        return Ok(());
    }
    println!(
        "{}: {} contacts — {} new, {} updated, {} unchanged{}",
        format.label(),
        summary.total,
        summary.new,
        summary.updated,
        summary.unchanged,
        match summary.possible_duplicates {
            0 => String::new(),
            n => format!(
                "; {n} of the new share a name with someone stored (see possible duplicates)"
            ),
        }
    );
    if !summary.skipped.is_empty() {
        println!("Skipped {}:", summary.skipped.len());
        for skipped in &summary.skipped {
            println!("  {}: {}", skipped.source, skipped.reason);
        }
    }
    if dry_run {
        println!("Nothing was written (--dry-run).");
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
        println!("No people yet. Add one: rapport people add \"Ada Lovelace\" --circle Classmates");
        return;
    }
    let mut current: Option<Option<&str>> = None;
    for person in people {
        let circle = person.circle.as_deref();
        if current != Some(circle) {
            if current.is_some() {
                println!();
            }
            println!("{}", circle.unwrap_or("No circle"));
            current = Some(circle);
        }
        println!("  {}", person_line(person));
    }
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
