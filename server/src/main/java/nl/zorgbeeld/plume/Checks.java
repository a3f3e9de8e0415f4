package nl.zorgbeeld.plume;

import java.util.Locale;
import java.util.function.Supplier;
import nl.zorgbeeld.common.ApiException;

/**
 * Checks of input numbers whose errors name the field, so the HTTP layer answers 400 with it; and
 * the prefixing of those names when an input is part of a list (hours[3].windSpeed).
 */
final class Checks {
    private Checks() {}

    /** A finite number in [min, max]; {@code unit} is appended to the bounds in the message. */
    static double between(double value, double min, double max, String field, String unit) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw ApiException.badBody(field, field + " must be between " + plain(min) + " and " + plain(max) + unit + "; got " + plain(value));
        }
        return value;
    }

    /** A finite number above 0 and at most {@code max}. */
    static double positive(double value, double max, String field, String unit) {
        if (!Double.isFinite(value) || value <= 0 || value > max) {
            throw ApiException.badBody(field, field + " must be more than 0 and at most " + plain(max) + unit + "; got " + plain(value));
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) throw ApiException.badBody(field, field + " is required");
        return value;
    }

    /** Runs {@code read}, putting {@code prefix} before the field of any input error it throws. */
    static <T> T within(String prefix, Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            String inner = e.where() == null ? "" : e.where();
            String where = inner.isEmpty() ? prefix : prefix + "." + inner;
            String detail = !inner.isEmpty() && e.detail().startsWith(inner) ? where + e.detail().substring(inner.length()) : e.detail();
            throw new ApiException(e.status(), e.code(), e.title(), detail, where, e.extensions());
        }
    }

    /** A number without a needless fraction: 50, 0.5, 1.0E-4 as 0.0001. */
    static String plain(double value) {
        if (!Double.isFinite(value)) return String.valueOf(value);
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A number in Dutch notation with at most {@code decimals} decimals: 0,8 or 12. */
    static String dutch(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.contains(".")) text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        return text.replace('.', ',');
    }

    /** A distance for people: 350 m, 1.8 km (English) or 1,8 km (Dutch). */
    static String distance(double metres, boolean dutch) {
        if (metres < 999.5) return Math.round(metres) + " m";
        String km = dutch ? dutch(metres / 1000, 1) : plain(Math.round(metres / 100) / 10.0);
        return km + " km";
    }
}
