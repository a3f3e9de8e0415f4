package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * The management summary on top of the multidisciplinary and the medical picture. Who may write it
 * (the regie holder) is the route's access rule; here it is versioned like a bullet: the first one
 * needs no If-Match, every later one the version the writer saw, and each is a change in the
 * timeline and the live stream ({@code summary.written}).
 */
public final class SummaryService {
    private final Transactions tx;
    private final IncidentService incidents;
    private final PictureStore pictures;
    private final SummaryStore summaries;

    public SummaryService(Transactions tx, IncidentService incidents, PictureStores stores) {
        this.tx = tx;
        this.incidents = incidents;
        this.pictures = stores.pictures();
        this.summaries = stores.summaries();
    }

    /** The summary at {@code at} (now when null); version 0 when none was written by then. */
    public Summary get(long incidentId, long pictureId, OffsetDateTime at) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, at);
            sharedPicture(c, incidentId, pictureId);
            return summaries.asOf(c, pictureId, at).orElse(Summary.none(pictureId, incidentId));
        });
    }

    public List<Summary> versions(long incidentId, long pictureId) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, null);
            sharedPicture(c, incidentId, pictureId);
            return summaries.versions(c, pictureId);
        });
    }

    /** Writes the next version; {@code ifMatch} is null when the request had none (allowed only for the first). */
    public Summary write(long incidentId, long pictureId, IfMatch ifMatch, String text, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            sharedPicture(c, incidentId, pictureId);
            Summary current = summaries.lock(c, pictureId).orElse(null);
            if (current != null && ifMatch == null) {
                throw ApiException.preconditionRequired("Picture " + pictureId + " already has a summary (version " + current.version()
                        + "): send If-Match with the ETag of the version you edited");
            }
            if (current != null && !ifMatch.matches(current.version())) {
                throw ApiException.preconditionFailed("The summary of picture " + pictureId + " was changed by someone else: it is at version "
                        + current.version() + ". Apply your change to the current text (in 'current') and send it again.", current);
            }
            if (current != null && current.text().equals(text)) return current;
            int version = current == null ? 1 : current.version() + 1;
            summaries.insertVersion(c, incidentId, pictureId, version, text, actor);
            Summary written = summaries.asOf(c, pictureId, null).orElseThrow();
            Map<String, Object> details = current == null ? null : Map.of("text", Map.of("from", current.text(), "to", text));
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, "summary.written", path(incidentId, pictureId), version,
                    NewChangeEvent.excerpt(text), details, actor).withData(written));
            return written;
        });
    }

    /** The picture when it is one of the incident's shared pictures: an own picture has no management summary. */
    private Picture sharedPicture(Connection c, long incidentId, long pictureId) throws SQLException {
        Picture picture = pictures.find(c, pictureId).filter(p -> p.incidentId() == incidentId)
                .orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no picture " + pictureId));
        if (picture.kind() == PictureKind.EIGEN) {
            throw ApiException.badParameter("pictureId", "Picture " + pictureId + " is an institution's own picture; a management summary"
                    + " belongs to the multidisciplinary or the medical picture");
        }
        return picture;
    }

    static String path(long incidentId, long pictureId) {
        return PictureService.path(incidentId, pictureId) + "/summary";
    }
}
