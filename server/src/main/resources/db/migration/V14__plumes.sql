-- Hazardous-substance plumes (issue 11). A plume's zones are picture elements (effectgebied) so the
-- map, ?at=, the OGC API and the analysis see them; this table keeps what made them: the inputs as
-- sent, the model, who published it and when, and which plume replaced it (the history).
CREATE TABLE plume (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id   bigint NOT NULL REFERENCES incident (id),
    method        text NOT NULL CHECK (method IN ('drawn', 'sector', 'gaussian')),
    substance     text CHECK (char_length(substance) <= 200),
    inputs        jsonb NOT NULL,
    model         jsonb,
    -- The answer as published: the FeatureCollection in WGS84 (zones, confidence lines, limits, warnings).
    collection    jsonb NOT NULL,
    zone_elements uuid[] NOT NULL,
    author        text NOT NULL,
    organisation  text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    replaced_at   timestamptz,
    replaced_by   bigint REFERENCES plume (id),
    CHECK (replaced_at IS NULL OR replaced_at >= created_at)
);
-- At most one current plume per incident.
CREATE UNIQUE INDEX plume_current_idx ON plume (incident_id) WHERE replaced_at IS NULL;
CREATE INDEX plume_incident_idx ON plume (incident_id, created_at);

-- Forecasts (prognose): not the current plume, but kept so the latest one can be read again.
CREATE TABLE plume_forecast (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id   bigint NOT NULL REFERENCES incident (id),
    inputs        jsonb NOT NULL,
    result        jsonb NOT NULL,
    author        text NOT NULL,
    organisation  text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plume_forecast_incident_idx ON plume_forecast (incident_id, id DESC);
