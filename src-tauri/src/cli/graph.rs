//! `rapport graph`: warm introductions through the contact graph.

use std::path::Path;

use clap::Subcommand;
use rapport_core::{Error, Store};

use super::output::say;
use super::print_json;

#[derive(Debug, Subcommand)]
pub(super) enum GraphCommand {
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

pub(super) fn run(command: GraphCommand, data_dir: &Path, json: bool) -> Result<(), Error> {
    match command {
        GraphCommand::Path { to, hops, limit } => {
            let store = Store::open(data_dir)?;
            let target = store.path_target(&to)?;
            let paths = store.warm_paths(target, hops, limit)?;
            if json {
                print_json(&paths);
            } else if paths.is_empty() {
                say!("No warm path to {to} within {hops} hops.");
            } else {
                for (rank, path) in paths.iter().enumerate() {
                    say!("{}. {}", rank + 1, path.explanation);
                }
            }
        }
    }
    Ok(())
}
