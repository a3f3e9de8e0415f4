package nl.zorgbeeld.picture;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;
import java.util.List;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.picture.Freshness.FirstDescription;
import nl.zorgbeeld.picture.Freshness.Norms;
import nl.zorgbeeld.picture.Freshness.ThemeFreshness;

/**
 * Everything an incident's picture shows at one moment: the incident, each picture with its themes,
 * bullets, freshness and casualty counts, and the incident's questions, decisions and actions.
 *
 * @param at               the moment asked for, or null for now
 * @param evaluatedAt      the moment described (at, or the time of the request)
 * @param regieHasAccount  whether the incident's regie names a user of this app (by name and organisation); when not, a
 *                         Hoofd Informatie of the incident's region stands in for the regie (writes the summary)
 * @param firstDescription the medical picture's first complete description against its norm
 */
public record PictureView(Incident incident, boolean regieHasAccount, OffsetDateTime at, OffsetDateTime evaluatedAt, Norms norms,
                          FirstDescription firstDescription, List<Section> pictures, List<Question> questions,
                          List<Decision> decisions) {

    /** One picture with its content; the management summary first (null when the picture has none, as an own picture). */
    public record Section(@JsonUnwrapped Picture picture, Summary summary, String templateName, FirstDescription firstDescription,
                          List<ThemeSection> themes, Casualties casualties) {}

    /** One theme of a picture with its current bullets, oldest first. */
    public record ThemeSection(long id, String name, int position, boolean required, ThemeFreshness freshness, List<Bullet> bullets) {}

    /** The latest count (the totals; null when nothing was counted) and every count in the order counted. */
    public record Casualties(CasualtyCount latest, List<CasualtyCount> course) {}
}
