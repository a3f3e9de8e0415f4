-- Incidents restored from a snapshot (issue 16): where they came from, and how they were taken in.
-- An 'archive' is a read-only copy (every write into it is refused with 409); a 'handover' is a
-- new, writable incident that carries on the picture handed over by another region or system.
-- The rest of the restored incident lives in the ordinary tables, under new ids.
CREATE TABLE incident_origin (
    incident_id              bigint PRIMARY KEY REFERENCES incident (id),
    mode                     text NOT NULL CHECK (mode IN ('archive', 'handover')),
    -- The incident as the snapshot named it in the system it came from.
    source_incident_id       bigint NOT NULL,
    source_title             text NOT NULL,
    -- The moment the snapshot shows, and when it was made.
    snapshot_shows           timestamptz NOT NULL,
    snapshot_exported_at     timestamptz NOT NULL,
    restored_at              timestamptz NOT NULL DEFAULT now(),
    restored_by_author       text NOT NULL,
    restored_by_organisation text NOT NULL
);
