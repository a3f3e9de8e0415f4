package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;

/**
 * One value of picture.json, read with the checks the database would otherwise make (lengths,
 * vocabularies, times), so a bad snapshot is refused with the field named ("picture.json:
 * picture.pictures[1].themes[0].bullets[3].certainty") and never reaches a constraint.
 */
record Field(JsonNode node, String path) {

    static Field root(JsonNode doc) {
        return new Field(doc, "");
    }

    Field get(String name) {
        return new Field(node == null ? null : node.get(name), path.isEmpty() ? name : path + "." + name);
    }

    Field at(int index) {
        return new Field(node.get(index), path + "[" + index + "]");
    }

    boolean present() {
        return node != null && !node.isNull();
    }

    int size() {
        if (present() && !node.isArray()) throw bad("must be a list");
        return present() ? node.size() : 0;
    }

    Field object() {
        if (!present() || !node.isObject()) throw bad("must be an object");
        return this;
    }

    String text(int max) {
        String value = optionalText(max);
        if (value == null) throw bad("is required");
        return value;
    }

    String optionalText(int max) {
        if (!present()) return null;
        if (!node.isTextual()) throw bad("must be text");
        String value = node.asText();
        if (value.isBlank()) return null;
        if (value.codePointCount(0, value.length()) > max) throw bad("is longer than " + max + " characters");
        return value;
    }

    long number() {
        if (!present() || !node.canConvertToLong() || !node.isIntegralNumber()) throw bad("must be a whole number");
        return node.asLong();
    }

    int count() {
        long n = number();
        if (n < 0 || n > Integer.MAX_VALUE) throw bad("must be a whole number of at least 0");
        return (int) n;
    }

    int version() {
        long n = number();
        if (n < 1 || n > Integer.MAX_VALUE) throw bad("must be a version number of at least 1");
        return (int) n;
    }

    boolean bool() {
        if (!present() || !node.isBoolean()) throw bad("must be true or false");
        return node.asBoolean();
    }

    OffsetDateTime time() {
        OffsetDateTime t = optionalTime();
        if (t == null) throw bad("is required");
        return t;
    }

    OffsetDateTime optionalTime() {
        if (!present()) return null;
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw bad("must be an ISO 8601 time with offset");
        }
    }

    <E extends Enum<E> & Coded> E code(Class<E> type) {
        String value = text(60);
        return Coded.find(type, value).orElseThrow(() -> bad("'" + value + "' is not one of " + Coded.codes(type)));
    }

    ApiException bad(String problem) {
        return ApiException.badBody(SnapshotArchive.PICTURE + ":" + path, SnapshotArchive.PICTURE + ": " + path + " " + problem);
    }
}
