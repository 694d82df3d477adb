-- Sync with the user's own CardDAV/CalDAV server. The password is never here: it lives in the
-- operating system's keyring, under the account's id.
CREATE TABLE sync_account (
    id                  INTEGER PRIMARY KEY,
    url                 TEXT NOT NULL,
    user_name           TEXT NOT NULL,
    addressbook_name    TEXT NOT NULL,
    addressbook_url     TEXT NOT NULL,
    -- 4.0 where the server says it takes it, 3.0 otherwise.
    vcard_version       TEXT NOT NULL DEFAULT '3.0' CHECK (vcard_version IN ('3.0', '4.0')),
    calendar_name       TEXT NOT NULL,
    calendar_url        TEXT NOT NULL,
    -- The address book's sync-token (RFC 6578) or ctag at the end of the last good pass.
    addressbook_token   TEXT,
    last_sync_at        TEXT,
    last_error_code     TEXT,
    last_error_message  TEXT,
    last_error_at       TEXT,
    created_at          TEXT NOT NULL,
    UNIQUE (url, user_name)
) STRICT;

-- One card on the server per person: where it is, the ETag it had when Rapport last read or
-- wrote it, and the card as both sides last agreed on it (the base of the field-by-field merge).
-- person_id has no foreign key: a person purged after the undo hour leaves the row behind, which
-- is how the next pass knows to delete the card.
CREATE TABLE sync_card (
    account_id   INTEGER NOT NULL REFERENCES sync_account (id) ON DELETE CASCADE,
    href         TEXT NOT NULL,
    person_id    INTEGER NOT NULL,
    etag         TEXT,
    base         TEXT NOT NULL,
    -- When Rapport last sent or received it.
    synced_at    TEXT NOT NULL,
    -- Changes to the person not sent yet (counted by the triggers below, so that an edit made
    -- while its card is on its way is sent too; timestamps have a second's grain).
    dirty        INTEGER NOT NULL DEFAULT 0,
    -- What other programs keep on the card that Rapport does not (a nickname, IM handles…),
    -- written back with Rapport's card so that sending never erases it.
    foreign_properties TEXT,
    -- Deleted on the server by another device: the person is kept and not uploaded again until
    -- the user chooses to.
    removed_at   TEXT,
    -- 'own': the card Rapport writes the person to. 'also': another card on the server found
    -- to be the same person (made on a phone before the sync): read, merged, never written.
    role         TEXT NOT NULL DEFAULT 'own' CHECK (role IN ('own', 'also')),
    PRIMARY KEY (account_id, href)
) STRICT;
CREATE UNIQUE INDEX sync_card_person ON sync_card (account_id, person_id) WHERE role = 'own';
CREATE INDEX sync_card_of_person ON sync_card (person_id);

-- Whatever a card carries, changed: the card is to be sent again.
CREATE TRIGGER sync_dirty_person AFTER UPDATE ON person BEGIN
    UPDATE sync_card SET dirty = dirty + 1 WHERE person_id = NEW.id;
END;
CREATE TRIGGER sync_dirty_address_added AFTER INSERT ON address BEGIN
    UPDATE sync_card SET dirty = dirty + 1 WHERE person_id = NEW.person_id;
END;
CREATE TRIGGER sync_dirty_address_removed AFTER DELETE ON address BEGIN
    UPDATE sync_card SET dirty = dirty + 1 WHERE person_id = OLD.person_id;
END;
CREATE TRIGGER sync_dirty_photo_set AFTER INSERT ON person_photo BEGIN
    UPDATE sync_card SET dirty = dirty + 1 WHERE person_id = NEW.person_id;
END;
CREATE TRIGGER sync_dirty_photo_removed AFTER DELETE ON person_photo BEGIN
    UPDATE sync_card SET dirty = dirty + 1 WHERE person_id = OLD.person_id;
END;
CREATE TRIGGER sync_dirty_link_added AFTER INSERT ON link BEGIN
    UPDATE sync_card SET dirty = dirty + 1 WHERE person_id = NEW.from_person_id;
END;
CREATE TRIGGER sync_dirty_link_removed AFTER DELETE ON link BEGIN
    UPDATE sync_card SET dirty = dirty + 1 WHERE person_id = OLD.from_person_id;
END;

-- Follow-ups and meetings sent as events (one way, Rapport to the server).
CREATE TABLE sync_event (
    account_id   INTEGER NOT NULL REFERENCES sync_account (id) ON DELETE CASCADE,
    -- 'followup:12' or 'meeting:3'.
    source       TEXT NOT NULL,
    href         TEXT NOT NULL,
    etag         TEXT,
    -- What was sent, so that an unchanged event is not sent again.
    sent         TEXT NOT NULL,
    PRIMARY KEY (account_id, source)
) STRICT;

-- What sync changed on a person, and the conflicts it kept: shown on the person page.
CREATE TABLE sync_change (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES sync_account (id) ON DELETE CASCADE,
    at           TEXT NOT NULL,
    field        TEXT NOT NULL,
    before       TEXT,
    after        TEXT,
    -- 1: both sides changed the field; Rapport's value was kept and `after` is the other one.
    conflict     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX sync_change_person ON sync_change (person_id, at);
