-- Incidents and the shared text picture.
--
-- History model: every mutable thing is an identity row (`x`, holding the number of its current
-- version, locked on update) plus one row per version (`x_version`, the full state after a change,
-- with who and when). The current state is the version the identity row points to; the state at an
-- earlier moment is the latest version recorded at or before it. Nothing is updated in place or
-- deleted: retracting a bullet is a new version marked retracted. `change_event` is the timeline:
-- one row per change of any kind, in the order it happened.
--
-- Vocabularies are Dutch codes, checked here and in the Java enums of the incident and picture
-- packages (which also carry the labels).
--
-- Institutions are referred to by their reference-layer id (institution.id) without a foreign key:
-- reference data is re-imported and demo rows are replaced, and a picture must outlive that. The
-- name is kept with the picture.

CREATE TABLE incident (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version                  integer NOT NULL DEFAULT 1,
    created_at               timestamptz NOT NULL DEFAULT now(),
    created_by_author        text NOT NULL,
    created_by_organisation  text NOT NULL
);

CREATE TABLE incident_version (
    incident_id         bigint NOT NULL REFERENCES incident (id),
    version             integer NOT NULL,
    title               text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    type                text NOT NULL CHECK (type IN ('ongeval', 'brand', 'gevaarlijke_stoffen',
                            'uitval_nutsvoorziening', 'infectieziekte', 'hoog_water', 'ict_uitval', 'evenement', 'overig')),
    started_at          timestamptz NOT NULL,
    -- The decision to scale up, from which the five-minute norm for the first description runs.
    scaled_up_at        timestamptz NOT NULL,
    location_text       text CHECK (char_length(location_text) <= 300),
    region_code         text,
    grip                text NOT NULL CHECK (grip IN ('geen', '1', '2', '3', '4', '5', 'rijk')),
    care_phase          text NOT NULL CHECK (care_phase IN ('regulier', 'aangepast', 'crisis')),
    status              text NOT NULL CHECK (status IN ('actief', 'afgeschaald', 'nafase', 'gesloten')),
    exercise            boolean NOT NULL,
    regie_person        text NOT NULL,
    regie_organisation  text NOT NULL,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    author              text NOT NULL,
    organisation        text NOT NULL,
    PRIMARY KEY (incident_id, version)
);
CREATE INDEX incident_version_recorded_idx ON incident_version (incident_id, recorded_at);

-- Templates give a picture its themes. A theme belongs to one template; renaming or reordering it
-- shows in every picture built from that template, and the versions keep what it was called before.
CREATE TABLE template (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 100),
    -- The kind of picture this template is the default for; at most one default per kind.
    default_for  text UNIQUE CHECK (default_for IN ('multidisciplinair', 'geneeskundig', 'eigen')),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE template_theme (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_id  bigint NOT NULL REFERENCES template (id),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX template_theme_template_idx ON template_theme (template_id);

CREATE TABLE template_theme_version (
    theme_id      bigint NOT NULL REFERENCES template_theme (id),
    version       integer NOT NULL,
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    position      integer NOT NULL,
    -- Part of the "first complete description": each required theme needs a bullet.
    required      boolean NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    author        text NOT NULL,
    organisation  text NOT NULL,
    PRIMARY KEY (theme_id, version)
);

CREATE TABLE picture (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id     bigint NOT NULL REFERENCES incident (id),
    kind            text NOT NULL CHECK (kind IN ('multidisciplinair', 'geneeskundig', 'eigen')),
    template_id     bigint NOT NULL REFERENCES template (id),
    organisation    text NOT NULL CHECK (char_length(organisation) BETWEEN 1 AND 200),
    institution_id  text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by_author        text NOT NULL,
    created_by_organisation  text NOT NULL,
    CHECK (kind = 'eigen' OR institution_id IS NULL)
);
-- One multidisciplinary and one medical picture per incident; one own picture per institution or organisation.
CREATE UNIQUE INDEX picture_shared_kind_idx ON picture (incident_id, kind) WHERE kind <> 'eigen';
CREATE UNIQUE INDEX picture_own_idx ON picture (incident_id, coalesce(institution_id, ''), lower(organisation)) WHERE kind = 'eigen';

CREATE TABLE bullet (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id  bigint NOT NULL REFERENCES incident (id),
    picture_id   bigint NOT NULL REFERENCES picture (id),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bullet_incident_idx ON bullet (incident_id);

CREATE TABLE bullet_version (
    bullet_id     bigint NOT NULL REFERENCES bullet (id),
    version       integer NOT NULL,
    theme_id      bigint NOT NULL REFERENCES template_theme (id),
    text          text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 1000),
    source        text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 200),
    certainty     text NOT NULL CHECK (certainty IN ('gevalideerd', 'aanname', 'vermoeden', 'gerucht', 'mening')),
    retracted     boolean NOT NULL DEFAULT false,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    author        text NOT NULL,
    organisation  text NOT NULL,
    PRIMARY KEY (bullet_id, version)
);
CREATE INDEX bullet_version_theme_idx ON bullet_version (theme_id, recorded_at);

-- A casualty count is a snapshot at `counted_at` ("now 4 T1, 12 T2"), never changed: a correction
-- is a newer count. The latest count per picture is the total; all counts are the course.
CREATE TABLE casualty_count (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id   bigint NOT NULL REFERENCES incident (id),
    picture_id    bigint NOT NULL REFERENCES picture (id),
    counted_at    timestamptz NOT NULL,
    t1            integer NOT NULL CHECK (t1 >= 0),
    t2            integer NOT NULL CHECK (t2 >= 0),
    t3            integer NOT NULL CHECK (t3 >= 0),
    dead          integer NOT NULL CHECK (dead >= 0),
    unknown       integer NOT NULL CHECK (unknown >= 0),
    source        text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 200),
    certainty     text NOT NULL CHECK (certainty IN ('gevalideerd', 'aanname', 'vermoeden', 'gerucht', 'mening')),
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    author        text NOT NULL,
    organisation  text NOT NULL
);
CREATE INDEX casualty_count_incident_idx ON casualty_count (incident_id, counted_at);

CREATE TABLE information_question (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id  bigint NOT NULL REFERENCES incident (id),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX information_question_incident_idx ON information_question (incident_id);

CREATE TABLE information_question_version (
    question_id   bigint NOT NULL REFERENCES information_question (id),
    version       integer NOT NULL,
    question      text NOT NULL CHECK (char_length(question) BETWEEN 1 AND 1000),
    addressee     text NOT NULL CHECK (char_length(addressee) BETWEEN 1 AND 200),
    status        text NOT NULL CHECK (status IN ('open', 'beantwoord')),
    answer        text CHECK (char_length(answer) <= 1000),
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    author        text NOT NULL,
    organisation  text NOT NULL,
    PRIMARY KEY (question_id, version)
);

CREATE TABLE decision (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id  bigint NOT NULL REFERENCES incident (id),
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decision_incident_idx ON decision (incident_id);

CREATE TABLE decision_version (
    decision_id   bigint NOT NULL REFERENCES decision (id),
    version       integer NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('besluit', 'actie')),
    description   text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 1000),
    owner         text NOT NULL CHECK (char_length(owner) BETWEEN 1 AND 200),
    deadline      timestamptz,
    status        text NOT NULL CHECK (status IN ('open', 'in_uitvoering', 'afgerond', 'vervallen')),
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    author        text NOT NULL,
    organisation  text NOT NULL,
    PRIMARY KEY (decision_id, version)
);

-- The timeline: every change, of any kind, with who made it. `subject` is the API path of what
-- changed; `details` holds what changed for updates ({"grip": {"from": "1", "to": "2"}}).
CREATE TABLE change_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id   bigint REFERENCES incident (id),
    template_id   bigint REFERENCES template (id),
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    action        text NOT NULL,
    subject       text NOT NULL,
    subject_version integer,
    summary       text NOT NULL,
    details       jsonb,
    author        text NOT NULL,
    organisation  text NOT NULL,
    CHECK (incident_id IS NOT NULL OR template_id IS NOT NULL)
);
CREATE INDEX change_event_incident_idx ON change_event (incident_id, occurred_at);
CREATE INDEX change_event_template_idx ON change_event (template_id, occurred_at);

-- The default templates. The medical one carries the themes of the quality norms; its first five
-- make up the first complete description.
INSERT INTO template (name, default_for) VALUES
    ('Geneeskundig beeld (standaard)', 'geneeskundig'),
    ('Multidisciplinair beeld (standaard)', 'multidisciplinair'),
    ('Eigen beeld instelling (standaard)', 'eigen');

DO $$
DECLARE
    r record;
    theme bigint;
BEGIN
    FOR r IN SELECT * FROM (VALUES
        ('geneeskundig', 1, 'Situatie', true),
        ('geneeskundig', 2, 'Slachtofferbeeld', true),
        ('geneeskundig', 3, 'Gevaarlijke stoffen', true),
        ('geneeskundig', 4, 'Communicatie', true),
        ('geneeskundig', 5, 'Meteo', true),
        ('geneeskundig', 6, 'Maatregelen', false),
        ('geneeskundig', 7, 'Besluiten en acties', false),
        ('geneeskundig', 8, 'Knelpunten zorgcontinuïteit', false),
        ('geneeskundig', 9, 'Prognose', false),
        ('multidisciplinair', 1, 'Situatie', true),
        ('multidisciplinair', 2, 'Brandweerzorg', false),
        ('multidisciplinair', 3, 'Politiezorg', false),
        ('multidisciplinair', 4, 'Geneeskundige zorg', false),
        ('multidisciplinair', 5, 'Bevolkingszorg', false),
        ('multidisciplinair', 6, 'Communicatie', false),
        ('multidisciplinair', 7, 'Meteo', false),
        ('multidisciplinair', 8, 'Prognose', false),
        ('eigen', 1, 'Status', true),
        ('eigen', 2, 'Capaciteit', false),
        ('eigen', 3, 'Ontvangen slachtoffers', false),
        ('eigen', 4, 'Knelpunten zorgcontinuïteit', false),
        ('eigen', 5, 'Maatregelen', false)
    ) AS themes (kind, position, name, required) ORDER BY kind, position
    LOOP
        INSERT INTO template_theme (template_id) SELECT id FROM template WHERE default_for = r.kind RETURNING id INTO theme;
        INSERT INTO template_theme_version (theme_id, version, name, position, required, author, organisation)
        VALUES (theme, 1, r.name, r.position, r.required, 'Zorgbeeld', 'Zorgbeeld');
    END LOOP;
END $$;
