package nl.zorgbeeld.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.common.Json;

/**
 * A JSON object from a request body, read field by field with errors that name the field
 * ({@code where}) and say what was expected. Unknown fields are refused, so a misspelt field is an
 * error rather than silently ignored. Text is plain: control characters other than line breaks and
 * tabs are refused, and lengths count characters, not UTF-16 units.
 */
public final class JsonBody {
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode node;
    private final String prefix;

    private JsonBody(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The request body as a JSON object whose fields are all in {@code allowed}. */
    public static JsonBody of(Context ctx, Set<String> allowed) {
        return parse(ctx.body(), allowed);
    }

    public static JsonBody parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            throw ApiException.badBody("body", "The request body is empty; expected a JSON object");
        }
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badBody("body", "The request body is not valid JSON" + where + ": " + reason(e));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badBody("body", "The request body must be a JSON object");
        }
        return new JsonBody(node, "").allowOnly(allowed);
    }

    /** Jackson's message without the parser's source description. */
    private static String reason(JacksonException e) {
        String message = e.getOriginalMessage();
        int marker = message.indexOf(" (start marker");
        return (marker < 0 ? message : message.substring(0, marker)).strip();
    }

    private JsonBody allowOnly(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badBody(path(name), "Unknown field '" + path(name) + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return this;
    }

    /** Whether the field is present (also when it is null): PATCH bodies change only what they name. */
    public boolean has(String name) {
        return node.has(name);
    }

    public boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    /** Trimmed plain text of at most {@code maxLength} characters, or null when absent or null. */
    public String text(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw wrongType(name, "a string", value);
        String text = value.asText().strip();
        if (text.isEmpty()) return null;
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw ApiException.badBody(path(name), path(name) + " is " + length + " characters long; the limit is " + maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t') {
                throw ApiException.badBody(path(name), path(name) + " must be plain text; it contains control character U+"
                        + String.format("%04X", (int) ch));
            }
        }
        return text;
    }

    /** Like {@link #text}, but absent, null or blank is refused. */
    public String requiredText(String name, int maxLength) {
        String text = text(name, maxLength);
        if (text == null) throw missing(name);
        return text;
    }

    /** A code of the vocabulary {@code type}, or null when absent or null. */
    public <E extends Enum<E> & Coded> E code(String name, Class<E> type) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw wrongType(name, "one of " + Coded.codes(type), value);
        return Coded.find(type, value.asText().trim()).orElseThrow(() -> ApiException.badBody(path(name),
                "Unknown " + path(name) + " '" + abbreviate(value.asText()) + "'; known: " + Coded.codes(type)));
    }

    public Long longValue(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isIntegralNumber() || !value.canConvertToLong()) throw wrongType(name, "a whole number", value);
        return value.asLong();
    }

    public long requiredLong(String name) {
        Long value = longValue(name);
        if (value == null) throw missing(name);
        return value;
    }

    /** A whole number within [min, max], or null when absent or null. */
    public Integer integer(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isIntegralNumber() || !value.canConvertToInt()) throw wrongType(name, "a whole number", value);
        int n = value.asInt();
        if (n < min || n > max) {
            throw ApiException.badBody(path(name), path(name) + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    /** A finite number, or null when absent or null. */
    public Double number(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) throw wrongType(name, "a number", value);
        return value.asDouble();
    }

    /** The field as it was sent (for values such as GeoJSON geometry that have their own reader), or null. */
    public JsonNode node(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isBoolean()) throw wrongType(name, "true or false", value);
        return value.asBoolean();
    }

    /** An ISO 8601 date-time with offset, or null when absent or null. */
    public OffsetDateTime instant(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw wrongType(name, "an ISO 8601 date-time string", value);
        try {
            return OffsetDateTime.parse(value.asText().trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badBody(path(name), path(name) + " must be an ISO 8601 date-time with offset, such as"
                    + " 2026-03-01T14:05:00+01:00; got '" + value.asText() + "'");
        }
    }

    /** A list of whole numbers, or null when absent or null. */
    public List<Long> longList(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) throw wrongType(name, "an array of whole numbers", value);
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                throw ApiException.badBody(path(name) + "[" + i + "]", path(name) + "[" + i + "] must be a whole number");
            }
            items.add(item.asLong());
        }
        return items;
    }

    /** A list of plain texts of at most {@code maxLength} characters each, or null when absent or null. */
    public List<String> textList(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) throw wrongType(name, "an array of strings", value);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String where = path(name) + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength) {
                throw ApiException.badBody(where, where + " must be a text of 1 to " + maxLength + " characters");
            }
            items.add(item.asText().strip());
        }
        return items;
    }

    /** A list of plain texts (each trimmed, non-empty, at most {@code maxLength} characters; duplicates dropped), or null when absent or null. */
    public List<String> texts(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) throw wrongType(name, "an array of strings", value);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String where = path(name) + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) throw ApiException.badBody(where, where + " must be a non-empty string");
            String text = item.asText().strip();
            if (text.codePointCount(0, text.length()) > maxLength || text.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.badBody(where, where + " must be plain text of at most " + maxLength + " characters");
            }
            if (!items.contains(text)) items.add(text);
        }
        return items;
    }

    /** A list of codes of the vocabulary {@code type} (duplicates dropped), or null when absent or null. */
    public <E extends Enum<E> & Coded> List<E> codes(String name, Class<E> type) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) throw wrongType(name, "an array of " + Coded.codes(type), value);
        List<E> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String where = path(name) + "[" + i + "]";
            if (!item.isTextual()) throw ApiException.badBody(where, where + " must be one of " + Coded.codes(type));
            E code = Coded.find(type, item.asText().trim()).orElseThrow(() -> ApiException.badBody(where,
                    "Unknown " + where + " '" + abbreviate(item.asText()) + "'; known: " + Coded.codes(type)));
            if (!items.contains(code)) items.add(code);
        }
        return items;
    }

    /** A nested object whose fields are all in {@code allowed}, or null when absent or null. */
    public JsonBody object(String name, Set<String> allowed) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isObject()) throw wrongType(name, "an object", value);
        return new JsonBody(value, path(name) + ".").allowOnly(allowed);
    }

    /** {@code value} read from field {@code name}, refused when it is null (the field absent or null). */
    public <T> T required(String name, T value) {
        if (value == null) throw missing(name);
        return value;
    }

    /** An array of objects whose fields are all in {@code allowed}, or null when absent or null. */
    public List<JsonBody> objects(String name, Set<String> allowed) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isArray()) throw wrongType(name, "an array of objects", value);
        List<JsonBody> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String item = path(name) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw ApiException.badBody(item, item + " must be an object, not " + describe(value.get(i)));
            }
            items.add(new JsonBody(value.get(i), item + ".").allowOnly(allowed));
        }
        return items;
    }

    /** The error for a field that must be present. */
    public ApiException missing(String name) {
        return ApiException.badBody(path(name), path(name) + " is required");
    }

    /** The full name of a field, with the path of the objects it is nested in ({@code counts.t1}). */
    public String path(String name) {
        return prefix + name;
    }

    private ApiException wrongType(String name, String expected, JsonNode value) {
        return ApiException.badBody(path(name), path(name) + " must be " + expected + ", not " + describe(value));
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the string \"" + abbreviate(value.asText()) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
