//! `rapport plan`, `rapport goals` and `rapport log`: the week's plan, the goals it serves, and
//! logging what you did (which ticks the plan off).

use std::path::Path;

use chrono::Local;
use clap::{Args, Subcommand};
use rapport_core::coach::goals::{Goal, GoalInput, GoalPer, GoalWhat};
use rapport_core::coach::plan::WeeklyPlan;
use rapport_core::followups::interactions::{InteractionInput, InteractionKind};
use rapport_core::{Error, Store};

use super::output::say;
use super::print_json;

#[derive(Debug, Subcommand)]
pub(super) enum GoalsCommand {
    /// Add a goal: `--what reach_outs --count 5 --per week`.
    Add {
        /// reach_outs, interviews, new_people or thank_you_on_time.
        #[arg(long)]
        what: String,
        /// How many (for thank_you_on_time, a percent).
        #[arg(long)]
        count: i64,
        /// week, month or total.
        #[arg(long)]
        per: String,
    },
    /// Every goal with its progress this week, month or in total.
    List,
    /// Remove a goal.
    Remove { id: i64 },
}

#[derive(Debug, Args)]
pub(super) struct LogInteraction {
    #[arg(long, value_name = "NAME_OR_ID")]
    person: String,
    /// meeting, call, email, message, event, informational interview, note… (any case).
    #[arg(long)]
    kind: String,
    /// RFC 3339, a local time (2026-03-01 09:30) or a date; default now.
    #[arg(long, value_name = "WHEN")]
    when: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

fn goal_line(goal: &Goal) -> String {
    let done = match (goal.what, goal.done) {
        (_, None) => "nothing due yet".to_string(),
        (GoalWhat::ThankYouOnTime, Some(done)) => format!("{done}%"),
        (_, Some(done)) => format!("{done} of {}", goal.count),
    };
    format!("#{:<4} {} — {done} ({})", goal.id, goal.label, goal.period)
}

pub(super) fn goals(command: GoalsCommand, data_dir: &Path, json: bool) -> Result<(), Error> {
    match command {
        GoalsCommand::Add { what, count, per } => {
            let input = GoalInput {
                what: what
                    .parse::<GoalWhat>()
                    .map_err(|e| Error::invalid("what", e.to_string()))?,
                count,
                per: per
                    .parse::<GoalPer>()
                    .map_err(|e| Error::invalid("per", e.to_string()))?,
            };
            // Checked before the store is opened: bad input writes nothing, not even a new store.
            if count < 1 {
                return Err(Error::invalid(
                    "count",
                    "A goal needs a count of at least 1.",
                ));
            }
            let goal = Store::open(data_dir)?.add_goal(input)?;
            if json {
                print_json(&goal);
            } else {
                say!("Added goal {}", goal_line(&goal));
            }
        }
        GoalsCommand::List => {
            let goals = Store::open(data_dir)?.goals()?;
            if json {
                print_json(&goals);
            } else if goals.is_empty() {
                say!("No goals. Add one: rapport goals add --what reach_outs --count 5 --per week");
            } else {
                for goal in &goals {
                    say!("{}", goal_line(goal));
                }
            }
        }
        GoalsCommand::Remove { id } => {
            let goal = Store::open(data_dir)?.remove_goal(id)?;
            if json {
                print_json(&goal);
            } else {
                say!("Removed goal #{} {}", goal.id, goal.label);
            }
        }
    }
    Ok(())
}

pub(super) fn plan(data_dir: &Path, json: bool) -> Result<(), Error> {
    let plan: WeeklyPlan = Store::open(data_dir)?.weekly_plan()?;
    if json {
        print_json(&plan);
        return Ok(());
    }
    say!("This week ({})", plan.week);
    if plan.items.is_empty() {
        say!("  Nothing to suggest: add the people you know (rapport people add …).");
    }
    for item in &plan.items {
        say!("  [{}] {}", if item.done { "x" } else { " " }, item.why);
    }
    say!();
    for goal in &plan.goals {
        say!("{}", goal_line(goal));
    }
    Ok(())
}

pub(super) fn log(log: LogInteraction, data_dir: &Path, json: bool) -> Result<(), Error> {
    let kind: InteractionKind = log.kind.parse()?;
    let occurred_at = log
        .when
        .as_deref()
        .map(|when| {
            rapport_core::store::time::parse_when(when, chrono::Utc::now(), &Local).map_err(|_| {
                Error::invalid(
                    "when",
                    format!("“{when}” is not a date or time (see --help)"),
                )
            })
        })
        .transpose()?;
    let store = Store::open(data_dir)?;
    let person = store.find_person(&log.person)?;
    let interaction = store.log_interaction(InteractionInput {
        person_ids: vec![person.id],
        kind,
        occurred_at,
        medium: None,
        summary: String::new(),
        notes: log.notes.unwrap_or_default(),
    })?;
    if json {
        print_json(&interaction);
    } else {
        say!(
            "Logged {} with {} on {}",
            kind.as_str().replace('_', " "),
            person.display_name,
            interaction
                .occurred_at
                .with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
        );
    }
    Ok(())
}
