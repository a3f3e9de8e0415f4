-- The network analysis: which care institutions an incident touches.
--
-- The analysis itself is computed on request from the current picture elements and the institution
-- layer (nothing to store). What is stored is what must outlive a request:
-- * the last result per incident (analysis_snapshot), recomputed with the default rings after every
--   change of the incident's elements, and the differences found each time (analysis_run and
--   analysis_change): newly affected, no longer affected, zone changed;
-- * the stakeholder status per incident and institution, versioned like the other mutable things
--   (identity row with the current version number plus one row per version).
--
-- Zones are text keys: LBW, AGW, VRW, 'effectgebied:<free text zone>', 'incidentgebied' or
-- 'ring:<metres>'. Institutions are referred to by their reference-layer id without a foreign key,
-- with their name kept alongside (reference data is re-imported; the record must outlive that).

CREATE TABLE analysis_run (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id   bigint NOT NULL REFERENCES incident (id),
    computed_at   timestamptz NOT NULL DEFAULT now(),
    rings         double precision[] NOT NULL,
    affected      integer NOT NULL CHECK (affected >= 0),
    added         integer NOT NULL CHECK (added >= 0),
    removed       integer NOT NULL CHECK (removed >= 0),
    zone_changed  integer NOT NULL CHECK (zone_changed >= 0),
    author        text NOT NULL,
    organisation  text NOT NULL
);
CREATE INDEX analysis_run_incident_idx ON analysis_run (incident_id, id);

CREATE TABLE analysis_snapshot (
    incident_id      bigint NOT NULL REFERENCES incident (id),
    institution_id   text NOT NULL,
    institution_name text NOT NULL,
    zone             text NOT NULL,
    element_id       uuid NOT NULL,
    distance_m       double precision NOT NULL CHECK (distance_m >= 0),
    -- The run in which the institution became affected (again), and the one that gave it this zone.
    affected_run_id  bigint NOT NULL REFERENCES analysis_run (id),
    zone_run_id      bigint NOT NULL REFERENCES analysis_run (id),
    PRIMARY KEY (incident_id, institution_id)
);

CREATE TABLE analysis_change (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id            bigint NOT NULL REFERENCES analysis_run (id),
    incident_id       bigint NOT NULL REFERENCES incident (id),
    institution_id    text NOT NULL,
    institution_name  text NOT NULL,
    change            text NOT NULL CHECK (change IN ('nieuw', 'niet_meer_geraakt', 'zone_gewijzigd')),
    from_zone         text,
    to_zone           text,
    distance_m        double precision CHECK (distance_m >= 0),
    CHECK ((change = 'nieuw' AND from_zone IS NULL AND to_zone IS NOT NULL)
        OR (change = 'niet_meer_geraakt' AND from_zone IS NOT NULL AND to_zone IS NULL)
        OR (change = 'zone_gewijzigd' AND from_zone IS NOT NULL AND to_zone IS NOT NULL))
);
CREATE INDEX analysis_change_incident_idx ON analysis_change (incident_id, run_id);
CREATE INDEX analysis_change_institution_idx ON analysis_change (incident_id, institution_id, run_id);

CREATE TABLE stakeholder (
    incident_id     bigint NOT NULL REFERENCES incident (id),
    institution_id  text NOT NULL,
    version         integer NOT NULL CHECK (version >= 1),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_id, institution_id)
);

CREATE TABLE stakeholder_version (
    incident_id       bigint NOT NULL,
    institution_id    text NOT NULL,
    version           integer NOT NULL CHECK (version >= 1),
    status            text NOT NULL CHECK (status IN ('te_beoordelen', 'te_informeren', 'geinformeerd', 'betrokken', 'niet_relevant')),
    note              text CHECK (char_length(note) <= 1000),
    institution_name  text NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    author            text NOT NULL,
    organisation      text NOT NULL,
    PRIMARY KEY (incident_id, institution_id, version),
    FOREIGN KEY (incident_id, institution_id) REFERENCES stakeholder (incident_id, institution_id)
);

-- "Mijn blootstelling" looks up all locations of one organisation.
CREATE INDEX institution_organisation_idx ON institution (lower(organisation));
