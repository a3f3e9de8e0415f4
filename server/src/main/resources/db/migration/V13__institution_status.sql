-- Institution status reports: what a care institution reports about itself (operational status,
-- emergency department, beds per type, casualties received, decontamination, staffing, continuity
-- problems, needs). Same history model as the pictures (V2): an identity row per institution holding
-- the number of its latest report, locked while a new one is written, and one row per report; nothing
-- is changed or deleted, so the status at any earlier moment is the latest report recorded by then.
--
-- A value that was not reported is NULL (unknown), never 0. A bed type that was not reported has no
-- row. Institutions are referred to by their reference-layer id without a foreign key, as pictures do
-- (reference data is re-imported); the name at the time of the report is kept with it.

CREATE TABLE institution_status (
    institution_id  text PRIMARY KEY CHECK (char_length(institution_id) BETWEEN 1 AND 200),
    version         integer NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE institution_status_report (
    institution_id      text NOT NULL REFERENCES institution_status (institution_id),
    version             integer NOT NULL CHECK (version >= 1),
    institution_name    text NOT NULL,
    -- The moment the report describes (EDXL-HAVE LastUpdateTime); the service refuses moments in the future.
    reported_at         timestamptz NOT NULL,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    incident_id         bigint REFERENCES incident (id),
    -- Set when the report confirms that version unchanged ("ongewijzigd bevestigen").
    confirms_version    integer,
    source              text NOT NULL CHECK (source IN ('api', 'edxl-have')),
    operational_status  text CHECK (operational_status IN ('normaal', 'beperkt', 'evacuerend', 'gesloten')),
    ed_status           text CHECK (ed_status IN ('open', 'omleiding', 'gesloten')),
    ed_reason           text CHECK (char_length(ed_reason) <= 500),
    received_t1         integer CHECK (received_t1 >= 0),
    received_t2         integer CHECK (received_t2 >= 0),
    received_t3         integer CHECK (received_t3 >= 0),
    received_dead       integer CHECK (received_dead >= 0),
    received_unknown    integer CHECK (received_unknown >= 0),
    decon_status        text CHECK (decon_status IN ('inactief', 'open', 'vol', 'overschreden')),
    decon_per_hour      integer CHECK (decon_per_hour >= 0),
    staffing            text CHECK (staffing IN ('toereikend', 'krap', 'ontoereikend')),
    continuity_power    text CHECK (continuity_power IN ('geen', 'verstoord', 'kritiek')),
    continuity_water    text CHECK (continuity_water IN ('geen', 'verstoord', 'kritiek')),
    continuity_ict      text CHECK (continuity_ict IN ('geen', 'verstoord', 'kritiek')),
    continuity_staff    text CHECK (continuity_staff IN ('geen', 'verstoord', 'kritiek')),
    continuity_supplies text CHECK (continuity_supplies IN ('geen', 'verstoord', 'kritiek')),
    needs               text CHECK (char_length(needs) <= 1000),
    remarks             text CHECK (char_length(remarks) <= 2000),
    author              text NOT NULL,
    organisation        text NOT NULL,
    PRIMARY KEY (institution_id, version),
    CHECK (confirms_version IS NULL OR confirms_version < version)
);
CREATE INDEX institution_status_report_recorded_idx ON institution_status_report (institution_id, recorded_at);

CREATE TABLE institution_status_bed (
    institution_id  text NOT NULL,
    version         integer NOT NULL,
    bed_type        text NOT NULL CHECK (bed_type IN ('ic-volwassenen', 'ic-kinderen', 'nicu', 'seh', 'mc', 'brandwonden',
                        'psychiatrie', 'isolatie', 'algemeen')),
    available       integer CHECK (available >= 0),
    total           integer CHECK (total >= 0),
    PRIMARY KEY (institution_id, version, bed_type),
    FOREIGN KEY (institution_id, version) REFERENCES institution_status_report (institution_id, version),
    CHECK (available IS NOT NULL OR total IS NOT NULL),
    CHECK (available IS NULL OR total IS NULL OR available <= total)
);

-- A status report belongs to no incident, yet is a change like any other: it is recorded in the
-- change log without an incident (action institution.status.*), so it gets its live stream position
-- (V9) and GET /api/institutions/status/live replays and resumes it as the incident streams do.
ALTER TABLE change_event DROP CONSTRAINT change_event_check;
ALTER TABLE change_event ADD CONSTRAINT change_event_check
    CHECK (incident_id IS NOT NULL OR template_id IS NOT NULL OR action LIKE 'institution.%');
CREATE INDEX change_event_institution_actions_idx ON change_event (seq) WHERE action LIKE 'institution.%';
