package nl.zorgbeeld.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.analysis.AnalysisStore.HazardRow;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The current hazards of an incident with indexed geometries: metadata from the database on every
 * call (the picture may have changed), geometry and index from the cache when this version was seen.
 */
final class HazardLoader {
    private final AnalysisStore store;
    private final HazardCache cache;

    HazardLoader(AnalysisStore store, HazardCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /** The hazards of an incident and the reference data version read with them. */
    record Loaded(List<Hazard> hazards, long referenceVersion) {}

    /** Empty when there is no such incident. */
    Optional<Loaded> load(Connection c, long incidentId) throws SQLException {
        return load(c, incidentId, null);
    }

    /** The hazards valid at {@code at} (null: the current ones); a stored version's geometry never changes, so the cache serves both. */
    Optional<Loaded> load(Connection c, long incidentId, java.time.OffsetDateTime at) throws SQLException {
        Optional<AnalysisStore.HazardRows> found = store.hazards(c, incidentId, cache.rows(), at);
        if (found.isEmpty()) return Optional.empty();
        List<Hazard> hazards = new ArrayList<>();
        for (HazardRow row : found.get().rows()) {
            hazards.add(new Hazard(row.elementId(), row.rowId(), row.version(), row.kind(), row.label(), row.zone(), shape(c, row)));
        }
        return Optional.of(new Loaded(hazards, found.get().referenceVersion()));
    }

    private HazardShape shape(Connection c, HazardRow row) throws SQLException {
        HazardShape cached = row.wkb() == null ? cache.get(row.rowId()) : null;
        if (cached != null) return cached;
        // Either new, or dropped from the cache since the query named it.
        byte[] wkb = row.wkb() != null ? row.wkb() : store.geometry(c, row.rowId());
        HazardShape shape = new HazardShape(read(wkb, row.rowId()));
        cache.put(row.rowId(), shape);
        return shape;
    }

    private static Geometry read(byte[] wkb, long rowId) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("picture_element row " + rowId + " has unreadable geometry", e);
        }
    }
}
