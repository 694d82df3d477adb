
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
