package nl.zorgbeeld.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.reference.InstitutionType;
import nl.zorgbeeld.reference.InstitutionTypes;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads care locations from a register (GeoJSON or CSV): maps its columns to an institution, checks
 * name, type and coordinates (each rejection with its reason), and upserts by stable id.
 */
final class InstitutionLoader implements RecordLoader {
    private static final Logger LOG = LoggerFactory.getLogger(InstitutionLoader.class);
    private static final int PROGRESS_EVERY = 1000;
    private static final String UPSERT = "INSERT INTO institution (id, type, name, organisation, street, house_number, postcode, city,"
            + " phone, email, emergency_department, connected, source, attributes, geom)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), ?), 28992))"
            + " ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, organisation = EXCLUDED.organisation,"
            + " street = EXCLUDED.street, house_number = EXCLUDED.house_number, postcode = EXCLUDED.postcode, city = EXCLUDED.city,"
            + " phone = EXCLUDED.phone, email = EXCLUDED.email,"
            + " emergency_department = COALESCE(EXCLUDED.emergency_department, institution.emergency_department),"
            + " connected = EXCLUDED.connected, source = EXCLUDED.source, attributes = EXCLUDED.attributes, geom = EXCLUDED.geom,"
            + " demo = false, updated_at = now()"
            + " RETURNING (xmax = 0)";

    private final String sourceName;
    private final String source;
    private final ImportReport report;
    private final InstitutionTypes types;
    private final Optional<InstitutionType> fileType;
    private final NetherlandsArea netherlands;
    private final PreparedStatement upsert;
    private final Map<String, String> seen = new HashMap<>();
    private int inserted;
    private int updated;
    private int read;

    /**
     * @param sourceName the file name or collection id: matched for a type, and recorded as each institution's source
     * @param source     where the records come from, for the report
     */
    InstitutionLoader(Connection connection, String sourceName, String source, ImportReport report, InstitutionTypes types)
            throws SQLException {
        this.sourceName = sourceName;
        this.source = source;
        this.report = report;
        this.types = types;
        this.fileType = types.matchFileName(sourceName);
        this.netherlands = NetherlandsArea.load(connection);
        try (PreparedStatement demo = connection.prepareStatement("DELETE FROM institution WHERE demo")) {
            // A real register replaces the synthetic demo institutions.
            demo.executeUpdate();
        }
        this.upsert = connection.prepareStatement(UPSERT);
    }

    @Override
    public void load(SourceRecord r) throws SQLException {
        if (++read % PROGRESS_EVERY == 0) LOG.info("{}: {} rows read", source, read);
        String name = r.text("naam", "name", "locatie", "locatienaam", "standplaats", "vestigingsnaam");
        if (name == null) {
            reject(r, "no name");
            return;
        }
        Optional<InstitutionType> type = fileType.isPresent() ? fileType : types.match(r.text("type", "soort", "soort zorg", "categorie"));
        if (type.isEmpty()) {
            reject(r, "unknown institution type '" + r.text("type", "soort", "soort zorg", "categorie") + "'; use one of "
                    + types.all().stream().map(InstitutionType::code).collect(Collectors.joining(", ")));
            return;
        }
        if (r.geometry() == null) {
            reject(r, r.problem() == null ? "no coordinates" : r.problem());
            return;
        }
        if (!(r.geometry() instanceof Point point)) {
            reject(r, "geometry is a " + r.geometry().getGeometryType() + "; a care location needs a Point");
            return;
        }
        double x = point.getX();
        double y = point.getY();
        String problem = r.srid() == 28992 ? netherlands.problemWithRd(x, y) : netherlands.problemWithWgs84(x, y);
        if (problem != null) {
            reject(r, problem);
            return;
        }
        String street = r.text("straat", "straatnaam", "street", "adres", "address");
        String houseNumber = r.text("huisnummer", "housenumber", "house_number");
        String postcode = r.text("postcode", "pc", "zip");
        String registerId = r.text("id", "identifier", "locatienummer", "agb");
        String idProblem = InstitutionKey.problemWith(registerId);
        if (idProblem != null) {
            reject(r, idProblem);
            return;
        }
        String id = InstitutionKey.of(type.get().code(), registerId, name, street, houseNumber, postcode);
        String earlier = seen.putIfAbsent(id, r.where());
        if (earlier != null) {
            reject(r, "same institution as " + earlier + " (same type, id or name and address)");
            return;
        }
        Boolean connected = r.flag("connected", "aangesloten");
        int i = 1;
        upsert.setString(i++, id);
        upsert.setString(i++, type.get().code());
        upsert.setString(i++, name);
        upsert.setString(i++, r.text("organisatie", "organisation", "organization", "zorgaanbieder"));
        upsert.setString(i++, street);
        upsert.setString(i++, houseNumber);
        upsert.setString(i++, postcode);
        upsert.setString(i++, r.text("plaats", "woonplaats", "city"));
        upsert.setString(i++, r.text("telefoon", "telefoonnummer", "phone"));
        upsert.setString(i++, r.text("email", "e-mail"));
        Boolean seh = r.flag("seh", "emergency_department", "emergencydepartment");
        if (seh == null) upsert.setNull(i++, Types.BOOLEAN); else upsert.setBoolean(i++, seh);
        upsert.setBoolean(i++, connected != null ? connected : type.get().acute());
        upsert.setString(i++, sourceName);
        upsert.setString(i++, Json.MAPPER.valueToTree(new LinkedHashMap<>(r.properties())).toString());
        upsert.setDouble(i++, x);
        upsert.setDouble(i++, y);
        upsert.setInt(i, r.srid());
        try (ResultSet rs = upsert.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) inserted++; else updated++;
        }
    }

    private void reject(SourceRecord r, String reason) {
        report.reject(source, r.where(), reason);
    }

    @Override
    public void finish() throws SQLException {
        upsert.close();
        report.loaded(source, LayerKind.INSTITUTION, inserted, updated);
    }

    @Override
    public int stored() { return inserted + updated; }
}
