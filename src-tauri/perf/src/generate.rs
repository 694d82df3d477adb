//! A seeded generator of heavy-user data: the same seed gives the same store and the same
//! `Connections.csv`, on any machine. It writes the tables directly in one transaction (going
//! through the core one person at a time would take minutes at this scale) and then has the
//! core rebuild its search index, so the store is exactly what the app itself would hold.

use std::error::Error;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rapport_core::store::time::to_db;
use rapport_core::Store;
use rusqlite::{params, Connection};

use crate::names::{draw, slug};
use crate::vocabulary::{self, organization_name};

pub type Outcome<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub people: usize,
    pub organizations: usize,
    pub interactions: usize,
    pub links: usize,
    pub followups: usize,
    /// People linked to the user directly ("knows"), where warm paths start.
    pub my_connections: usize,
}

impl Scale {
    /// A heavy user: LinkedIn's 30,000-connection cap, ten interactions and eight links each.
    pub const HEAVY: Scale = Scale {
        people: 30_000,
        organizations: 3_000,
        interactions: 300_000,
        links: 240_000,
        followups: 30_000,
        my_connections: 3_000,
    };

    /// A tenth of a heavy user: 3,000 people, the size at which the network map is measured and
    /// looked at beside 30,000.
    pub const MEDIUM: Scale = Scale {
        people: 3_000,
        organizations: 300,
        interactions: 30_000,
        links: 24_000,
        followups: 3_000,
        my_connections: 300,
    };

    /// The stress set for search: a million people.
    pub const STRESS: Scale = Scale {
        people: 1_000_000,
        organizations: 50_000,
        interactions: 1_000_000,
        links: 1_000_000,
        followups: 30_000,
        my_connections: 3_000,
    };
}

/// The default "now" of generated data, fixed so that a seed always gives the same rows.
pub const DEFAULT_NOW: &str = "2026-11-01T12:00:00Z";

const LINK_KINDS: &[&str] = &[
    "introduced_by",
    "referred_by",
    "knows",
    "mentor",
    "family",
    "colleague",
];
const INTERACTION_KINDS: &[&str] = &[
    "meeting",
    "call",
    "email",
    "message",
    "event",
    "informational_interview",
    "shared_resource",
    "note",
];
const FOLLOWUP_KINDS: &[&str] = &[
    "thank_you",
    "follow_up",
    "inform_referrer",
    "keep_in_touch",
    "custom",
];

fn uuid(rng: &mut ChaCha8Rng) -> String {
    let bytes: [u8; 16] = rng.random();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    // A version-4 layout, as the core's own UIDs.
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// What was generated, for the benchmarks to choose their inputs from.
#[derive(Debug, Clone)]
pub struct Generated {
    pub people: usize,
    pub organizations: Vec<String>,
    pub now: DateTime<Utc>,
}

/// Creates a store in `data_dir` (which must not hold one) with `scale` of seeded data.
/// `progress` hears each stage as it starts.
pub fn generate_store(
    data_dir: &Path,
    scale: Scale,
    seed: u64,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(&str),
) -> Outcome<Generated> {
    let database = data_dir.join(rapport_core::store::paths::DATABASE_FILE);
    if database.exists() {
        return Err(format!("{} already holds a store", data_dir.display()).into());
    }
    // The core creates and migrates the store (and the user, person 1).
    drop(Store::open(data_dir)?);
    let mut conn = Connection::open(&database)?;
    let me: i64 = conn.query_row("SELECT id FROM person WHERE is_me = 1", [], |r| r.get(0))?;
    let circles: Vec<i64> = conn
        .prepare("SELECT id FROM circle ORDER BY position")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let tx = conn.transaction()?;
    let created = to_db(now - Duration::days(400));

    progress("organizations");
    let organizations: Vec<String> = (0..scale.organizations).map(organization_name).collect();
    let mut organization_ids = Vec::with_capacity(organizations.len());
    {
        let mut insert =
            tx.prepare("INSERT INTO organization (name, created_at) VALUES (?1, ?2)")?;
        for name in &organizations {
            insert.execute(params![name, created])?;
            organization_ids.push(tx.last_insert_rowid());
        }
    }

    progress("people");
    let mut people = Vec::with_capacity(scale.people);
    {
        let mut person = tx.prepare(
            "INSERT INTO person (display_name, given_name, family_name, circle_id, email, phone,
                 linkedin_url, how_met, notes, uid, connected_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        )?;
        let mut role = tx.prepare(
            "INSERT INTO role (person_id, organization_id, title, started_on, ended_on)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut tag = tx.prepare("INSERT OR IGNORE INTO tag (name) VALUES (?1)")?;
        let mut person_tag = tx.prepare(
            "INSERT OR IGNORE INTO person_tag (person_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2",
        )?;
        for name in vocabulary::TAGS {
            tag.execute([name])?;
        }
        for index in 0..scale.people {
            let drawn = draw(&mut rng, scale.organizations);
            let display = format!("{} {}", drawn.given, drawn.family);
            let organization = &organizations[drawn.organization];
            let email = rng.random_bool(0.7).then(|| {
                format!(
                    "{}.{}{index}@{}.example",
                    slug(drawn.given),
                    slug(drawn.family),
                    slug(organization)
                )
            });
            let phone = rng
                .random_bool(0.3)
                .then(|| format!("+1 555 {:03} {:04}", index % 1000, index % 10_000));
            let linkedin = rng.random_bool(0.5).then(|| {
                format!(
                    "https://www.linkedin.com/in/{}-{}-{index}",
                    slug(drawn.given),
                    slug(drawn.family)
                )
            });
            let how_met = rng
                .random_bool(0.6)
                .then(|| *vocabulary::HOW_MET.choose(&mut rng).unwrap());
            let notes = if rng.random_bool(0.2) {
                *vocabulary::TOPICS.choose(&mut rng).unwrap()
            } else {
                ""
            };
            let connected = to_db(now - Duration::days(rng.random_range(30..3_000)));
            person.execute(params![
                display,
                drawn.given,
                drawn.family,
                circles.choose(&mut rng),
                email,
                phone,
                linkedin,
                how_met,
                notes,
                uuid(&mut rng),
                &connected[..10],
                created,
            ])?;
            let id = tx.last_insert_rowid();
            people.push(id);
            let started = to_db(now - Duration::days(rng.random_range(100..2_000)));
            role.execute(params![
                id,
                organization_ids[drawn.organization],
                drawn.title,
                &started[..10],
                None::<String>
            ])?;
            if rng.random_bool(0.3) {
                let earlier = organization_ids[rng.random_range(0..organization_ids.len())];
                role.execute(params![
                    id,
                    earlier,
                    vocabulary::TITLES.choose(&mut rng),
                    None::<String>,
                    &started[..10]
                ])?;
            }
            if rng.random_bool(0.2) {
                person_tag.execute(params![id, vocabulary::TAGS.choose(&mut rng)])?;
            }
        }
    }

    progress("interactions");
    {
        let mut interaction = tx.prepare(
            "INSERT INTO interaction (kind, occurred_at, summary, notes, created_at)
             VALUES (?1, ?2, ?3, ?4, ?2)",
        )?;
        let mut participant = tx.prepare(
            "INSERT OR IGNORE INTO interaction_participant (interaction_id, person_id) VALUES (?1, ?2)",
        )?;
        for _ in 0..scale.interactions {
            let at = to_db(now - Duration::minutes(rng.random_range(60..3 * 365 * 24 * 60)));
            let notes = if rng.random_bool(0.3) {
                *vocabulary::TOPICS.choose(&mut rng).unwrap()
            } else {
                ""
            };
            interaction.execute(params![
                INTERACTION_KINDS.choose(&mut rng),
                at,
                vocabulary::TOPICS.choose(&mut rng),
                notes
            ])?;
            let id = tx.last_insert_rowid();
            participant.execute(params![id, people.choose(&mut rng)])?;
            if rng.random_bool(0.1) {
                participant.execute(params![id, people.choose(&mut rng)])?;
            }
        }
    }

    progress("links");
    {
        let mut link = tx.prepare(
            "INSERT INTO link (from_person_id, to_person_id, kind, created_at) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut written = 0;
        while written < scale.links {
            let (a, b) = (
                people.choose(&mut rng).unwrap(),
                people.choose(&mut rng).unwrap(),
            );
            if a != b {
                link.execute(params![a, b, LINK_KINDS.choose(&mut rng), created])?;
                written += 1;
            }
        }
        for to in people.iter().take(scale.my_connections) {
            link.execute(params![me, to, "knows", created])?;
        }
    }

    progress("follow-ups");
    {
        let mut followup = tx.prepare(
            "INSERT INTO followup (person_id, kind, title, due_at, state, notified_at, notified_due_at,
                 created_at, closed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for _ in 0..scale.followups {
            let person = people.choose(&mut rng).unwrap();
            let kind = FOLLOWUP_KINDS.choose(&mut rng).unwrap();
            // A year back to a year ahead; most of the past is done, the rest overdue.
            let due = now + Duration::hours(rng.random_range(-365 * 24..365 * 24));
            let past = due <= now;
            let state = if past && rng.random_bool(0.9) {
                "done"
            } else {
                "pending"
            };
            let due_text = to_db(due);
            // What came due before "now" was notified then.
            let notified = past.then(|| due_text.clone());
            let closed = (state == "done").then(|| due_text.clone());
            followup.execute(params![
                person,
                kind,
                format!(
                    "{} — {}",
                    kind.replace('_', " "),
                    vocabulary::TOPICS.choose(&mut rng).unwrap()
                ),
                due_text,
                state,
                notified,
                notified,
                created,
                closed
            ])?;
        }
    }
    tx.commit()?;

    progress("search index");
    Store::open(data_dir)?.rebuild_search_index()?;
    Ok(Generated {
        people: scale.people,
        organizations,
        now,
    })
}
