package nl.zorgbeeld.analysis;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Holds the current {@link InstitutionLayer} and reads the layer again when the reference data's
 * version (raised by a trigger in the database whenever institutions or regions change) moves on.
 * The version is read before the layer, so a layer is never older than the version it is kept for.
 */
final class InstitutionLayers {
    private final AnalysisStore store;
    private volatile InstitutionLayer current;

    InstitutionLayers(AnalysisStore store) {
        this.store = store;
    }

    /** The layer at {@code version} (or newer), read from the database when the one held is older. */
    InstitutionLayer at(Connection c, long version) throws SQLException {
        InstitutionLayer layer = current;
        if (layer != null && layer.version() >= version) return layer;
        synchronized (this) {
            layer = current;
            if (layer == null || layer.version() < version) {
                layer = new InstitutionLayer(version, store.allInstitutions(c));
                current = layer;
            }
            return layer;
        }
    }
}
