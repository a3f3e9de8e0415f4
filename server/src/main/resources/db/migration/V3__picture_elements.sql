-- The geographic picture: elements drawn on the map for an incident. One row per version; the
-- current version has valid_to NULL. An update closes the current row and adds the next version
-- at the same instant; a delete only closes it. Nothing is ever removed, so the map at any earlier
-- moment is "the rows valid then".
CREATE TABLE picture_element (
    row_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    element_id    uuid NOT NULL,
    version       integer NOT NULL CHECK (version >= 1),
    incident_id   bigint NOT NULL REFERENCES incident (id),
    kind          text NOT NULL CHECK (kind IN ('incidentlocatie', 'incidentgebied', 'effectgebied', 'opvanglocatie',
                      'behandelcentrum', 'afzetting', 'meetpunt', 'aantekening')),
    label         text CHECK (char_length(label) <= 200),
    description   text CHECK (char_length(description) <= 2000),
    source        text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 300),
    certainty     text NOT NULL CHECK (certainty IN ('gevalideerd', 'aanname', 'vermoeden', 'gerucht', 'mening')),
    -- Kind-specific properties (zone, capacity, occupancy, facilities, substance, value, unit, measuredAt).
    attributes    jsonb NOT NULL DEFAULT '{}'::jsonb,
    author        text NOT NULL,
    organisation  text NOT NULL,
    valid_from    timestamptz NOT NULL,
    valid_to      timestamptz,
    ended_by      text,
    geom          geometry(Geometry, 28992) NOT NULL,
    geom_wgs84    geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_Transform(geom, 4326)) STORED,
    UNIQUE (element_id, version),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX picture_element_current_idx ON picture_element (element_id) WHERE valid_to IS NULL;
CREATE INDEX picture_element_incident_idx ON picture_element (incident_id, valid_from);
CREATE INDEX picture_element_geom_idx ON picture_element USING gist (geom);
CREATE INDEX picture_element_geom_wgs84_idx ON picture_element USING gist (geom_wgs84);
