//! `rapport import` and `export`: the network in and out.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rapport_core::exchange::export::ExportFormat;
use rapport_core::exchange::import::{self, ImportFormat, ImportProgress};
use rapport_core::{Error, Store};

use super::output::{say, say_raw};
use super::print_json;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum ImportKind {
    /// LinkedIn's Connections.csv
    Linkedin,
    /// vCard 2.1, 3.0 or 4.0 (Google, Apple, Outlook)
    Vcard,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum ExportKind {
    Vcard,
    Csv,
    Ics,
    Json,
}

/// The file is read and parsed before the store is opened, so a bad file changes nothing.
pub(super) fn import(
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
    say!(
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
    for assumed in &summary.assumed_charsets {
        say!("{}", assumed.sentence());
    }
    if !summary.skipped.is_empty() {
        say!("Skipped {}:", summary.skipped.len());
        for skipped in &summary.skipped {
            say!("  {}: {}", skipped.source, skipped.reason);
        }
    }
    if dry_run {
        say!("Nothing was written (--dry-run).");
    }
    Ok(())
}

pub(super) fn export(
    format: ExportKind,
    out: Option<PathBuf>,
    data_dir: &Path,
    json: bool,
) -> Result<(), Error> {
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
                say!(
                    "Exported {} to {} ({} bytes)",
                    info.items,
                    info.path.display(),
                    info.bytes
                );
            }
        }
        None => {
            let (text, _) = store.export(format)?;
            say_raw!("{text}");
        }
    }
    Ok(())
}
