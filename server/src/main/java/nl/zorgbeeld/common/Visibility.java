package nl.zorgbeeld.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Which incidents a user may see: those of the safety region of the user's organisation and those
 * the organisation is invited to; everything for a system administrator ({@code all}). The same
 * decides which care institutions' status a user may see: those of the own safety region and of the
 * (current) region of every incident the organisation is invited to.
 */
public record Visibility(boolean all, String regionCode, long organisationId) {
    public static final Visibility EVERYTHING = new Visibility(true, null, 0);

    /**
     * The SQL condition for an incident whose id is {@code idColumn} and whose current region is
     * {@code regionColumn}; bind its three parameters with {@link #bind}.
     */
    public static String condition(String idColumn, String regionColumn) {
        return "(? OR upper(" + regionColumn + ") = upper(?) OR EXISTS (SELECT 1 FROM incident_invitation inv"
                + " WHERE inv.incident_id = " + idColumn + " AND inv.organisation_id = ? AND inv.removed_at IS NULL))";
    }

    /**
     * The SQL condition for an institution whose safety region is {@code regionColumn}; bind its
     * three parameters with {@link #bind}. An institution without a region is seen by {@code all} only.
     */
    public static String institutionCondition(String regionColumn) {
        return "(? OR upper(" + regionColumn + ") = upper(?) OR upper(" + regionColumn + ") IN (SELECT upper(v.region_code)"
                + " FROM incident_invitation inv JOIN incident inc ON inc.id = inv.incident_id"
                + " JOIN incident_version v ON v.incident_id = inc.id AND v.version = inc.version"
                + " WHERE inv.organisation_id = ? AND inv.removed_at IS NULL AND v.region_code IS NOT NULL))";
    }

    /** Binds the parameters of {@link #condition} or {@link #institutionCondition} from index {@code first}; returns the next index. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        ps.setBoolean(first, all);
        ps.setString(first + 1, regionCode);
        ps.setLong(first + 2, organisationId);
        return first + 3;
    }
}
