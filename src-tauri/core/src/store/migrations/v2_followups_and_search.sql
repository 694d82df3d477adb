
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
