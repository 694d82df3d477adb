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
use rapport_core::time::to_db;
use rapport_core::Store;
use rusqlite::{params, Connection};

use crate::names;

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

/// Letters and digits only, lower case: for e-mail addresses and profile URLs.
fn slug(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A person's name and workplace, drawn the same way for the store and for the CSV.
struct Drawn {
    given: &'static str,
    family: &'static str,
    organization: usize,
    title: &'static str,
}

fn draw(rng: &mut ChaCha8Rng, organizations: usize) -> Drawn {
    Drawn {
        given: names::GIVEN.choose(rng).unwrap(),
        family: names::FAMILY.choose(rng).unwrap(),
        organization: rng.random_range(0..organizations),
        title: names::TITLES.choose(rng).unwrap(),
    }
}

fn organization_name(index: usize) -> String {
    let words = names::ORGANIZATION_WORDS;
    let kinds = names::ORGANIZATION_KINDS;
    let word = words[index % words.len()];
    let kind = kinds[(index / words.len()) % kinds.len()];
    match index / (words.len() * kinds.len()) {
        0 => format!("{word} {kind}"),
        n => format!("{word} {kind} {}", n + 1),
    }
}

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
    let database = data_dir.join(rapport_core::paths::DATABASE_FILE);
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
        for name in names::TAGS {
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
                .then(|| *names::HOW_MET.choose(&mut rng).unwrap());
            let notes = if rng.random_bool(0.2) {
                *names::TOPICS.choose(&mut rng).unwrap()
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
                    names::TITLES.choose(&mut rng),
                    None::<String>,
                    &started[..10]
                ])?;
            }
            if rng.random_bool(0.2) {
                person_tag.execute(params![id, names::TAGS.choose(&mut rng)])?;
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
                *names::TOPICS.choose(&mut rng).unwrap()
            } else {
                ""
            };
            interaction.execute(params![
                INTERACTION_KINDS.choose(&mut rng),
                at,
                names::TOPICS.choose(&mut rng),
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
                    names::TOPICS.choose(&mut rng).unwrap()
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

/// Writes a LinkedIn `Connections.csv` of `rows` connections, as LinkedIn exports it (a notes
/// preamble, then the header; most e-mail addresses empty, as members rarely share them).
pub fn write_connections_csv(path: &Path, rows: usize, seed: u64) -> Outcome<()> {
    use std::io::Write;
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x4c69_6e6b);
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    file.write_all(b"Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email\"\r\n\r\n")?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(file);
    writer.write_record([
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    ])?;
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    for index in 0..rows {
        let drawn = draw(&mut rng, 2_000);
        let url = format!(
            "https://www.linkedin.com/in/{}-{}-{index:x}",
            slug(drawn.given),
            slug(drawn.family)
        );
        let email = if rng.random_bool(0.1) {
            format!(
                "{}.{}{index}@mail.example",
                slug(drawn.given),
                slug(drawn.family)
            )
        } else {
            String::new()
        };
        let connected = format!(
            "{:02} {} {}",
            rng.random_range(1..=28),
            months.choose(&mut rng).unwrap(),
            rng.random_range(2012..=2026)
        );
        writer.write_record([
            drawn.given,
            drawn.family,
            &url,
            &email,
            &organization_name(drawn.organization),
            drawn.title,
            &connected,
        ])?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Scale = Scale {
        people: 300,
        organizations: 40,
        interactions: 3_000,
        links: 2_400,
        followups: 300,
        my_connections: 30,
    };

    fn counts(dir: &Path) -> Vec<i64> {
        let conn = Connection::open(dir.join(rapport_core::paths::DATABASE_FILE)).unwrap();
        [
            "person",
            "organization",
            "interaction",
            "link",
            "followup",
            "search_index",
        ]
        .iter()
        .map(|table| {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let conn = Connection::open(dir.join(rapport_core::paths::DATABASE_FILE)).unwrap();
        let mut statement = conn
            .prepare("SELECT display_name || '|' || coalesce(email, '') FROM person ORDER BY id")
            .unwrap();
        statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn a_seed_gives_the_same_store_and_the_requested_amounts() {
        let now = rapport_core::time::from_db(DEFAULT_NOW).unwrap();
        let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        generate_store(first.path(), SMALL, 7, now, &mut |_| {}).unwrap();
        generate_store(second.path(), SMALL, 7, now, &mut |_| {}).unwrap();
        // The user, plus everyone generated; links include the user's own connections.
        assert_eq!(counts(first.path()), vec![301, 40, 3_000, 2_430, 300, 301]);
        assert_eq!(names_in(first.path()), names_in(second.path()));
        let other = tempfile::tempdir().unwrap();
        generate_store(other.path(), SMALL, 8, now, &mut |_| {}).unwrap();
        assert_ne!(names_in(first.path()), names_in(other.path()));
    }

    #[test]
    fn the_generated_store_is_searchable_through_the_core() {
        let now = rapport_core::time::from_db(DEFAULT_NOW).unwrap();
        let dir = tempfile::tempdir().unwrap();
        generate_store(dir.path(), SMALL, 7, now, &mut |_| {}).unwrap();
        let store = Store::open(dir.path()).unwrap();
        let someone = store.person(150).unwrap();
        let email = someone.email.clone().expect("a generated e-mail");
        let found = store.search_people(&email).unwrap();
        assert_eq!(found.iter().map(|p| p.id).collect::<Vec<_>>(), vec![150]);
        let by_family = store
            .search_people(someone.family_name.as_deref().unwrap())
            .unwrap();
        assert!(by_family.iter().any(|p| p.id == 150));
    }

    #[test]
    fn the_connections_file_imports_as_linkedin_with_every_row() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Connections.csv");
        write_connections_csv(&path, 500, 7).unwrap();
        let again = dir.path().join("again.csv");
        write_connections_csv(&again, 500, 7).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&again).unwrap()
        );
        let bytes = std::fs::read(&path).unwrap();
        let parsed =
            rapport_core::import::parse(rapport_core::import::ImportFormat::Linkedin, &bytes)
                .unwrap();
        assert_eq!(parsed.contacts.len(), 500);
        assert!(parsed.skipped.is_empty());
    }
}
