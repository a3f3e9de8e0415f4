package nl.zorgbeeld.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An entry of a fixed vocabulary: a code for the API and the database (the field's own Dutch word,
 * such as {@code gevalideerd}) and a label for people. Enums implement it; JSON shows the code.
 */
public interface Coded {
    @JsonValue
    String code();

    String label();

    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    /** A code that is known to be valid (read back from a database column that checks it). */
    static <E extends Enum<E> & Coded> E known(Class<E> type, String code) {
        return find(type, code).orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " '" + code + "'"));
    }

    /** The vocabulary as [{code, label}], for clients. */
    static <E extends Enum<E> & Coded> List<Map<String, String>> describe(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> Map.of("code", e.code(), "label", e.label())).toList();
    }

    /** "a, b, c": the codes, for error messages. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
