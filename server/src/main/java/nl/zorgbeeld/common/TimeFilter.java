package nl.zorgbeeld.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A moment or an interval of time, as OGC API's {@code datetime} writes it: an instant
 * ({@code 2026-11-23T10:00:00Z}), a closed interval ({@code a/b}) or a half-open one ({@code ../b},
 * {@code a/..}). Null ends are open.
 */
public record TimeFilter(Instant start, Instant end) {

    public static TimeFilter at(Instant instant) {
        return new TimeFilter(instant, instant);
    }

    public boolean isInstant() {
        return start != null && start.equals(end);
    }

    public static TimeFilter parse(String value, String where) {
        if (value == null || value.isBlank()) return null;
        String[] parts = value.trim().split("/", -1);
        if (parts.length == 1) return at(instant(parts[0], where));
        if (parts.length != 2) throw ApiException.badParameter(where, where + " must be an instant or an interval start/end");
        Instant start = open(parts[0]) ? null : instant(parts[0], where);
        Instant end = open(parts[1]) ? null : instant(parts[1], where);
        if (start == null && end == null) throw ApiException.badParameter(where, where + " interval ../.. has no end at all");
        if (start != null && end != null && start.isAfter(end)) {
            throw ApiException.badParameter(where, where + " interval starts after it ends");
        }
        return new TimeFilter(start, end);
    }

    private static boolean open(String part) {
        return part.isEmpty() || part.equals("..");
    }

    private static Instant instant(String text, String where) {
        try {
            // An unencoded + of the offset arrives as a space; no valid date-time contains one.
            return OffsetDateTime.parse(text.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(where, "'" + text + "' is not an ISO 8601 time with offset, e.g. 2026-11-23T10:15:00+01:00 or 2026-11-23T09:15:00Z");
        }
    }
}
