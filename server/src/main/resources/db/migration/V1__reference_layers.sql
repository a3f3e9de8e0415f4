-- Reference layers. Geometry is stored in RD New (EPSG:28992), the Dutch metric CRS, so that
-- filters use the GiST index and distances are metres; a generated WGS84 copy serves GeoJSON
-- without transforming on every request.

CREATE TABLE land_outline (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    source      text NOT NULL,
    geom        geometry(MultiPolygon, 28992) NOT NULL,
    geom_wgs84  geometry(MultiPolygon, 4326) GENERATED ALWAYS AS (ST_Transform(geom, 4326)) STORED
);
CREATE INDEX land_outline_geom_idx ON land_outline USING gist (geom);
CREATE INDEX land_outline_geom_wgs84_idx ON land_outline USING gist (geom_wgs84);

CREATE TABLE province (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    source      text NOT NULL,
    demo        boolean NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    geom        geometry(MultiPolygon, 28992) NOT NULL,
    geom_wgs84  geometry(MultiPolygon, 4326) GENERATED ALWAYS AS (ST_Transform(geom, 4326)) STORED
);
CREATE INDEX province_geom_idx ON province USING gist (geom);
CREATE INDEX province_geom_wgs84_idx ON province USING gist (geom_wgs84);

CREATE TABLE safety_region (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    source      text NOT NULL,
    demo        boolean NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    geom        geometry(MultiPolygon, 28992) NOT NULL,
    geom_wgs84  geometry(MultiPolygon, 4326) GENERATED ALWAYS AS (ST_Transform(geom, 4326)) STORED
);
CREATE INDEX safety_region_geom_idx ON safety_region USING gist (geom);
CREATE INDEX safety_region_geom_wgs84_idx ON safety_region USING gist (geom_wgs84);

CREATE TABLE municipality (
    code          text PRIMARY KEY,
    name          text NOT NULL,
    region_code   text,
    province_code text,
    source        text NOT NULL,
    demo          boolean NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    geom          geometry(MultiPolygon, 28992) NOT NULL,
    geom_wgs84    geometry(MultiPolygon, 4326) GENERATED ALWAYS AS (ST_Transform(geom, 4326)) STORED
);
CREATE INDEX municipality_geom_idx ON municipality USING gist (geom);
CREATE INDEX municipality_geom_wgs84_idx ON municipality USING gist (geom_wgs84);
CREATE INDEX municipality_region_idx ON municipality (region_code);

-- A care location. The id is stable across re-imports (see importer.InstitutionKey).
CREATE TABLE institution (
    id                    text PRIMARY KEY,
    type                  text NOT NULL,
    name                  text NOT NULL,
    organisation          text,
    street                text,
    house_number          text,
    postcode              text,
    city                  text,
    phone                 text,
    email                 text,
    emergency_department  boolean,
    nicu                  boolean,
    connected             boolean NOT NULL,
    region_code           text,
    municipality_code     text,
    source                text NOT NULL,
    demo                  boolean NOT NULL DEFAULT false,
    attributes            jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    geom                  geometry(Point, 28992) NOT NULL,
    geom_wgs84            geometry(Point, 4326) GENERATED ALWAYS AS (ST_Transform(geom, 4326)) STORED
);
CREATE INDEX institution_geom_idx ON institution USING gist (geom);
CREATE INDEX institution_geom_wgs84_idx ON institution USING gist (geom_wgs84);
CREATE INDEX institution_type_idx ON institution (type);
CREATE INDEX institution_region_idx ON institution (region_code);

-- Which source filled which layer, for the attribution on the map and the log.
CREATE TABLE reference_source (
    layer        text NOT NULL,
    source       text NOT NULL,
    attribution  text NOT NULL,
    licence      text NOT NULL,
    demo         boolean NOT NULL DEFAULT false,
    features     integer NOT NULL,
    loaded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (layer, source)
);
