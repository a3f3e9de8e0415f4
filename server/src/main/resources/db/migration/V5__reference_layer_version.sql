-- The network analysis holds the institution layer in memory, so that an analysis at national scale
-- costs no scan of the institutions per request. This number tells it when to read the layer again:
-- it goes up whenever institutions or safety regions (whose names the analysis shows) change, once
-- per transaction (an import writes row by row), and only becomes visible when that transaction commits.
CREATE TABLE reference_layer_version (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version    bigint NOT NULL
);
INSERT INTO reference_layer_version (version) VALUES (1);

CREATE FUNCTION reference_layer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('zorgbeeld.reference_layer_changed', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE reference_layer_version SET version = version + 1;
        PERFORM set_config('zorgbeeld.reference_layer_changed', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER institution_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON institution
    FOR EACH STATEMENT EXECUTE FUNCTION reference_layer_changed();
CREATE TRIGGER safety_region_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON safety_region
    FOR EACH STATEMENT EXECUTE FUNCTION reference_layer_changed();
