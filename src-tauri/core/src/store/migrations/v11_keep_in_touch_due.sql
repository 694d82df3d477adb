-- When each person's keep-in-touch falls due: their last contact plus their cadence (their own,
-- else their strength's, else their circle's; network::strength::CADENCE_SQL says the same, and a
-- test holds the two together). Only people who can be suggested (not you, not archived, not
-- deleted), so that counting them reads the index alone. Kept by triggers, so the plan and Today
-- read the most overdue in the index's order instead of computing it for 30,000 people on every
-- open.
CREATE TABLE keep_in_touch_due (
    person_id  INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    due        REAL NOT NULL  -- a Julian day, as julianday() gives
) STRICT;
CREATE INDEX keep_in_touch_due_by_due ON keep_in_touch_due (due);

CREATE VIEW keep_in_touch_due_computed AS
    SELECT last.person_id, julianday(last.at) + coalesce(p.cadence_days,
               CASE p.strength WHEN 5 THEN 30 WHEN 4 THEN 60 WHEN 3 THEN 90 WHEN 2 THEN 180 END,
               c.cadence_days) AS due
    FROM last_contact last JOIN person p ON p.id = last.person_id
    LEFT JOIN circle c ON c.id = p.circle_id
    WHERE p.is_me = 0 AND p.deleted_at IS NULL AND p.archived_at IS NULL;

INSERT INTO keep_in_touch_due (person_id, due)
    SELECT person_id, due FROM keep_in_touch_due_computed WHERE due IS NOT NULL;

-- A person's last contact comes, moves or goes (its own triggers follow the interactions).
-- Delete-then-insert rather than INSERT OR REPLACE: a trigger takes the conflict rule of the
-- statement that fired it (here last_contact's upsert), not its own.
CREATE TRIGGER keep_in_touch_due_on_contact_insert AFTER INSERT ON last_contact BEGIN
    DELETE FROM keep_in_touch_due WHERE person_id = NEW.person_id;
    INSERT INTO keep_in_touch_due (person_id, due)
        SELECT person_id, due FROM keep_in_touch_due_computed
        WHERE person_id = NEW.person_id AND due IS NOT NULL;
END;
CREATE TRIGGER keep_in_touch_due_on_contact_update AFTER UPDATE OF at ON last_contact BEGIN
    DELETE FROM keep_in_touch_due WHERE person_id = NEW.person_id;
    INSERT INTO keep_in_touch_due (person_id, due)
        SELECT person_id, due FROM keep_in_touch_due_computed
        WHERE person_id = NEW.person_id AND due IS NOT NULL;
END;
CREATE TRIGGER keep_in_touch_due_on_contact_delete AFTER DELETE ON last_contact BEGIN
    DELETE FROM keep_in_touch_due WHERE person_id = OLD.person_id;
END;

-- What the cadence is made of changes (the person's own cadence, strength or circle, or the
-- circle's cadence), or whether they can be suggested (archived, deleted, restored).
CREATE TRIGGER keep_in_touch_due_on_person_update
AFTER UPDATE OF cadence_days, strength, circle_id, is_me, archived_at, deleted_at ON person BEGIN
    DELETE FROM keep_in_touch_due WHERE person_id = NEW.id;
    INSERT INTO keep_in_touch_due (person_id, due)
        SELECT person_id, due FROM keep_in_touch_due_computed
        WHERE person_id = NEW.id AND due IS NOT NULL;
END;
CREATE TRIGGER keep_in_touch_due_on_circle_update AFTER UPDATE OF cadence_days ON circle BEGIN
    DELETE FROM keep_in_touch_due
        WHERE person_id IN (SELECT id FROM person WHERE circle_id = NEW.id);
    INSERT INTO keep_in_touch_due (person_id, due)
        SELECT k.person_id, k.due FROM person p JOIN keep_in_touch_due_computed k ON k.person_id = p.id
        WHERE p.circle_id = NEW.id AND k.due IS NOT NULL;
END;
