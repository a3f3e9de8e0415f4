package nl.zorgbeeld.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alert marks of an incident at one moment, by institution id, with a stamp that names them: an
 * institution's mark is fixed by the alert it left unacknowledged, so the stamp changes exactly when
 * an institution gains, loses or changes its mark (acknowledged, deadline passed, alert updated).
 * Empty marks have the empty stamp.
 */
public record AlertMarks(Map<String, AlertMark> byInstitution, String stamp) {
    public static final AlertMarks NONE = new AlertMarks(Map.of(), "");

    public static AlertMarks of(Map<String, AlertMark> marks) {
        if (marks.isEmpty()) return NONE;
        StringBuilder text = new StringBuilder(marks.size() * 24);
        new TreeMap<>(marks).forEach((id, mark) -> text.append(id).append('=').append(mark.alertId()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new AlertMarks(Map.copyOf(marks), HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
