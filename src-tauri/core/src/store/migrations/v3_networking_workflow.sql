
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
