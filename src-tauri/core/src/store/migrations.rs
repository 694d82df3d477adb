//! The schema, as append-only migrations. Migration N (1-based) takes a store from
//! `user_version` N-1 to N. A released migration is never edited: add a new one instead
//! (a test pins the text of each released migration).

use rusqlite::Connection;

use crate::error::Result;

pub const MIGRATIONS: &[&str] = &[
    V1_CONTACT_GRAPH,
    V2_FOLLOWUPS_AND_SEARCH,
    V3_NETWORKING_WORKFLOW,
    V4_NETWORK_IN_AND_OUT,
    V5_HEAVY_USE,
];

/// The version that last (re)created the search index: a store upgraded from any earlier version
/// has its index filled again.
pub const SEARCH_INDEX_VERSION: i64 = 5;

/// `PRAGMA application_id` of a Rapport store ("Rapp"), set from schema version 4 on.
pub const APPLICATION_ID: i64 = 0x5261_7070;

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

const V1_CONTACT_GRAPH: &str = r#"
CREATE TABLE circle (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    prompt        TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    cadence_days  INTEGER CHECK (cadence_days > 0),
    builtin       INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO circle (name, prompt, position, cadence_days, builtin) VALUES
    ('Family', 'Parents, siblings, cousins, aunts and uncles, relatives', 10, 90, 1),
    ('Friends', 'Friends from home, school, sports and hobbies', 20, 60, 1),
    ('Classmates', 'Present and former classmates, project partners, study groups', 30, 120, 1),
    ('Professors & advisors', 'Professors, faculty advisors, coaches, teaching assistants', 40, 90, 1),
    ('Coworkers', 'Colleagues, coworkers, internship staff', 50, 90, 1),
    ('Supervisors', 'Managers, internship supervisors, people who could be a reference', 60, 60, 1),
    ('Community', 'Neighbours, volunteering, religious community, clubs', 70, 120, 1),
    ('Student organizations', 'Clubs and societies on campus, their officers and alumni', 80, 120, 1),
    ('Events & career fairs', 'People met at career fairs, employer events, conferences', 90, 60, 1),
    ('Online', 'LinkedIn, alumni directories, social media, online groups', 100, 180, 1);

CREATE TABLE person (
    id                INTEGER PRIMARY KEY,
    display_name      TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    given_name        TEXT,
    family_name       TEXT,
    circle_id         INTEGER REFERENCES circle (id) ON DELETE SET NULL,
    email             TEXT,
    phone             TEXT,
    linkedin_url      TEXT,
    how_met           TEXT,
    notes             TEXT NOT NULL DEFAULT '',
    preferred_medium  TEXT,
    cadence_days      INTEGER CHECK (cadence_days > 0),
    is_me             INTEGER NOT NULL DEFAULT 0,
    archived_at       TEXT,
    deleted_at        TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX person_only_one_me ON person (is_me) WHERE is_me = 1;
CREATE INDEX person_circle ON person (circle_id);

CREATE TABLE tag (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE person_tag (
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_tag_tag ON person_tag (tag_id);

CREATE TABLE organization (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    website     TEXT,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE role (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    organization_id  INTEGER NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    title            TEXT,
    started_on       TEXT,
    ended_on         TEXT
) STRICT;
CREATE INDEX role_person ON role (person_id);
CREATE INDEX role_organization ON role (organization_id);

CREATE TABLE link (
    id              INTEGER PRIMARY KEY,
    from_person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    to_person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN
                        ('introduced_by', 'referred_by', 'knows', 'mentor', 'family', 'colleague')),
    note            TEXT NOT NULL DEFAULT '',
    happened_on     TEXT,
    created_at      TEXT NOT NULL,
    CHECK (from_person_id <> to_person_id)
) STRICT;
CREATE INDEX link_from ON link (from_person_id);
CREATE INDEX link_to ON link (to_person_id);

CREATE TABLE interaction (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'email', 'message', 'event',
                     'informational_interview', 'job_interview', 'shared_resource', 'note')),
    occurred_at  TEXT NOT NULL,
    medium       TEXT,
    summary      TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE interaction_participant (
    interaction_id  INTEGER NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (interaction_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX interaction_participant_person ON interaction_participant (person_id);
"#;

const V2_FOLLOWUPS_AND_SEARCH: &str = r#"
-- Lifecycle (state) and delivery (notified_due_at) are kept apart: a follow-up has been
-- delivered for its current due time exactly when notified_due_at = due_at, so snoozing it to a
-- new due time makes it due for delivery again.
CREATE TABLE followup (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER REFERENCES person (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL DEFAULT 'custom' CHECK (kind IN
                         ('thank_you', 'follow_up', 'inform_referrer', 'keep_in_touch', 'custom')),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    due_at           TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'dismissed')),
    notified_at      TEXT,
    notified_due_at  TEXT,
    origin           TEXT NOT NULL DEFAULT 'user',
    created_at       TEXT NOT NULL,
    closed_at        TEXT
) STRICT;
CREATE INDEX followup_pending_due ON followup (due_at) WHERE state = 'pending';
CREATE INDEX followup_person ON followup (person_id);

-- Search index. Rows are written by the core in the same transaction as the record they
-- describe; rowid = 2 * id for people and 2 * id + 1 for organizations. unicode61 with
-- remove_diacritics 2 makes "nunez" find "Ñúñez".
CREATE VIRTUAL TABLE search_index USING fts5 (
    name,
    body,
    tokenize = "unicode61 remove_diacritics 2"
);
"#;

/// The networking workflow of the guide: informational interviews (and formal job interviews)
/// with their preparation, agenda and AIR; pitches; opportunities; and the question bank, whose
/// seed is kept in its own file.
const V3_NETWORKING_WORKFLOW: &str = concat!(
    r#"
CREATE TABLE meeting (
    id                INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind              TEXT NOT NULL CHECK (kind IN ('informational_interview', 'job_interview')),
    title             TEXT NOT NULL DEFAULT '',
    state             TEXT NOT NULL DEFAULT 'idea' CHECK (state IN ('idea', 'preparing', 'requested',
                          'scheduled', 'held', 'thanked', 'followed_up', 'declined', 'cancelled')),
    scheduled_at      TEXT,
    duration_minutes  INTEGER NOT NULL DEFAULT 30 CHECK (duration_minutes BETWEEN 5 AND 240),
    location          TEXT NOT NULL DEFAULT '',
    -- The medium the contact used or prefers; the thank-you follows their lead.
    medium            TEXT,
    -- "I'll follow up on DATE".
    follow_up_on      TEXT,
    notes             TEXT NOT NULL DEFAULT '',
    learned           TEXT NOT NULL DEFAULT '',
    still_to_learn    TEXT NOT NULL DEFAULT '',
    next_steps        TEXT NOT NULL DEFAULT '',
    -- The interaction logged when the meeting was held.
    interaction_id    INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_person ON meeting (person_id);

-- Every change of a meeting's state, dated.
CREATE TABLE meeting_event (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    state       TEXT NOT NULL,
    at          TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_event_meeting ON meeting_event (meeting_id);

-- The guide's seven preparation steps, one row per step once touched.
CREATE TABLE meeting_prep (
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    step        INTEGER NOT NULL CHECK (step BETWEEN 1 AND 7),
    done        INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, step)
) STRICT, WITHOUT ROWID;

CREATE TABLE agenda_item (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 120),
    -- One question per line.
    questions   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

-- The question bank, seeded below and editable by the user.
CREATE TABLE question (
    id        INTEGER PRIMARY KEY,
    theme     TEXT NOT NULL CHECK (theme IN ('career_path', 'day_to_day', 'industry', 'advice', 'referrals')),
    text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
    position  INTEGER NOT NULL DEFAULT 0,
    builtin   INTEGER NOT NULL DEFAULT 0,
    archived  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Advice, Information and Referrals gained from a meeting or interaction. A referral names the
-- person it introduces; its loop closes when a meeting with that person is held.
CREATE TABLE air (
    id                  INTEGER PRIMARY KEY,
    meeting_id          INTEGER REFERENCES meeting (id) ON DELETE CASCADE,
    interaction_id      INTEGER REFERENCES interaction (id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('advice', 'information', 'referral')),
    text                TEXT NOT NULL DEFAULT '',
    referred_person_id  INTEGER REFERENCES person (id) ON DELETE SET NULL,
    closed_at           TEXT,
    created_at          TEXT NOT NULL,
    CHECK (kind <> 'referral' OR referred_person_id IS NOT NULL OR closed_at IS NOT NULL)
) STRICT;
CREATE INDEX air_meeting ON air (meeting_id);
CREATE INDEX air_referred ON air (referred_person_id);

CREATE TABLE pitch (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('elevator', 'infomercial')),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    audience    TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Earlier texts of a pitch, restorable.
CREATE TABLE pitch_version (
    id        INTEGER PRIMARY KEY,
    pitch_id  INTEGER NOT NULL REFERENCES pitch (id) ON DELETE CASCADE,
    text      TEXT NOT NULL,
    saved_at  TEXT NOT NULL
) STRICT;
CREATE INDEX pitch_version_pitch ON pitch_version (pitch_id);

-- The hidden job market: leads heard of through the network.
CREATE TABLE opportunity (
    id                INTEGER PRIMARY KEY,
    role              TEXT NOT NULL CHECK (length(trim(role)) > 0),
    organization_id   INTEGER REFERENCES organization (id) ON DELETE SET NULL,
    source_person_id  INTEGER REFERENCES person (id) ON DELETE SET NULL,
    meeting_id        INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    air_id            INTEGER REFERENCES air (id) ON DELETE SET NULL,
    status            TEXT NOT NULL DEFAULT 'heard_of' CHECK (status IN ('heard_of', 'researching',
                          'referred', 'applied', 'interviewing', 'offer', 'closed')),
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE INDEX opportunity_organization ON opportunity (organization_id);

-- Every change of an opportunity's status, dated.
CREATE TABLE opportunity_event (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    at              TEXT NOT NULL
) STRICT;
CREATE INDEX opportunity_event_opportunity ON opportunity_event (opportunity_id);

-- Organizations the user wants to get into; each shows who they know there.
ALTER TABLE organization ADD COLUMN is_target INTEGER NOT NULL DEFAULT 0;

-- Follow-ups made by a rule carry a key naming the rule and its subject (for example
-- "meeting:12:thank_you"), so that applying a rule twice never makes two.
CREATE UNIQUE INDEX followup_rule_origin ON followup (origin) WHERE origin <> 'user';

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
"#,
    include_str!("migrations/v3_question_bank.sql")
);

/// What importing, exporting, merging and backing up need: a stable identity per person (the
/// vCard UID), more than one email or phone, birthdays, the LinkedIn connection date, indexes for
/// matching incoming contacts, and merges that can be undone.
const V4_NETWORK_IN_AND_OUT: &str = r#"
-- Marks the file as Rapport's, so that a restore can tell it from any other SQLite database.
PRAGMA application_id = 1381003376;
ALTER TABLE person ADD COLUMN uid TEXT;
ALTER TABLE person ADD COLUMN birthday TEXT;
ALTER TABLE person ADD COLUMN connected_on TEXT;
-- A random version-4 UUID for everyone already stored; new people get one from the core.
UPDATE person SET uid = lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' ||
    hex(randomblob(6)));
CREATE UNIQUE INDEX person_uid ON person (uid);
CREATE INDEX person_email ON person (email COLLATE NOCASE);
CREATE INDEX person_linkedin_url ON person (linkedin_url);

-- Emails and phone numbers beyond the person's main ones (person.email, person.phone).
CREATE TABLE contact_point (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
    label      TEXT,
    value      TEXT NOT NULL CHECK (length(trim(value)) > 0),
    UNIQUE (person_id, kind, value)
) STRICT;
CREATE INDEX contact_point_value ON contact_point (kind, value COLLATE NOCASE);

INSERT INTO circle (name, prompt, position, cadence_days, builtin)
    SELECT 'LinkedIn', 'Connections imported from LinkedIn', 105, 180, 1
    WHERE NOT EXISTS (SELECT 1 FROM circle WHERE name = 'LinkedIn');

-- A merge moves every row that named the merged person to the survivor and soft-deletes the
-- merged person; `moved` (JSON) lists those rows and `survivor_before` the survivor's fields, so
-- that undoing puts everything back. Purging the merged person removes the record with it.
CREATE TABLE person_merge (
    id               INTEGER PRIMARY KEY,
    survivor_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    merged_id        INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    moved            TEXT NOT NULL,
    survivor_before  TEXT NOT NULL,
    merged_at        TEXT NOT NULL,
    undone_at        TEXT
) STRICT;
CREATE INDEX person_merge_merged ON person_merge (merged_id);

-- Pairs the user has said are two different people, so they are not offered as duplicates again.
CREATE TABLE distinct_people (
    first_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    second_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (first_id, second_id),
    CHECK (first_id < second_id)
) STRICT, WITHOUT ROWID;
"#;

/// What heavy use (30,000 people, 300,000 interactions) needed:
/// - the search index again, with prefix indexes for the first one, two and three letters:
///   typing "a" merged the lists of every word starting with "a" on each keystroke. The core
///   fills it again after the upgrade;
/// - each person's last contact, kept by triggers wherever interactions or their participants
///   change, so that Today's "going cold" reads a row a person instead of every interaction.
const V5_HEAVY_USE: &str = r#"
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    name,
    body,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '1 2 3'
);

CREATE TABLE last_contact (
    person_id  INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    at         TEXT NOT NULL
) STRICT;
INSERT INTO last_contact (person_id, at)
    SELECT ip.person_id, max(i.occurred_at)
    FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id
    GROUP BY ip.person_id;

CREATE TRIGGER last_contact_on_participant_insert AFTER INSERT ON interaction_participant BEGIN
    INSERT INTO last_contact (person_id, at)
        SELECT NEW.person_id, occurred_at FROM interaction WHERE id = NEW.interaction_id
        ON CONFLICT (person_id) DO UPDATE SET at = max(at, excluded.at);
END;

-- The other changes recompute the people concerned from their interactions.
CREATE TRIGGER last_contact_on_participant_delete AFTER DELETE ON interaction_participant BEGIN
    DELETE FROM last_contact WHERE person_id = OLD.person_id;
    INSERT INTO last_contact (person_id, at)
        SELECT ip.person_id, max(i.occurred_at)
        FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id
        WHERE ip.person_id = OLD.person_id AND EXISTS (SELECT 1 FROM person WHERE id = OLD.person_id)
        GROUP BY ip.person_id;
END;

CREATE TRIGGER last_contact_on_participant_update AFTER UPDATE ON interaction_participant BEGIN
    DELETE FROM last_contact WHERE person_id IN (OLD.person_id, NEW.person_id);
    INSERT INTO last_contact (person_id, at)
        SELECT ip.person_id, max(i.occurred_at)
        FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id
        WHERE ip.person_id IN (OLD.person_id, NEW.person_id)
        GROUP BY ip.person_id;
END;

CREATE TRIGGER last_contact_on_interaction_update AFTER UPDATE OF occurred_at ON interaction BEGIN
    DELETE FROM last_contact
        WHERE person_id IN (SELECT person_id FROM interaction_participant WHERE interaction_id = NEW.id);
    INSERT INTO last_contact (person_id, at)
        SELECT ip.person_id, max(i.occurred_at)
        FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id
        WHERE ip.person_id IN (SELECT person_id FROM interaction_participant WHERE interaction_id = NEW.id)
        GROUP BY ip.person_id;
END;
"#;

/// Applies every migration after the store's current version, each in its own transaction.
/// Returns the version the store had before.
///
/// Safe when several connections (say, two processes) open an old store at once: each step
/// re-reads the version inside an IMMEDIATE transaction, so only one of them applies it and the
/// others find it done. The version returned is the one found under the first such lock.
pub fn migrate(conn: &mut Connection) -> Result<i64> {
    let current = user_version(conn)?;
    if current >= LATEST_VERSION {
        return Ok(current);
    }
    let mut before = None;
    for version in current + 1..=LATEST_VERSION {
        let found = apply(conn, version)?;
        before.get_or_insert(found);
    }
    Ok(before.unwrap_or(current))
}

/// Applies migrations `from+1 ..= to`, skipping any another connection has applied meanwhile.
/// Public so that tests can build every older schema.
pub fn migrate_to(conn: &mut Connection, from: i64, to: i64) -> Result<()> {
    for version in from + 1..=to {
        apply(conn, version)?;
    }
    Ok(())
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Applies migration `version` unless the store is already there, in one IMMEDIATE transaction
/// (the write lock is taken before the version is read, so no other connection can apply it
/// between the check and the change). Returns the version found.
fn apply(conn: &mut Connection, version: i64) -> Result<i64> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let found = user_version(&tx)?;
    if found >= version {
        return Ok(found);
    }
    tx.execute_batch(MIGRATIONS[(version - 1) as usize])?;
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()?;
    tracing::info!(version, "migrated store");
    Ok(found)
}
