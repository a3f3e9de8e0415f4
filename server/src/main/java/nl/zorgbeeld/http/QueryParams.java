package nl.zorgbeeld.http;

import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.geo.Crs;

/** Parsing and validation of query parameters, with errors that name the parameter. */
public final class QueryParams {
    private final Context ctx;

    public QueryParams(Context ctx, Set<String> allowed) {
        this.ctx = ctx;
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.unknownParameter(name);
            }
        }
    }

    public String string(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public List<String> list(String name) {
        String value = string(name);
        if (value == null) return List.of();
        List<String> items = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) items.add(part.trim());
        }
        return items;
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = string(name);
        if (value == null) return fallback;
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, name + " must be a whole number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw ApiException.badParameter(name, name + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    /** A comma-separated list of codes of the vocabulary {@code type}; empty when absent. */
    public <E extends Enum<E> & Coded> List<E> codes(String name, Class<E> type) {
        List<E> items = new ArrayList<>();
        for (String code : list(name)) {
            items.add(Coded.find(type, code).orElseThrow(() -> ApiException.badParameter(name,
                    "Unknown " + name + " '" + code + "'; known: " + Coded.codes(type))));
        }
        return items;
    }

    /** true or false, or null when absent. */
    public Boolean bool(String name) {
        String value = string(name);
        if (value == null) return null;
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badParameter(name, name + " must be true or false, not '" + value + "'");
        };
    }

    /** An ISO 8601 date-time with offset (2026-03-01T14:05:00+01:00 or ...Z), or null when absent. */
    public OffsetDateTime instant(String name) {
        String value = string(name);
        if (value == null) return null;
        try {
            // An unencoded '+' of the offset arrives as a space; no valid date-time contains one.
            return OffsetDateTime.parse(value.replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, name + " must be an ISO 8601 date-time with offset,"
                    + " such as 2026-03-01T14:05:00+01:00; got '" + value + "'");
        }
    }

    /** A WGS84 bounding box {west, south, east, north}, or null when absent; see {@link #bbox(String, Crs)}. */
    public double[] bbox(String name) {
        return bbox(name, Crs.CRS84);
    }

    /**
     * A bounding box {minX, minY, maxX, maxY} in {@code crs}, or null when absent. Four numbers, or six
     * (with a lowest and highest height, which 2D data ignores). In CRS84 a west edge greater than the
     * east edge is a box across the antimeridian (177,65,-177,70), valid there; in RD New it is an error.
     */
    public double[] bbox(String name, Crs crs) {
        String value = string(name);
        if (value == null) return null;
        String[] parts = value.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badParameter(name, name + " needs four numbers minLon,minLat,maxLon,maxLat (or six, with heights); got "
                    + parts.length);
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter(name, name + " value " + (i + 1) + " is not a number: '" + parts[i].trim() + "'");
            }
            if (!Double.isFinite(numbers[i])) {
                throw ApiException.badParameter(name, name + " value " + (i + 1) + " is not finite");
            }
        }
        int half = parts.length / 2;
        if (half == 3 && numbers[2] > numbers[5]) {
            throw ApiException.badParameter(name, name + " lowest height must not exceed the highest");
        }
        double[] box = {numbers[0], numbers[1], numbers[half], numbers[half + 1]};
        if (crs == Crs.CRS84 && (box[0] < -180 || box[0] > 180 || box[2] < -180 || box[2] > 180
                || box[1] < -90 || box[1] > 90 || box[3] < -90 || box[3] > 90)) {
            throw ApiException.badParameter(name, name + " must be in WGS84 degrees (longitude -180..180, latitude -90..90)");
        }
        if (box[1] > box[3]) {
            throw ApiException.badParameter(name, name + " south edge " + box[1] + " must not exceed the north edge " + box[3]);
        }
        if (crs != Crs.CRS84 && box[0] > box[2]) {
            throw ApiException.badParameter(name, name + " minimum x must not exceed maximum x in " + crs.uri());
        }
        return box;
    }
}
