package nl.zorgbeeld.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Copies query rows of (feature JSON, sort key) to a writer, up to a limit, noting whether more follow. */
public final class FeatureRows {
    private FeatureRows() {}

    /**
     * Runs {@code sql} (which selects feature JSON and sort key, filtered by {@code where}, ordered,
     * without LIMIT) through a server-side cursor, so a response of any size needs constant memory.
     */
    public static StreamedPage stream(DataSource dataSource, String sql, SqlWhere where, int limit, int offset,
                                      FeatureCollectionWriter writer) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql + " LIMIT ? OFFSET ?")) {
                int next = where.bind(c, ps, 1);
                ps.setInt(next++, limit + 1);
                ps.setInt(next, offset);
                ps.setFetchSize(1000);
                return write(ps, writer, limit);
            } finally {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading features failed: " + e.getMessage(), e);
        }
    }

    /** The statement must ask for {@code limit + 1} rows; the extra one only says that another page exists. */
    private static StreamedPage write(PreparedStatement ps, FeatureCollectionWriter writer, int limit) throws SQLException {
        String lastKey = null;
        int written = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (written == limit) return new StreamedPage(written, lastKey, true);
                writer.feature(rs.getString(1));
                lastKey = rs.getString(2);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StreamedPage(written, lastKey, false);
    }
}
