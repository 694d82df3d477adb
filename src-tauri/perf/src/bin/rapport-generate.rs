//! Generates heavy-user data for the measurement scripts:
//! `rapport-generate store medium|heavy|stress [--seed N]` prints the data folder of the generated
//! store; `rapport-generate csv ROWS [--seed N]` prints the path of a generated Connections.csv.
//! Both are kept under target/perf and reused.

use clap::{Parser, Subcommand, ValueEnum};
use rapport_perf::cache;
use rapport_perf::generate::Scale;

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    what: What,
    #[arg(long, default_value_t = 42, global = true)]
    seed: u64,
}

#[derive(Subcommand)]
enum What {
    /// A store: medium (3,000 people), heavy (30,000) or stress (1,000,000).
    Store { scale: Size },
    /// A LinkedIn Connections.csv with this many rows.
    Csv { rows: usize },
}

#[derive(Clone, Copy, ValueEnum)]
enum Size {
    Medium,
    Heavy,
    Stress,
}

fn main() {
    let args = Args::parse();
    let made = match args.what {
        What::Store {
            scale: Size::Medium,
        } => cache::store("medium", Scale::MEDIUM, args.seed),
        What::Store { scale: Size::Heavy } => cache::store("heavy", Scale::HEAVY, args.seed),
        What::Store {
            scale: Size::Stress,
        } => cache::store("stress", Scale::STRESS, args.seed),
        What::Csv { rows } => cache::connections_csv(rows, args.seed),
    };
    match made {
        Ok(path) => println!("{}", path.display()),
        Err(error) => {
            eprintln!("rapport-generate: {error}");
            std::process::exit(1);
        }
    }
}
