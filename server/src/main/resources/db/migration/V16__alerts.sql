-- Alerting care institutions (issue 13): alerts from the picture with their recipients and what each
-- did with it (delivered, read, acknowledged), the warning distance an institution sets for itself and
-- the warnings that gave, CAP alerts received from other systems, and outbound channels per
-- organisation with the record of what was sent through them.
--
-- Institutions are referred to by their reference-layer id without a foreign key, with the name and
-- contact details kept alongside (reference data is re-imported; the record must outlive that).

-- The institutions a change is addressed to (an alert, an acknowledgement, a warning): the personal
-- stream of an institution's users (GET /api/me/live) carries the changes whose audience holds it.
ALTER TABLE change_event ADD COLUMN audience text[];
CREATE INDEX change_event_audience_idx ON change_event USING gin (audience) WHERE audience IS NOT NULL;

CREATE TABLE alert (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id       bigint NOT NULL REFERENCES incident (id),
    msg_type          text NOT NULL CHECK (msg_type IN ('Alert', 'Update', 'Cancel')),
    -- The alert an Update or Cancel changes.
    references_id     bigint REFERENCES alert (id),
    -- CAP status: Exercise for an exercise incident, else Actual.
    status            text NOT NULL CHECK (status IN ('Actual', 'Exercise')),
    category          text NOT NULL CHECK (category IN ('Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env',
                          'Transport', 'Infra', 'CBRNE', 'Other')),
    event             text NOT NULL CHECK (char_length(event) BETWEEN 1 AND 200),
    response_type     text NOT NULL CHECK (response_type IN ('Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor',
                          'Assess', 'AllClear', 'None')),
    urgency           text NOT NULL CHECK (urgency IN ('Immediate', 'Expected', 'Future', 'Past', 'Unknown')),
    severity          text NOT NULL CHECK (severity IN ('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown')),
    certainty         text NOT NULL CHECK (certainty IN ('Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown')),
    headline          text NOT NULL CHECK (char_length(headline) BETWEEN 1 AND 200),
    description       text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 4000),
    instruction       text CHECK (char_length(instruction) <= 2000),
    expires           timestamptz,
    -- The audience as asked ({"affected": true, "zone": "AGW", ...}), kept to show how the list came about.
    audience          jsonb NOT NULL,
    area_desc         text NOT NULL CHECK (char_length(area_desc) BETWEEN 1 AND 500),
    -- The zone as polygons in RD New; null when the alert has no area of its own (only a location or none).
    area              geometry(Geometry, 28992),
    area_wgs84        geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_Transform(area, 4326)) STORED,
    -- A CAP circle around the incident location when there is no zone: centre and radius.
    circle_centre     geometry(Point, 28992),
    circle_centre_wgs84 geometry(Point, 4326) GENERATED ALWAYS AS (ST_Transform(circle_centre, 4326)) STORED,
    circle_radius_m   double precision CHECK (circle_radius_m > 0),
    substance         text CHECK (char_length(substance) <= 200),
    threshold         text CHECK (char_length(threshold) <= 200),
    wind              text CHECK (char_length(wind) <= 200),
    sent_at           timestamptz NOT NULL DEFAULT now(),
    -- Without acknowledgement by then the recipient is flagged and joins the call list.
    ack_deadline      timestamptz NOT NULL,
    author            text NOT NULL,
    organisation      text NOT NULL,
    user_id           bigint REFERENCES app_user (id),
    -- The later alert that updated or cancelled this one.
    superseded_by     bigint REFERENCES alert (id),
    cancelled_by      bigint REFERENCES alert (id),
    CHECK ((msg_type = 'Alert') = (references_id IS NULL)),
    CHECK ((circle_centre IS NULL) = (circle_radius_m IS NULL))
);
CREATE INDEX alert_incident_idx ON alert (incident_id, id);

CREATE TABLE alert_recipient (
    alert_id             bigint NOT NULL REFERENCES alert (id),
    institution_id       text NOT NULL,
    institution_name     text NOT NULL,
    institution_type     text NOT NULL,
    organisation         text,
    region_code          text,
    phone                text,
    email                text,
    -- Connected: some user speaks for the institution (its own institution_id, or its organisation's).
    connected            boolean NOT NULL,
    -- The zone the analysis gave it when the alert was sent (null when it was chosen otherwise).
    zone                 text,
    distance_m           double precision CHECK (distance_m >= 0),
    delivered_at         timestamptz,
    delivered_by         text,
    read_at              timestamptz,
    read_by              text,
    acknowledged_at      timestamptz,
    acknowledged_by      text,
    acknowledged_by_user bigint REFERENCES app_user (id),
    acknowledged_organisation text,
    acknowledgement_note text CHECK (char_length(acknowledgement_note) <= 1000),
    -- Set once when the deadline passed without acknowledgement (also shown before it is set).
    overdue_at           timestamptz,
    PRIMARY KEY (alert_id, institution_id),
    CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE INDEX alert_recipient_institution_idx ON alert_recipient (institution_id, alert_id);
CREATE INDEX alert_recipient_open_idx ON alert_recipient (alert_id) WHERE acknowledged_at IS NULL AND overdue_at IS NULL;

-- An institution's own warning distance: which hazards count and how near they may come. One
-- setting per institution, versioned by a counter (If-Match).
CREATE TABLE warning_setting (
    institution_id   text PRIMARY KEY,
    distance_m       double precision NOT NULL CHECK (distance_m > 0 AND distance_m <= 50000),
    hazard_kinds     text[] NOT NULL CHECK (cardinality(hazard_kinds) >= 1
                         AND hazard_kinds <@ ARRAY['incidentlocatie', 'incidentgebied', 'effectgebied']),
    -- The organisation of the coordinator who set it: its region and invitations decide which incidents count.
    organisation_id  bigint NOT NULL REFERENCES organisation (id),
    version          integer NOT NULL CHECK (version >= 1),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    author           text NOT NULL,
    organisation     text NOT NULL
);

-- A warning given because a hazard came within an institution's warning distance: once per hazard
-- version (the element's version), never again for the same one.
CREATE TABLE proximity_warning (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id      bigint NOT NULL REFERENCES incident (id),
    institution_id   text NOT NULL,
    institution_name text NOT NULL,
    element_id       uuid NOT NULL,
    element_version  integer NOT NULL CHECK (element_version >= 1),
    hazard_kind      text NOT NULL,
    hazard_zone      text,
    hazard_label     text,
    distance_m       double precision NOT NULL CHECK (distance_m >= 0),
    setting_distance_m double precision NOT NULL CHECK (setting_distance_m > 0),
    bearing          double precision,
    direction        text,
    description      text NOT NULL,
    warned_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (institution_id, element_id, element_version)
);
CREATE INDEX proximity_warning_incident_idx ON proximity_warning (incident_id, id);

-- A CAP 1.2 alert received from another system (POST /api/cap), shown on the map and in the picture
-- of the incidents of its region as an external warning. The document is kept as it came.
CREATE TABLE external_warning (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    identifier       text NOT NULL,
    sender           text NOT NULL,
    sent             timestamptz NOT NULL,
    status           text NOT NULL,
    msg_type         text NOT NULL,
    scope            text NOT NULL,
    event            text,
    headline         text,
    description      text,
    instruction      text,
    severity         text,
    urgency          text,
    certainty        text,
    expires          timestamptz,
    area_desc        text,
    geom             geometry(Geometry, 28992),
    geom_wgs84       geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_Transform(geom, 4326)) STORED,
    region_code      text NOT NULL,
    -- The incident it was received for (optional); the others of the region show it too.
    incident_id      bigint REFERENCES incident (id),
    -- An Update or Cancel received later that replaces this one.
    replaced_by      bigint REFERENCES external_warning (id),
    document         text NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    author           text NOT NULL,
    organisation     text NOT NULL,
    UNIQUE (sender, identifier)
);
CREATE INDEX external_warning_region_idx ON external_warning (upper(region_code), id);
CREATE INDEX external_warning_geom_idx ON external_warning USING gist (geom);

-- Outbound channels of an organisation for its alerts and warnings: e-mail (SMTP) or a webhook that
-- receives the alert as JSON signed with HMAC-SHA256 (the key has to be readable to sign, so it is
-- kept as it is, like the TOTP secrets).
CREATE TABLE organisation_channel (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  bigint NOT NULL REFERENCES organisation (id),
    kind             text NOT NULL CHECK (kind IN ('email', 'webhook')),
    address          text NOT NULL CHECK (char_length(address) BETWEEN 3 AND 500),
    secret           text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    removed_at       timestamptz,
    CHECK ((kind = 'webhook') = (secret IS NOT NULL))
);
CREATE INDEX organisation_channel_organisation_idx ON organisation_channel (organisation_id) WHERE removed_at IS NULL;

-- What was sent through a channel, and how it went.
CREATE TABLE channel_delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel_id       bigint NOT NULL REFERENCES organisation_channel (id),
    subject          text NOT NULL,
    incident_id      bigint REFERENCES incident (id),
    outcome          text NOT NULL CHECK (outcome IN ('verzonden', 'mislukt')),
    detail           text,
    attempted_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_delivery_channel_idx ON channel_delivery (channel_id, id);
