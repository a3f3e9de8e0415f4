package nl.zorgbeeld.common;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields that differ between two versions of something, as {field: {from, to}}, for the timeline. */
public final class Changes {
    private final Map<String, Map<String, Object>> fields = new LinkedHashMap<>();

    public Changes compare(String field, Object from, Object to) {
        // The same moment written with another offset is no change.
        boolean same = from instanceof OffsetDateTime a && to instanceof OffsetDateTime b ? a.isEqual(b) : Objects.equals(from, to);
        if (!same) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            fields.put(field, change);
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Map<String, Map<String, Object>> fields() {
        return fields;
    }

    /** "text, certainty": which fields changed. */
    public String summary() {
        return String.join(", ", fields.keySet());
    }
}
