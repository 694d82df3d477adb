-- How close the user is to someone, 0-5; NULL until they set it, so that the default (from the
-- circle and how often they are in touch) keeps following the records.
ALTER TABLE person ADD COLUMN strength INTEGER CHECK (strength BETWEEN 0 AND 5);

-- Follow-ups gain the kind `birthday` (a reminder that comes back every year). SQLite cannot
-- change a CHECK in place, so the table is rebuilt with its rows, ids and indexes.
CREATE TABLE followup_v8 (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER REFERENCES person (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL DEFAULT 'custom' CHECK (kind IN
                         ('thank_you', 'follow_up', 'inform_referrer', 'keep_in_touch', 'birthday', 'custom')),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    due_at           TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'dismissed')),
    notified_at      TEXT,
    notified_due_at  TEXT,
    origin           TEXT NOT NULL DEFAULT 'user',
    created_at       TEXT NOT NULL,
    closed_at        TEXT
) STRICT;
INSERT INTO followup_v8 (id, person_id, kind, title, due_at, state, notified_at, notified_due_at,
                         origin, created_at, closed_at)
    SELECT id, person_id, kind, title, due_at, state, notified_at, notified_due_at,
           origin, created_at, closed_at
    FROM followup;
DROP TABLE followup;
ALTER TABLE followup_v8 RENAME TO followup;
CREATE INDEX followup_pending_due ON followup (due_at) WHERE state = 'pending';
CREATE INDEX followup_person ON followup (person_id);
CREATE UNIQUE INDEX followup_rule_origin ON followup (origin) WHERE origin <> 'user';

-- What the user aims for. Progress is always computed from the records, never stored.
CREATE TABLE goal (
    id          INTEGER PRIMARY KEY,
    what        TEXT NOT NULL CHECK (what IN ('reach_outs', 'interviews', 'new_people', 'thank_you_on_time')),
    count       INTEGER NOT NULL CHECK (count > 0),
    per         TEXT NOT NULL CHECK (per IN ('week', 'month', 'total')),
    created_at  TEXT NOT NULL,
    -- A share of thank-yous is a percent.
    CHECK (what <> 'thank_you_on_time' OR count <= 100)
) STRICT;
-- The goals offered at first start (and on upgrade), each editable or removable.
INSERT INTO goal (what, count, per, created_at) VALUES
    ('reach_outs', 5, 'week', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('interviews', 2, 'month', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('new_people', 50, 'total', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('thank_you_on_time', 100, 'month', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- The weekly plan, kept once made so that it does not reshuffle on every open. `subject` names
-- what an item is about ("followup:12", "air:3", "person:5:tell", "meeting:7:prepare") and is
-- unique in a week; `state` is the user's own choice (done is read from the records).
CREATE TABLE plan_item (
    id          INTEGER PRIMARY KEY,
    week        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('follow_up', 'referral', 'tell_natural_network',
                    'warm_intro', 'going_cold', 'birthday', 'prepare_interview', 'reflect')),
    subject     TEXT NOT NULL,
    person_id   INTEGER REFERENCES person (id) ON DELETE CASCADE,
    followup_id INTEGER,
    meeting_id  INTEGER,
    why         TEXT NOT NULL,
    due_at      TEXT,
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'next_week', 'not_now')),
    created_at  TEXT NOT NULL,
    UNIQUE (week, subject)
) STRICT;
CREATE INDEX plan_item_subject ON plan_item (subject);

-- Goals and the plan count interactions by week and month.
CREATE INDEX interaction_occurred ON interaction (occurred_at);
