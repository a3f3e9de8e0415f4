-- Every recorded change is announced to listening app instances when its transaction commits
-- (NOTIFY is delivered at commit, so a client told of a change can read it). The live package
-- passes it on to the browsers watching that incident.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.incident_id IS NOT NULL THEN
        PERFORM pg_notify('zorgbeeld_change', json_build_object(
            'id', NEW.id, 'incidentId', NEW.incident_id, 'occurredAt', NEW.occurred_at, 'action', NEW.action,
            'subject', NEW.subject, 'summary', left(NEW.summary, 300), 'author', left(NEW.author, 200),
            'organisation', left(NEW.organisation, 200))::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER change_event_notify AFTER INSERT ON change_event FOR EACH ROW EXECUTE FUNCTION notify_change();
