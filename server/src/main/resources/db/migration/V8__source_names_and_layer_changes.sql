-- 1. A reference feature's source is a name (a file name, or the collection id of an OGC API
-- source), never where the server read it: imports before this version stored the full file path
-- or URL, which the API then showed. Rewrite those to the name the importer now stores; the name
-- is also the key into reference_source, which gives the attribution and licence.
CREATE OR REPLACE FUNCTION pg_temp.source_name(location text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN location ~ '^https?://' THEN coalesce(substring(location FROM '/collections/([^/?#]+)'),
                                                    regexp_replace(location, '^https?://([^/?#]*).*$', '\1'))
        ELSE regexp_replace(location, '^.*[/\\]', '')
    END
$$;

UPDATE land_outline  SET source = pg_temp.source_name(source) WHERE source ~ '[/\\]';
UPDATE province      SET source = pg_temp.source_name(source) WHERE source ~ '[/\\]';
UPDATE safety_region SET source = pg_temp.source_name(source) WHERE source ~ '[/\\]';
UPDATE municipality  SET source = pg_temp.source_name(source) WHERE source ~ '[/\\]';
UPDATE institution   SET source = pg_temp.source_name(source) WHERE source ~ '[/\\]';

-- The same file loaded from two folders becomes one source: the latest load is kept.
DELETE FROM reference_source r USING reference_source newer
 WHERE r.layer = newer.layer AND r.source <> newer.source
   AND pg_temp.source_name(r.source) = pg_temp.source_name(newer.source)
   AND (r.loaded_at, r.source) < (newer.loaded_at, newer.source);
UPDATE reference_source SET source = pg_temp.source_name(source) WHERE source ~ '[/\\]';
-- Temporary, but the migrating session may live on in a connection pool.
DROP FUNCTION pg_temp.source_name(text);

-- 2. A change counter per reference layer, so that what is derived from a whole layer (the extent
-- of its OGC API collection) is computed again only after the layer changed. Counted once per
-- transaction, as reference_layer_version is (an import writes row by row).
CREATE TABLE reference_layer_change (
    layer    text PRIMARY KEY,
    version  bigint NOT NULL
);
INSERT INTO reference_layer_change (layer, version)
VALUES ('institutions', 1), ('safety-regions', 1), ('municipalities', 1), ('provinces', 1);

CREATE FUNCTION reference_layer_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    setting text := 'zorgbeeld.layer_touched_' || TG_TABLE_NAME;
BEGIN
    IF current_setting(setting, true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE reference_layer_change SET version = version + 1 WHERE layer = TG_ARGV[0];
        PERFORM set_config(setting, txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER institution_touched AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institution
    FOR EACH STATEMENT EXECUTE FUNCTION reference_layer_touched('institutions');
CREATE TRIGGER safety_region_touched AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON safety_region
    FOR EACH STATEMENT EXECUTE FUNCTION reference_layer_touched('safety-regions');
CREATE TRIGGER municipality_touched AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality
    FOR EACH STATEMENT EXECUTE FUNCTION reference_layer_touched('municipalities');
CREATE TRIGGER province_touched AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON province
    FOR EACH STATEMENT EXECUTE FUNCTION reference_layer_touched('provinces');
