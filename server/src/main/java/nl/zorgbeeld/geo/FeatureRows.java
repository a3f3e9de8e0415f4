package nl.zorgbeeld.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Copies query rows of (feature JSON, sort key) to a writer, up to a limit, noting whether more follow. */
public final class FeatureRows {
    private FeatureRows() {}

    /** The statement must ask for {@code limit + 1} rows; the extra one only says that another page exists. */
    public static StreamedPage write(PreparedStatement ps, FeatureCollectionWriter writer, int limit) throws SQLException {
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
