package nl.zorgbeeld.incident;

import java.util.Map;
import nl.zorgbeeld.common.Actor;

/** A change about to be recorded; the database adds the id and the time. {@code details} may be null. */
public record NewChangeEvent(Long incidentId, Long templateId, String action, String subject, Integer subjectVersion,
                             String summary, Map<String, ?> details, Actor actor) {

    /** A change within an incident. */
    public static NewChangeEvent of(long incidentId, String action, String subject, Integer subjectVersion, String summary,
                                    Map<String, ?> details, Actor actor) {
        return new NewChangeEvent(incidentId, null, action, subject, subjectVersion, summary, details, actor);
    }

    /** The summary of a text: its start, short enough for one line of the timeline. */
    public static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
