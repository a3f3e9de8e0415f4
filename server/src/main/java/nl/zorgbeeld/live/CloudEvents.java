package nl.zorgbeeld.live;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import nl.zorgbeeld.common.Json;

/**
 * A change_event row as a CloudEvents 1.0 JSON event: {@code specversion}, {@code id} (the stream
 * position), {@code type} ({@code nl.zorgbeeld.bullet.created}, ...), {@code source} (the incident),
 * {@code subject} (what in it changed), {@code time}, {@code datacontenttype} and {@code data}, the
 * changed object as the API shows it. Extension attributes carry what the timeline shows: the
 * original {@code action}, {@code incidentid}, {@code subjectversion}, {@code summary}, {@code author}
 * and {@code organisation}.
 */
final class CloudEvents {
    static final String TYPE_PREFIX = "nl.zorgbeeld.";
    /** The verbs of the change log, as the past-tense verbs event types use. */
    private static final Map<String, String> VERBS = Map.of(
            "added", "created", "create", "created", "edited", "updated", "update", "updated", "delete", "deleted");

    private CloudEvents() {}

    /**
     * One change; {@code data} is its stored JSON text, embedded as it is (null: no data member);
     * {@code regionCode} the safety region of a change outside incidents that has one (a status report).
     */
    record Row(long seq, Long incidentId, OffsetDateTime occurredAt, String action, String subject, Integer subjectVersion,
               String summary, String author, String organisation, String data, String regionCode) {}

    static LiveEvent event(Row row) {
        return LiveEvent.of(row.seq(), row.incidentId(), row.action(), row.regionCode(), json(row));
    }

    static String json(Row row) {
        StringWriter out = new StringWriter(256 + (row.data() == null ? 0 : row.data().length()));
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            String source = row.incidentId() != null ? "/api/incidents/" + row.incidentId()
                    : row.action().startsWith(LiveEvent.INSTITUTION_STATUS) ? "/api/institutions" : "/api/templates";
            g.writeStartObject();
            g.writeStringField("specversion", "1.0");
            g.writeStringField("id", Long.toString(row.seq()));
            g.writeStringField("type", type(row.action()));
            g.writeStringField("source", source);
            String subject = subject(source, row.subject());
            if (subject != null) g.writeStringField("subject", subject);
            g.writeStringField("time", row.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toString());
            g.writeStringField("datacontenttype", row.action().startsWith("element.") ? "application/geo+json" : "application/json");
            g.writeStringField("action", row.action());
            if (row.incidentId() != null) g.writeNumberField("incidentid", row.incidentId());
            if (row.subjectVersion() != null) g.writeNumberField("subjectversion", row.subjectVersion());
            g.writeStringField("summary", row.summary());
            g.writeStringField("author", row.author());
            g.writeStringField("organisation", row.organisation());
            if (row.data() != null) {
                g.writeFieldName("data");
                g.writeRawValue(row.data());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string does not fail", e);
        }
        return out.toString();
    }

    /** {@code bullet.added} -> {@code nl.zorgbeeld.bullet.created}; verbs already in the past stay. */
    static String type(String action) {
        int dot = action.lastIndexOf('.');
        if (dot < 0) return TYPE_PREFIX + action;
        String verb = action.substring(dot + 1);
        return TYPE_PREFIX + action.substring(0, dot + 1) + VERBS.getOrDefault(verb, verb);
    }

    /** The changed thing relative to the source: {@code bullets/7}, {@code elements/<uuid>}; none for the incident itself. */
    private static String subject(String source, String subject) {
        if (subject.startsWith("element:")) return "elements/" + subject.substring("element:".length());
        if (subject.equals(source)) return null;
        if (subject.startsWith(source + "/")) return subject.substring(source.length() + 1);
        return subject;
    }
}
