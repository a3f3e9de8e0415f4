package nl.zorgbeeld.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKBWriter;

/**
 * Loads an area layer (land outline, provinces, safety regions, municipalities). Upserts by code, so
 * a re-import updates; repairs invalid rings with ST_MakeValid, since generalised boundaries have them.
 */
final class AreaLoader implements RecordLoader {
    private static final String GEOM = "ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Transform(ST_GeomFromWKB(?, ?), 28992)), 3))";

    private final Connection connection;
    private final LayerKind kind;
    private final String sourceName;
    private final String source;
    private final ImportReport report;
    private final PreparedStatement upsert;
    private final WKBWriter wkb = new WKBWriter();
    private int inserted;
    private int updated;

    /**
     * @param sourceName what each area records as its source (a file name or collection id, never a path)
     * @param source     where the records come from, for the report
     */
    AreaLoader(Connection connection, LayerKind kind, String sourceName, String source, ImportReport report) throws SQLException {
        this.connection = connection;
        this.kind = kind;
        this.sourceName = sourceName;
        this.source = source;
        this.report = report;
        this.upsert = connection.prepareStatement(sql(kind));
        try (PreparedStatement demo = connection.prepareStatement("DELETE FROM " + table(kind) + " WHERE " + (kind == LayerKind.LAND_OUTLINE ? "true" : "demo"))) {
            // Real data replaces a demo layer (and a land outline replaces the bundled coarse one).
            demo.executeUpdate();
        }
    }

    private static String table(LayerKind kind) {
        return switch (kind) {
            case LAND_OUTLINE -> "land_outline";
            case PROVINCE -> "province";
            case SAFETY_REGION -> "safety_region";
            case MUNICIPALITY -> "municipality";
            default -> throw new IllegalArgumentException(kind + " is not an area layer");
        };
    }

    // The geometry is computed once in a subquery so an area that is empty after repair is skipped, not stored.
    private static String sql(LayerKind kind) {
        String extra = kind == LayerKind.MUNICIPALITY ? ", region_code, province_code" : "";
        String update = switch (kind) {
            case LAND_OUTLINE -> "name = EXCLUDED.name, source = EXCLUDED.source, geom = EXCLUDED.geom";
            case MUNICIPALITY -> "name = EXCLUDED.name, source = EXCLUDED.source, geom = EXCLUDED.geom,"
                    + " region_code = EXCLUDED.region_code, province_code = EXCLUDED.province_code, demo = false, updated_at = now()";
            default -> "name = EXCLUDED.name, source = EXCLUDED.source, geom = EXCLUDED.geom, demo = false, updated_at = now()";
        };
        return "INSERT INTO " + table(kind) + " (code, name, source, geom" + extra + ")"
                + " SELECT v.code, v.name, v.source, v.g" + (extra.isEmpty() ? "" : ", v.r, v.p")
                + " FROM (SELECT ?::text AS code, ?::text AS name, ?::text AS source, " + GEOM + " AS g"
                + (extra.isEmpty() ? "" : ", ?::text AS r, ?::text AS p") + ") v"
                + " WHERE NOT ST_IsEmpty(v.g)"
                + " ON CONFLICT (code) DO UPDATE SET " + update + " RETURNING (xmax = 0)";
    }

    @Override
    public void load(SourceRecord r) throws SQLException {
        String code = kind == LayerKind.LAND_OUTLINE ? "NL" : r.text("statcode", "code", "id");
        String name = r.text("statnaam", "naam", "name");
        if (code == null) {
            report.reject(source, r.where(), "no code (statcode)");
            return;
        }
        if (name == null) {
            report.reject(source, r.where(), "no name (statnaam)");
            return;
        }
        if (r.geometry() == null) {
            report.reject(source, r.where(), r.problem() == null ? "no geometry" : r.problem());
            return;
        }
        if (!(r.geometry() instanceof Polygonal)) {
            report.reject(source, r.where(), "geometry is a " + r.geometry().getGeometryType() + "; an area needs a Polygon or MultiPolygon");
            return;
        }
        int i = 1;
        upsert.setString(i++, code);
        upsert.setString(i++, name);
        upsert.setString(i++, sourceName);
        upsert.setBytes(i++, wkb.write(r.geometry()));
        upsert.setInt(i++, r.srid());
        if (kind == LayerKind.MUNICIPALITY) {
            upsert.setString(i++, r.text("vrcode"));
            upsert.setString(i, r.text("pvcode"));
        }
        try (ResultSet rs = upsert.executeQuery()) {
            if (!rs.next()) {
                report.reject(source, r.where(), code + ": the area is empty after repairing its geometry");
            } else if (rs.getBoolean(1)) {
                inserted++;
            } else {
                updated++;
            }
        }
    }

    @Override
    public void finish() throws SQLException {
        upsert.close();
        report.loaded(source, kind, inserted, updated);
    }

    @Override
    public int stored() { return inserted + updated; }
}
