-- How far the recorded analysis of each incident has followed its picture. The recomputation runs
-- after the element change has been committed (off the request), so a read must be able to tell
-- whether the recorded part (newly affected, the changes, the timeline entry) is behind:
-- * recorded_rows: the picture_element rows (versions) of the hazards the last successful
--   recomputation used, ascending; it is current while the incident's current hazard rows equal it;
-- * failed_rows, failed_at, failure_reference: the last recomputation that failed, for the rows it
--   was given (null after a success); the reference is the one logged with the error, so an operator
--   can find it while /health and the API show no internals.
CREATE TABLE analysis_state (
    incident_id        bigint PRIMARY KEY REFERENCES incident (id),
    recorded_rows      bigint[],
    recorded_at        timestamptz,
    failed_rows        bigint[],
    failed_at          timestamptz,
    failure_reference  text,
    CHECK ((failed_rows IS NULL) = (failed_at IS NULL) AND (failed_at IS NULL) = (failure_reference IS NULL))
);
CREATE INDEX analysis_state_failed_idx ON analysis_state (failed_at) WHERE failed_at IS NOT NULL;

-- Every read of the analysis asks for an incident's current elements; without this the lookup walks
-- every version ever drawn in the incident (each redraw of a zone adds one).
CREATE INDEX picture_element_incident_current_idx ON picture_element (incident_id) WHERE valid_to IS NULL;

-- The snapshot keeps what the next comparison needs: each institution's zone and since which runs.
-- The distance and the causing element were written on every recomputation and read by nothing (the
-- analysis itself and the recorded changes carry them), yet every redrawn zone moves every distance,
-- so they made each recomputation rewrite every row.
ALTER TABLE analysis_snapshot DROP COLUMN distance_m, DROP COLUMN element_id;
