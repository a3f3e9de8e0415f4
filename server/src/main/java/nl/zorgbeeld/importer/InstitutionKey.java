package nl.zorgbeeld.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The stable id of an institution, so that a re-import updates instead of duplicating: the type plus
 * the register's own id when it has one, else a hash of name and address (not of the coordinates,
 * which a register may correct).
 */
final class InstitutionKey {
    private InstitutionKey() {}

    /**
     * Why a register's own id cannot be used, or null when it can. The id ends up as one segment of
     * API paths ({@code /api/incidents/{id}/stakeholders/{institutionId}}, the OGC item URL), where a
     * slash or backslash splits it and a control character is refused by the web server.
     */
    static String problemWith(String registerId) {
        if (registerId == null) return null;
        for (char ch : registerId.toCharArray()) {
            if (ch == '/' || ch == '\\') {
                return "id '" + registerId + "' contains '" + ch + "', which cannot be part of an institution id:"
                        + " the id is one segment of URL paths such as /api/incidents/{id}/stakeholders/{institutionId}";
            }
            // Whitespace becomes '-' in the key; any other control character cannot travel in a path.
            if (Character.isISOControl(ch) && !Character.isWhitespace(ch)) return "id '" + registerId.replaceAll("\\p{Cntrl}", "?") + "' contains a control character";
        }
        return null;
    }

    static String of(String type, String registerId, String name, String street, String houseNumber, String postcode) {
        if (registerId != null) {
            return type + ":" + registerId.trim().replaceAll("\\s+", "-");
        }
        String basis = String.join("|", normalise(name), normalise(street), normalise(houseNumber), normalise(postcode));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return type + ":" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String normalise(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
