-- The regie's tools (issue 15): the management summary on top of a picture, regie checks (marks on
-- items of the picture), and the regional risk dashboard (Veiligheidsbeeld). The picture-quality
-- indicators are computed from the existing tables and need none.
--
-- Same history model as V2: nothing is changed in place or deleted.

-- The management summary of a picture: an identity row per picture (holding the current version,
-- locked on update) and one row per version.
CREATE TABLE picture_summary (
    picture_id   bigint PRIMARY KEY REFERENCES picture (id),
    incident_id  bigint NOT NULL REFERENCES incident (id),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE picture_summary_version (
    picture_id    bigint NOT NULL REFERENCES picture_summary (picture_id),
    version       integer NOT NULL,
    text          text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    author        text NOT NULL,
    organisation  text NOT NULL,
    PRIMARY KEY (picture_id, version)
);

-- A regie check: the regie holder marks an item of the picture (a bullet, an entry such as
-- "decisions/3", or a map element by its uuid) as contradicting another, wrong, incomplete or unclear.
-- The author of the target (its current version when marked) is kept by name, as every version
-- keeps its author, so that the author can be shown the mark and may resolve it. A check is
-- resolved once, by a row in regie_check_resolution; the check itself never changes.
CREATE TABLE regie_check (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id          bigint NOT NULL REFERENCES incident (id),
    target_type          text NOT NULL CHECK (target_type IN ('bullet', 'entry', 'element')),
    target_id            text NOT NULL CHECK (char_length(target_id) BETWEEN 1 AND 100),
    target_author        text NOT NULL,
    target_organisation  text NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('tegenstrijdig', 'onjuist', 'onvolledig', 'onduidelijk')),
    note                 text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 1000),
    conflicts_type       text CHECK (conflicts_type IN ('bullet', 'entry', 'element')),
    conflicts_id         text CHECK (char_length(conflicts_id) BETWEEN 1 AND 100),
    created_at           timestamptz NOT NULL DEFAULT now(),
    author               text NOT NULL,
    organisation         text NOT NULL,
    CHECK ((conflicts_type IS NULL) = (conflicts_id IS NULL)),
    CHECK ((kind = 'tegenstrijdig') = (conflicts_type IS NOT NULL))
);
CREATE INDEX regie_check_incident_idx ON regie_check (incident_id, created_at);
CREATE INDEX regie_check_target_idx ON regie_check (incident_id, target_type, target_id);

CREATE TABLE regie_check_resolution (
    check_id      bigint PRIMARY KEY REFERENCES regie_check (id),
    resolution    text NOT NULL CHECK (resolution IN ('aangepast', 'ingetrokken', 'beantwoord')),
    note          text CHECK (char_length(note) <= 1000),
    resolved_at   timestamptz NOT NULL DEFAULT now(),
    author        text NOT NULL,
    organisation  text NOT NULL
);

-- The Veiligheidsbeeld: a safety region's threat level per theme, outside any incident. Every
-- assessment is a row; the tile of a theme at a moment is the latest assessment recorded by then
-- whose validity covers that moment (later ones are the weeks ahead).
CREATE TABLE risk_assessment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code   text NOT NULL CHECK (region_code ~ '^[A-Za-z0-9_-]{1,32}$'),
    theme         text NOT NULL CHECK (char_length(theme) BETWEEN 1 AND 100),
    level         text NOT NULL CHECK (level IN ('geen', 'licht', 'verhoogd', 'crisis', 'grootschalig')),
    explanation   text NOT NULL CHECK (char_length(explanation) BETWEEN 1 AND 2000),
    source        text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 300),
    valid_from    timestamptz NOT NULL,
    valid_until   timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    author        text NOT NULL,
    organisation  text NOT NULL,
    CHECK (valid_until > valid_from)
);
CREATE INDEX risk_assessment_region_idx ON risk_assessment (upper(region_code), theme, recorded_at);
