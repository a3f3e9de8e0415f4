-- Live updates without loss: every change_event gets a stream position `seq` that follows commit
-- order, so a reader that has seen position N and asks for "after N" can never miss a lower
-- position that commits later.
--
-- Why not the identity `id`: identity and sequence values are handed out at INSERT, not at COMMIT.
-- Transaction A takes id 10, B takes 11, B commits first: a reader that saw 11 and asks for "> 11"
-- would never get 10. So the position is assigned at commit time instead, by a deferred constraint
-- trigger (it runs as the transaction commits, after all its other work), under a transaction-level
-- advisory lock: the next committing transaction can only take its positions once this one has
-- committed and released the lock. Positions therefore rise in commit order; a rollback or a failed
-- commit leaves a gap, which readers ("seq > N") do not mind. The lock is held only from the trigger
-- to the end of the commit, after every row lock the transaction took, so it cannot deadlock with them.
--
-- `data` holds the changed object itself (a bullet, an element as a GeoJSON Feature, the incident,
-- the analysis delta), written in the same transaction as the change, so an event carries it
-- without another query and a replay shows the object as it was at that change.
ALTER TABLE change_event ADD COLUMN seq bigint, ADD COLUMN data jsonb;

CREATE SEQUENCE change_event_seq AS bigint;
-- Existing rows committed long ago: their insertion order is their commit order.
UPDATE change_event SET seq = id;
SELECT setval('change_event_seq', coalesce((SELECT max(seq) FROM change_event), 0) + 1, false);

CREATE UNIQUE INDEX change_event_seq_idx ON change_event (seq);
CREATE INDEX change_event_incident_seq_idx ON change_event (incident_id, seq);
-- The incident-list stream (/api/live) replays incident changes of every incident.
CREATE INDEX change_event_incident_actions_idx ON change_event (seq) WHERE action LIKE 'incident.%';

-- V6 notified at insert with the whole change; the notification now only says "positions up to seq
-- are committed" (listeners read the rows from the table, which also keeps payloads far below
-- NOTIFY's 8000-byte limit whatever the size of the changed object).
DROP TRIGGER change_event_notify ON change_event;
DROP FUNCTION notify_change();

CREATE FUNCTION assign_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    position bigint;
BEGIN
    -- 7201012: this project's lock number for "assigning change positions" (any constant works,
    -- as long as nothing else in the database uses it).
    PERFORM pg_advisory_xact_lock(7201012);
    position := nextval('change_event_seq');
    UPDATE change_event SET seq = position WHERE id = NEW.id;
    PERFORM pg_notify('zorgbeeld_change', position::text);
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER change_event_seq_at_commit AFTER INSERT ON change_event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION assign_change_seq();
