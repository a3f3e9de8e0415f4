package nl.zorgbeeld.element;

import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;
import nl.zorgbeeld.geo.FeatureCollectionWriter;
import nl.zorgbeeld.geo.FeatureRows;
import nl.zorgbeeld.geo.SqlWhere;
import nl.zorgbeeld.geo.StreamedPage;
import nl.zorgbeeld.http.Etags.IfMatch;
import org.locationtech.jts.io.WKBWriter;

/**
 * SQL for picture elements. A version is a row; writes close the current row and add the next one in
 * one transaction, together with the change event for the incident's timeline.
 */
public final class ElementStore {
    private static final String GEOM_IN = "ST_Transform(ST_GeomFromWKB(?, ?), 28992)";

    private final DataSource dataSource;
    private final Transactions tx;
    private final ChangeLog changes = new ChangeLog();

    public ElementStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
    }

    /** The GeoJSON Feature of a row aliased {@code e}, geometry in {@code crs}. */
    static String featureSql(Crs crs) {
        String geometry = crs == Crs.RD_NEW ? "e.geom" : "e.geom_wgs84";
        return "json_build_object('type', 'Feature', 'id', e.element_id, 'geometry', ST_AsGeoJSON(" + geometry + ", "
                + crs.decimals() + ")::json, 'properties', jsonb_build_object('kind', e.kind, 'label', e.label,"
                + " 'description', e.description, 'source', e.source, 'certainty', e.certainty, 'author', e.author,"
                + " 'organisation', e.organisation, 'version', e.version, 'validFrom', e.valid_from, 'validTo', e.valid_to,"
                + " 'incidentId', e.incident_id) || e.attributes)::text";
    }

    /** The status of the incident's latest version, or empty when there is no such incident. */
    public Optional<String> incidentStatus(long incidentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT status FROM incident_version WHERE incident_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading incident " + incidentId + " failed", e);
        }
    }

    /** Up to {@code limit} versions in the order they were written, after {@code after} (keyset paging). */
    public StreamedPage stream(ElementQuery q, FeatureCollectionWriter writer) {
        SqlWhere where = where(q);
        String sql = "SELECT " + featureSql(q.crs()) + ", e.row_id FROM picture_element e" + where.sql() + " ORDER BY e.row_id";
        return FeatureRows.stream(dataSource, sql, where, q.limit(), q.offset(), writer);
    }

    public long count(ElementQuery q) {
        SqlWhere where = where(q);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM picture_element e" + where.sql())) {
            where.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the elements of incident " + q.incidentId() + " failed", e);
        }
    }

    private static SqlWhere where(ElementQuery q) {
        SqlWhere where = new SqlWhere().and("e.incident_id = ?", q.incidentId());
        if (q.time() == null) {
            where.and("e.valid_to IS NULL");
        } else {
            if (q.time().end() != null) where.and("e.valid_from <= ?", q.time().end());
            if (q.time().start() != null) where.and("(e.valid_to IS NULL OR e.valid_to > ?)", q.time().start());
        }
        if (!q.kinds().isEmpty()) {
            where.and("e.kind = ANY (?)", (Object) q.kinds().stream().map(ElementKind::code).toArray(String[]::new));
        }
        if (q.bbox() != null) where.bbox("e", q.bbox(), q.bboxCrs());
        if (q.after() != null) where.and("e.row_id > ?", q.after());
        return where;
    }

    /** The current version of an element of this incident. */
    public Optional<StoredElement> current(long incidentId, UUID id, Crs crs) {
        return current(null, incidentId, id, crs);
    }

    private Optional<StoredElement> current(Connection existing, long incidentId, UUID id, Crs crs) {
        String sql = "SELECT e.version, " + featureSql(crs) + " FROM picture_element e"
                + " WHERE e.incident_id = ? AND e.element_id = ? AND e.valid_to IS NULL" + (existing == null ? "" : " FOR UPDATE");
        try (Connection own = existing == null ? dataSource.getConnection() : null) {
            Connection c = existing == null ? own : existing;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, incidentId);
                ps.setObject(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredElement(id, incidentId, rs.getInt(1), rs.getString(2))) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading element " + id + " failed", e);
        }
    }

    /** Every version of an element, oldest first, as a FeatureCollection. */
    public int history(long incidentId, UUID id, Crs crs, FeatureCollectionWriter writer) {
        String sql = "SELECT " + featureSql(crs) + " FROM picture_element e WHERE e.incident_id = ? AND e.element_id = ? ORDER BY e.version";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) writer.feature(rs.getString(1));
            }
            return writer.count();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the history of element " + id + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StoredElement create(long incidentId, ElementInput input, Actor actor, Crs crs) {
        UUID id = UUID.randomUUID();
        return tx.run(c -> {
            insertVersion(c, incidentId, id, 1, input, actor);
            String feature = event(c, incidentId, "create", id, 1, input.kind().code() + " getekend" + labelled(input), actor);
            return written(c, incidentId, id, 1, feature, crs);
        });
    }

    /**
     * Replaces the current version if If-Match allows it; otherwise returns the current one unchanged
     * (the caller answers 412). Empty when the element does not exist (any more).
     */
    public Optional<WriteResult> replace(long incidentId, UUID id, IfMatch ifMatch, ElementInput input, Actor actor, Crs crs) {
        return tx.run(c -> {
            // Only the version is needed to go on; the current feature (a large zone's GeoJSON) only for a 412.
            Optional<Integer> current = lockCurrent(c, incidentId, id);
            if (current.isEmpty()) return Optional.empty();
            if (!ifMatch.matches(current.get())) return Optional.of(new WriteResult(false, current(c, incidentId, id, crs).orElseThrow()));
            int version = current.get() + 1;
            close(c, id, actor);
            insertVersion(c, incidentId, id, version, input, actor);
            String feature = event(c, incidentId, "update", id, version, input.kind().code() + " gewijzigd" + labelled(input), actor);
            return Optional.of(new WriteResult(true, written(c, incidentId, id, version, feature, crs)));
        });
    }

    /** Ends the element's validity (it stays in history), if If-Match allows it. */
    public Optional<WriteResult> end(long incidentId, UUID id, IfMatch ifMatch, Actor actor, Crs crs) {
        return tx.run(c -> {
            Optional<StoredElement> current = current(c, incidentId, id, crs);
            if (current.isEmpty()) return Optional.empty();
            if (!ifMatch.matches(current.get().version())) return Optional.of(new WriteResult(false, current.get()));
            close(c, id, actor);
            event(c, incidentId, "delete", id, current.get().version(), "kaartelement verwijderd", actor);
            return Optional.of(new WriteResult(true, current.get()));
        });
    }

    /** Locks the current version of an element of this incident until the transaction ends; its number. */
    private static Optional<Integer> lockCurrent(Connection c, long incidentId, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM picture_element"
                + " WHERE incident_id = ? AND element_id = ? AND valid_to IS NULL FOR UPDATE")) {
            ps.setLong(1, incidentId);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** {@code written} false means the version did not match and nothing changed. */
    public record WriteResult(boolean written, StoredElement element) {}

    private static String labelled(ElementInput input) {
        return input.label() == null ? "" : ": " + input.label();
    }

    private static void insertVersion(Connection c, long incidentId, UUID id, int version, ElementInput input, Actor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO picture_element (element_id, version, incident_id, kind, label,"
                + " description, source, certainty, attributes, author, organisation, valid_from, geom)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, now(), " + GEOM_IN + ")")) {
            int i = 1;
            ps.setObject(i++, id);
            ps.setInt(i++, version);
            ps.setLong(i++, incidentId);
            ps.setString(i++, input.kind().code());
            ps.setString(i++, input.label());
            ps.setString(i++, input.description());
            ps.setString(i++, input.source());
            ps.setString(i++, input.certainty());
            ps.setString(i++, Json.MAPPER.valueToTree(input.attributes()).toString());
            ps.setString(i++, actor.author());
            ps.setString(i++, actor.organisation());
            ps.setBytes(i++, new WKBWriter().write(input.geometry()));
            ps.setInt(i, input.srid());
            ps.executeUpdate();
        }
    }

    private static void close(Connection c, UUID id, Actor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE picture_element SET valid_to = now(), ended_by = ? WHERE element_id = ? AND valid_to IS NULL")) {
            ps.setString(1, actor.author());
            ps.setObject(2, id);
            ps.executeUpdate();
        }
    }

    /** Records the change with the element's version as a WGS84 Feature (what live screens draw). */
    /** Records the change with the version as a WGS84 Feature, which it returns. */
    private String event(Connection c, long incidentId, String action, UUID id, int version, String summary, Actor actor)
            throws SQLException {
        String feature = featureOf(c, id, version);
        // Embedded as the text PostGIS gave: parsing a large zone into a tree only to write it out again cost milliseconds.
        changes.record(c, NewChangeEvent.of(incidentId, "element." + action, "element:" + id, version, summary, null, actor)
                .withData(new RawValue(feature)));
        return feature;
    }

    /** The version just written as the response gives it: the event's WGS84 Feature again, unless another CRS is asked for. */
    private StoredElement written(Connection c, long incidentId, UUID id, int version, String wgs84, Crs crs) {
        return crs == Crs.CRS84 ? new StoredElement(id, incidentId, version, wgs84) : current(c, incidentId, id, crs).orElseThrow();
    }

    /** One version of an element in WGS84, also once it has ended (then with its validTo). */
    private static String featureOf(Connection c, UUID id, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + featureSql(Crs.CRS84)
                + " FROM picture_element e WHERE e.element_id = ? AND e.version = ?")) {
            ps.setObject(1, id);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("element " + id + " version " + version + " was just written");
                return rs.getString(1);
            }
        }
    }
}
