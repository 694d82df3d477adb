//! The command line: the same binary and core as the app, headless. With no subcommand it opens
//! the app. Exit status: 0 success, 2 bad input (nothing written), 1 any other failure.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rapport_core::{Error, ErrorPayload};
use rapport_reminders::loop_lock::{LoopLock, WINDOW_LOCK_FILE};
use serde::Serialize;

use coach::{GoalsCommand, LogInteraction};
use exchange::{ExportKind, ImportKind};
use followups::FollowupsCommand;
use graph::GraphCommand;
use output::say;
use people::PeopleCommand;
use sync::AccountsCommand;

mod coach;
mod exchange;
mod followups;
mod graph;
mod output;
mod people;
mod store;
mod sync;

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

    /// Open the window on one follow-up (how the tray agent opens a follow-up clicked in its
    /// menu or notification).
    #[arg(long, value_name = "ID", conflicts_with = "hidden")]
    show_followup: Option<i64>,

    /// Close the open window (what Quit in the agent's tray asks).
    #[arg(long, hide = true, conflicts_with_all = ["hidden", "show_followup"])]
    quit: bool,

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
    /// This week's plan: who to reach out to and why, with your goals.
    Plan,
    /// Set what you aim for, and see how far you have come.
    #[command(subcommand)]
    Goals(GoalsCommand),
    /// Log an interaction (a message sent, a call, a meeting): it restarts keep-in-touch and
    /// ticks off the plan.
    Log(LogInteraction),
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
    /// Your CardDAV/CalDAV accounts (the phone's address book and calendar).
    #[command(subcommand)]
    Accounts(AccountsCommand),
    /// Sync every account now: contacts both ways, follow-ups and meetings to the calendar.
    Sync,
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
    if cli.command.is_none() {
        if cli.quit && !LoopLock::is_file_held(&data_dir, WINDOW_LOCK_FILE) {
            return ExitCode::SUCCESS; // no window to close
        }
        if cli.hidden {
            if let Some(agent) = crate::agent::beside_this_program() {
                let error = crate::agent::become_agent(&agent, &data_dir);
                eprintln!("rapport: cannot start the agent ({error}); starting in the tray");
            }
        }
    }
    match cli.command {
        // As a first instance, `--quit` runs as hidden: where the agent has the tray that ends at
        // once, and no window opens just to be closed.
        None => match crate::run(&data_dir, cli.hidden || cli.quit, cli.show_followup) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("rapport: {message}");
                ExitCode::from(1)
            }
        },
        Some(Command::Accounts(command)) => sync::accounts(command, &data_dir, cli.json),
        Some(Command::Sync) => sync::sync(&data_dir, cli.json),
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
    say!(
        "{}",
        serde_json::to_string_pretty(value).expect("values serialise")
    );
}

fn execute(command: Command, data_dir: &Path, json: bool) -> Result<(), Error> {
    // Input that can be checked without the store is checked before the store is opened.
    match command {
        Command::People(command) => people::run(command, data_dir, json),
        Command::Followups(command) => followups::run(command, data_dir, json),
        Command::Graph(command) => graph::run(command, data_dir, json),
        Command::Plan => coach::plan(data_dir, json),
        Command::Goals(command) => coach::goals(command, data_dir, json),
        Command::Log(log) => coach::log(log, data_dir, json),
        Command::Import {
            format,
            file,
            dry_run,
        } => exchange::import(format, &file, dry_run, data_dir, json),
        Command::Export { format, out } => exchange::export(format, out, data_dir, json),
        Command::Backup { out } => store::backup(out, data_dir, json),
        Command::Restore { file } => store::restore(&file, data_dir, json),
        Command::Accounts(_) | Command::Sync => {
            unreachable!("sync commands have their own exit codes")
        }
    }
}
