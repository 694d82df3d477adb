
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
