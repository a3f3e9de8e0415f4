package nl.zorgbeeld.incident;

import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.Actor;

/**
 * A change about to be recorded; the database adds the id, the time and the live stream position.
 * {@code details} may be null. {@code data} is the changed object as the API shows it (null when there
 * is none), carried by the live event so that a screen can apply the change without another request.
 * {@code before} and {@code after} are what the audit trail keeps of the changed object; when the
 * writer gives neither, they are taken from the {from, to} pairs of {@code details}, else
 * {@code after} is {@code data}. {@code audience} names the institutions the change is addressed to (an
 * alert, a warning): their users' personal stream carries it; null for the rest.
 */
public record NewChangeEvent(Long incidentId, Long templateId, String action, String subject, Integer subjectVersion,
                             String summary, Map<String, ?> details, Actor actor, Object data, Object before, Object after,
                             List<String> audience) {

    public NewChangeEvent(Long incidentId, Long templateId, String action, String subject, Integer subjectVersion,
                          String summary, Map<String, ?> details, Actor actor) {
        this(incidentId, templateId, action, subject, subjectVersion, summary, details, actor, null, null, null, null);
    }

    /** A change within an incident. */
    public static NewChangeEvent of(long incidentId, String action, String subject, Integer subjectVersion, String summary,
                                    Map<String, ?> details, Actor actor) {
        return new NewChangeEvent(incidentId, null, action, subject, subjectVersion, summary, details, actor);
    }

    /** The same change with the object's state before and after it, for the audit trail. */
    public NewChangeEvent withStates(Object before, Object after) {
        return new NewChangeEvent(incidentId, templateId, action, subject, subjectVersion, summary, details, actor, data, before, after, audience);
    }

    /** This change carrying the changed object. */
    public NewChangeEvent withData(Object changed) {
        return new NewChangeEvent(incidentId, templateId, action, subject, subjectVersion, summary, details, actor, changed, before, after, audience);
    }

    /** This change addressed to these institutions (their users' personal stream carries it). */
    public NewChangeEvent withAudience(List<String> institutionIds) {
        return new NewChangeEvent(incidentId, templateId, action, subject, subjectVersion, summary, details, actor, data, before, after,
                List.copyOf(institutionIds));
    }

    /** The summary of a text: its start, short enough for one line of the timeline. */
    public static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
