package nl.zorgbeeld.plume;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.http.JsonBody;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A forecast as a client sends it ({@code POST /api/incidents/{id}/plumes/forecast}): the release
 * (source term, thresholds) and 1 to 24 hours of forecast weather, as JSON; or only the hours as CSV,
 * for the release of the incident's current Gaussian plume. The CSV is turned into the same JSON (that
 * is what is stored), so both are checked by one reader and errors name {@code hours[i].field}.
 *
 * @param inputs the request as JSON, kept with the forecast
 */
public record ForecastRequest(ForecastInput input, ObjectNode inputs) {
    private static final Set<String> HOUR = union(PlumeRequest.WEATHER, "time");
    private static final Set<String> BODY = union(PlumeRequest.RELEASE, "hours");
    private static final Set<String> NUMBERS = Set.of("windDirection", "windSpeed");

    public static ForecastRequest json(String body) {
        return read(body);
    }

    /**
     * Hours as CSV (a header row naming the columns: time, windDirection, windSpeed, and stabilityClass
     * or daytime and cloudCover; comma or semicolon separated), for the release in {@code release}: the
     * stored inputs of the current Gaussian plume.
     */
    public static ForecastRequest csv(String text, ObjectNode release) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        for (String field : PlumeRequest.RELEASE) {
            if (release.has(field)) body.set(field, release.get(field));
        }
        body.set("hours", hours(text));
        return read(body.toString());
    }

    private static ForecastRequest read(String body) {
        JsonBody json = JsonBody.parse(body, BODY);
        SourceTerm release = PlumeRequest.release(json);
        Thresholds thresholds = PlumeRequest.thresholds(json);
        List<JsonBody> items = json.objects("hours", HOUR);
        if (items == null) throw json.missing("hours");
        if (items.size() > ForecastInput.MAX_HOURS) {
            throw ApiException.badBody("hours", "a forecast covers at most " + ForecastInput.MAX_HOURS + " hours; got " + items.size());
        }
        List<ForecastHour> hours = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonBody hour = items.get(i);
            hours.add(ForecastHour.read(i, () -> new ForecastHour(hour.required("time", hour.instant("time")).toInstant(),
                    PlumeRequest.weather(hour))));
        }
        ForecastInput input = new ForecastInput(release, thresholds, json.number("halfAngle"), PlumeRequest.windProfile(json), hours);
        return new ForecastRequest(input, (ObjectNode) Json.tree(body));
    }

    /** The CSV rows as the JSON hours; values keep their type (numbers, booleans) so the one reader checks them. */
    private static ArrayNode hours(String text) {
        if (text == null || text.isBlank()) throw ApiException.badBody("hours", "the CSV is empty; expected a header row and one row per hour");
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        ArrayNode hours = Json.MAPPER.createArrayNode();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.replace("\uFEFF", ""))).setFormat(format).get()) {
            for (String column : parser.getHeaderNames()) {
                if (!HOUR.contains(column)) {
                    throw ApiException.badBody("hours", "unknown CSV column '" + column + "'; allowed: " + String.join(", ", HOUR.stream().sorted().toList()));
                }
            }
            for (CSVRecord row : parser) {
                String at = "hours[" + hours.size() + "]";
                if (hours.size() >= ForecastInput.MAX_HOURS) {
                    throw ApiException.badBody("hours", "a forecast covers at most " + ForecastInput.MAX_HOURS + " hours; the CSV has more rows");
                }
                ObjectNode hour = hours.addObject();
                for (Map.Entry<String, String> cell : row.toMap().entrySet()) {
                    String value = cell.getValue() == null ? "" : cell.getValue().strip();
                    if (!value.isEmpty()) put(hour, cell.getKey(), value, at + "." + cell.getKey());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.badBody("hours", "the CSV cannot be read: " + e.getMessage());
        }
        return hours;
    }

    private static void put(ObjectNode hour, String column, String value, String where) {
        if (NUMBERS.contains(column)) {
            hour.put(column, number(value, where));
        } else if (column.equals("cloudCover")) {
            double octas = number(value, where);
            if (octas != Math.rint(octas)) throw ApiException.badBody(where, where + " must be a whole number of octas (0 to 8); got " + value);
            hour.put(column, (int) octas);
        } else if (column.equals("daytime")) {
            String v = value.toLowerCase(Locale.ROOT);
            if (Set.of("true", "ja", "dag", "day").contains(v)) hour.put(column, true);
            else if (Set.of("false", "nee", "nacht", "night").contains(v)) hour.put(column, false);
            else throw ApiException.badBody(where, where + " must be true or false (or ja/nee, dag/nacht); got '" + value + "'");
        } else if (column.equals("time")) {
            try {
                hour.put(column, java.time.OffsetDateTime.parse(value).toString());
            } catch (DateTimeParseException e) {
                throw ApiException.badBody(where, where + " must be an ISO 8601 date-time with offset, such as 2026-11-23T10:00:00+01:00; got '" + value + "'");
            }
        } else {
            hour.put(column, value);
        }
    }

    /** A number with a decimal point or, as Dutch spreadsheets write it, a decimal comma. */
    private static double number(String value, String where) {
        try {
            return Double.parseDouble(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw ApiException.badBody(where, where + " must be a number; got '" + value + "'");
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
