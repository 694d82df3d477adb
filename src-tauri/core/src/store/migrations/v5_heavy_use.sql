
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
