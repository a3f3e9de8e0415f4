package nl.zorgbeeld.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.common.Coded;

/** SQL of the organisations (table organisation). */
public final class OrganisationStore {
    static final String COLUMNS = "o.id, o.name, o.kind, o.region_code, o.institution_id, o.oidc_issuer, o.oidc_client_id,"
            + " o.oidc_client_secret_ref, o.oidc_add_totp, o.oidc_mfa_acr_values, o.demo";

    /** The fields of an organisation that can be set. */
    public record Fields(String name, OrganisationKind kind, String regionCode, String institutionId, String oidcIssuer,
                         String oidcClientId, String oidcClientSecretRef, boolean oidcAddTotp, List<String> oidcMfaAcrValues) {}

    public long insert(Connection c, Fields f, boolean demo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO organisation (name, kind, region_code, institution_id, oidc_issuer,"
                + " oidc_client_id, oidc_client_secret_ref, oidc_add_totp, oidc_mfa_acr_values, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
            bind(c, ps, f);
            ps.setBoolean(10, demo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void update(Connection c, long id, Fields f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE organisation SET name = ?, kind = ?, region_code = ?, institution_id = ?,"
                + " oidc_issuer = ?, oidc_client_id = ?, oidc_client_secret_ref = ?, oidc_add_totp = ?, oidc_mfa_acr_values = ? WHERE id = ?")) {
            bind(c, ps, f);
            ps.setLong(10, id);
            ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Fields f) throws SQLException {
        ps.setString(1, f.name());
        ps.setString(2, f.kind().code());
        ps.setString(3, f.regionCode());
        ps.setString(4, f.institutionId());
        ps.setString(5, f.oidcIssuer());
        ps.setString(6, f.oidcClientId());
        ps.setString(7, f.oidcClientSecretRef());
        ps.setBoolean(8, f.oidcAddTotp());
        ps.setArray(9, c.createArrayOf("text", f.oidcMfaAcrValues().toArray()));
    }

    public Optional<Organisation> find(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM organisation o WHERE o.id = ?", id);
    }

    /** For update: locks the row until the transaction ends. */
    public Optional<Organisation> lock(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM organisation o WHERE o.id = ? FOR UPDATE", id);
    }

    public Optional<Organisation> findByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM organisation o WHERE lower(o.name) = lower(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, 1)) : Optional.empty();
            }
        }
    }

    private static Optional<Organisation> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, 1)) : Optional.empty();
            }
        }
    }

    /** All organisations, by name. */
    public List<Organisation> all(Connection c) throws SQLException {
        List<Organisation> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM organisation o ORDER BY lower(o.name), o.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) list.add(read(rs, 1));
        }
        return list;
    }

    /** The organisation columns ({@link #COLUMNS}) from column {@code first} on. */
    static Organisation read(ResultSet rs, int first) throws SQLException {
        int i = first;
        return new Organisation(rs.getLong(i++), rs.getString(i++), Coded.known(OrganisationKind.class, rs.getString(i++)),
                rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getString(i++), rs.getBoolean(i++),
                Arrays.stream((Object[]) rs.getArray(i++).getArray()).map(String::valueOf).toList(), rs.getBoolean(i));
    }
}
