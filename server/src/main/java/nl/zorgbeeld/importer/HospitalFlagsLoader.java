package nl.zorgbeeld.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Point;

/**
 * Sets the emergency-department (24/7 SEH) and NICU flags of hospital locations from a list that
 * describes the same hospitals (the TNO/RIVM list): matched by location, and among close candidates
 * by the words their names share. Adds no institutions.
 */
final class HospitalFlagsLoader implements RecordLoader {
    static final double MATCH_RADIUS_METRES = 1000;
    private static final String CANDIDATES = "SELECT id, name, coalesce(organisation, ''),"
            + " ST_Distance(geom, ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), ?), 28992))"
            + " FROM institution WHERE type = 'ziekenhuis'"
            + " AND ST_DWithin(geom, ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), ?), 28992), ?)";

    private final String source;
    private final ImportReport report;
    private final PreparedStatement candidates;
    private final PreparedStatement update;
    private int matched;

    HospitalFlagsLoader(Connection connection, String source, ImportReport report) throws SQLException {
        this.source = source;
        this.report = report;
        this.candidates = connection.prepareStatement(CANDIDATES);
        this.update = connection.prepareStatement("UPDATE institution SET emergency_department = ?, nicu = ?, updated_at = now() WHERE id = ?");
    }

    @Override
    public void load(SourceRecord r) throws SQLException {
        if (!(r.geometry() instanceof Point point)) {
            report.reject(source, r.where(), r.problem() != null ? r.problem() : "a hospital location needs a Point");
            return;
        }
        Set<String> words = words(r.text("locatie", "naam", "name") + " " + r.text("organisatie", "organisation"));
        for (int i = 0; i < 2; i++) {
            candidates.setDouble(1 + 3 * i, point.getX());
            candidates.setDouble(2 + 3 * i, point.getY());
            candidates.setInt(3 + 3 * i, r.srid());
        }
        candidates.setDouble(7, MATCH_RADIUS_METRES);
        String best = null;
        double bestScore = Double.MAX_VALUE;
        try (ResultSet rs = candidates.executeQuery()) {
            while (rs.next()) {
                Set<String> shared = new HashSet<>(words(rs.getString(2) + " " + rs.getString(3)));
                shared.retainAll(words);
                // A shared name word counts as much as 500 m of distance.
                double score = rs.getDouble(4) - 500.0 * shared.size();
                if (score < bestScore) {
                    bestScore = score;
                    best = rs.getString(1);
                }
            }
        }
        if (best == null) {
            report.reject(source, r.where(), "no hospital location within " + (int) MATCH_RADIUS_METRES + " m to carry its flags");
            return;
        }
        Boolean seh = r.flag("fullTimeSEH");
        Boolean nicu = r.flag("NICU");
        if (seh == null) update.setNull(1, Types.BOOLEAN); else update.setBoolean(1, seh);
        if (nicu == null) update.setNull(2, Types.BOOLEAN); else update.setBoolean(2, nicu);
        update.setString(3, best);
        update.executeUpdate();
        matched++;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        words.removeIf(w -> w.length() < 4 || w.equals("ziekenhuis") || w.equals("null") || w.equals("locatie"));
        return words;
    }

    @Override
    public void finish() throws SQLException {
        candidates.close();
        update.close();
        report.loaded(source, LayerKind.HOSPITAL_FLAGS, 0, matched);
    }

    @Override
    public int stored() { return matched; }
}
