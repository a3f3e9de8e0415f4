package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.SQLException;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentCreatedHook;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * Makes pictures: the multidisciplinary and medical pictures every new incident gets (run as the
 * incident's creation hook, in the same transaction) and institutions' own pictures.
 */
public final class PictureFactory implements IncidentCreatedHook {
    static final String MEDICAL_ORGANISATION = "GHOR";
    static final String MULTIDISCIPLINARY_ORGANISATION = "Veiligheidsregio";

    private final PictureStore pictures;
    private final TemplateStore templates;
    private final ChangeLog log;

    public PictureFactory(PictureStores stores, ChangeLog log) {
        this.pictures = stores.pictures();
        this.templates = stores.templates();
        this.log = log;
    }

    @Override
    public void created(Connection c, Incident incident, Actor actor) throws SQLException {
        add(c, incident.id(), PictureKind.MULTIDISCIPLINAIR, defaultTemplate(c, PictureKind.MULTIDISCIPLINAIR),
                MULTIDISCIPLINARY_ORGANISATION, null, actor);
        add(c, incident.id(), PictureKind.GENEESKUNDIG, defaultTemplate(c, PictureKind.GENEESKUNDIG), MEDICAL_ORGANISATION, null, actor);
    }

    Picture add(Connection c, long incidentId, PictureKind kind, long templateId, String organisation, String institutionId,
                Actor actor) throws SQLException {
        Picture picture = pictures.insert(c, incidentId, kind, templateId, organisation, institutionId, actor);
        log.record(c, NewChangeEvent.of(incidentId, "picture.added", PictureService.path(incidentId, picture.id()), null,
                kind.label() + ": " + organisation, null, actor).withData(picture));
        return picture;
    }

    long defaultTemplate(Connection c, PictureKind kind) throws SQLException {
        return templates.defaultFor(c, kind)
                .orElseThrow(() -> new IllegalStateException("no default template for " + kind.code() + " pictures (migration V2)")).id();
    }
}
