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
