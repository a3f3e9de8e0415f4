package nl.zorgbeeld.analysis;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The institution layer in memory as of one version of the reference data, with a spatial index:
 * the institutions in a few boxes cost microseconds instead of a database scan per request.
 * Immutable and thread-safe once built.
 */
final class InstitutionLayer {
    private final long version;
    private final STRtree index = new STRtree();

    InstitutionLayer(long version, List<Institution> institutions) {
        this.version = version;
        for (Institution i : institutions) index.insert(new Envelope(i.x(), i.x(), i.y(), i.y()), i);
        index.build();
    }

    long version() { return version; }

    /** The institutions inside any of the boxes; boxes must not overlap, so that each comes once. */
    List<Institution> within(List<Envelope> boxes) {
        List<Institution> found = new ArrayList<>();
        for (Envelope box : boxes) {
            index.query(box, item -> found.add((Institution) item));
        }
        return found;
    }
}
