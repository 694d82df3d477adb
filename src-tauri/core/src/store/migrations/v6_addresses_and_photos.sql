
-- Postal addresses (vCard ADR), in the order the person's card gave them. An address is never
-- identity: nothing matches on it. `kind` is vCard's home/work (anything else is `other`);
-- `label` is a name the address book gave it ("Cottage", Apple's X-ABLabel).
CREATE TABLE address (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL DEFAULT 0,
    kind         TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('home', 'work', 'other')),
    label        TEXT,
    po_box       TEXT NOT NULL DEFAULT '',
    extended     TEXT NOT NULL DEFAULT '',
    street       TEXT NOT NULL DEFAULT '',
    locality     TEXT NOT NULL DEFAULT '',
    region       TEXT NOT NULL DEFAULT '',
    postal_code  TEXT NOT NULL DEFAULT '',
    country      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX address_person ON address (person_id, position);

-- A person's photo, kept apart from the person row so that lists stay light: the original bytes
-- exactly as they came (for export and sync, never re-encoded), and a small square JPEG
-- thumbnail for display. The id changes whenever the photo does (AUTOINCREMENT never reuses
-- one), so a window can cache thumbnails by it.
CREATE TABLE person_photo (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id   INTEGER NOT NULL UNIQUE REFERENCES person (id) ON DELETE CASCADE,
    media_type  TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    original    BLOB NOT NULL,
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    thumbnail   BLOB NOT NULL,
    set_at      TEXT NOT NULL
) STRICT;
