package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.common.Coded;

/** SQL for casualty counts (table casualty_count): appended, never changed. */
public final class CasualtyStore {
    private static final String SELECT = "SELECT id, picture_id, counted_at, t1, t2, t3, dead, unknown, source, certainty,"
            + " recorded_at, author, organisation FROM casualty_count";

    /** Records a count whose picture and time are known (see {@link NewCasualtyCount#withDefaults}). */
    public CasualtyCount insert(Connection c, long incidentId, NewCasualtyCount count, Actor actor) throws SQLException {
        String sql = "INSERT INTO casualty_count (incident_id, picture_id, counted_at, t1, t2, t3, dead, unknown, source, certainty,"
                + " author, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
        long id;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, incidentId);
            ps.setLong(2, count.pictureId());
            ps.setObject(3, count.countedAt());
            ps.setInt(4, count.counts().t1());
            ps.setInt(5, count.counts().t2());
            ps.setInt(6, count.counts().t3());
            ps.setInt(7, count.counts().dead());
            ps.setInt(8, count.counts().unknown());
            ps.setString(9, count.source());
            ps.setString(10, count.certainty().code());
            ps.setString(11, actor.author());
            ps.setString(12, actor.organisation());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            return list(ps).get(0);
        }
    }

    /** The incident's counts recorded up to {@code at} (all when null), in the order they were counted. */
    public List<CasualtyCount> asOf(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE incident_id = ?"
                + " AND (?::timestamptz IS NULL OR recorded_at <= ?) ORDER BY counted_at, recorded_at, id")) {
            ps.setLong(1, incidentId);
            ps.setObject(2, at);
            ps.setObject(3, at);
            return list(ps);
        }
    }

    private static List<CasualtyCount> list(PreparedStatement ps) throws SQLException {
        List<CasualtyCount> counts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TriageCounts triage = new TriageCounts(rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8));
                counts.add(new CasualtyCount(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), triage, rs.getString(9),
                        Coded.known(Certainty.class, rs.getString(10)), rs.getObject(11, OffsetDateTime.class), rs.getString(12),
                        rs.getString(13)));
            }
        }
        return counts;
    }
}
