package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Changes;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * Bullets: writing one into a theme of a picture, editing it (a new version) and retracting it (out
 * of the current picture, kept in history). Every change is checked against the incident (known, not
 * closed), against the version the writer saw, and recorded in the timeline.
 */
public final class BulletService {
    private final Transactions tx;
    private final IncidentService incidents;
    private final PictureStore pictures;
    private final TemplateStore templates;
    private final BulletStore bullets;

    public BulletService(Transactions tx, IncidentService incidents, PictureStores stores) {
        this.tx = tx;
        this.incidents = incidents;
        this.pictures = stores.pictures();
        this.templates = stores.templates();
        this.bullets = stores.bullets();
    }

    public Bullet add(long incidentId, long pictureId, BulletContent content, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            Picture picture = pictureOf(c, incidentId, pictureId);
            requireTheme(c, picture, content.themeId());
            long id = bullets.insert(c, incidentId, pictureId);
            bullets.insertVersion(c, id, 1, content, false, actor);
            Bullet added = bullets.find(c, id).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, "bullet.added", path(incidentId, id), 1,
                    NewChangeEvent.excerpt(content.text()), null, actor).withData(added));
            return added;
        });
    }

    /** The current version of a bullet, also when it is retracted. */
    public Bullet get(long incidentId, long bulletId) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, null);
            return bulletOf(incidentId, bullets.find(c, bulletId).orElse(null), bulletId);
        });
    }

    public List<Bullet> versions(long incidentId, long bulletId) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, null);
            List<Bullet> versions = bullets.versions(c, bulletId);
            bulletOf(incidentId, versions.isEmpty() ? null : versions.get(0), bulletId);
            return versions;
        });
    }

    /** Edits a bullet: a new version; an edit that changes nothing makes none. */
    public Bullet edit(long incidentId, long bulletId, IfMatch ifMatch, BulletEdit edit, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            Bullet current = lockCurrent(c, incidentId, bulletId, ifMatch);
            if (current.retracted()) {
                throw ApiException.conflict("bullet", "Bullet " + bulletId + " is retracted and can no longer be edited;"
                        + " write a new bullet instead");
            }
            BulletContent next = edit.applyTo(current.content());
            if (next.themeId() != current.content().themeId()) {
                requireTheme(c, pictureOf(c, incidentId, current.pictureId()), next.themeId());
            }
            Changes changes = new Changes()
                    .compare("themeId", current.content().themeId(), next.themeId())
                    .compare("text", current.content().text(), next.text())
                    .compare("source", current.content().source(), next.source())
                    .compare("certainty", current.content().certainty(), next.certainty());
            if (changes.isEmpty()) return current;
            int version = current.version() + 1;
            bullets.insertVersion(c, bulletId, version, next, false, actor);
            Bullet edited = bullets.find(c, bulletId).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, "bullet.edited", path(incidentId, bulletId), version,
                    NewChangeEvent.excerpt(next.text()), changes.fields(), actor).withData(edited));
            return edited;
        });
    }

    /** Takes a bullet out of the current picture; its versions stay in history. {@code reason} may be null. */
    public Bullet retract(long incidentId, long bulletId, IfMatch ifMatch, String reason, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            Bullet current = lockCurrent(c, incidentId, bulletId, ifMatch);
            if (current.retracted()) {
                throw ApiException.conflict("bullet", "Bullet " + bulletId + " is already retracted");
            }
            int version = current.version() + 1;
            bullets.insertVersion(c, bulletId, version, current.content(), true, actor);
            Bullet retracted = bullets.find(c, bulletId).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, "bullet.retracted", path(incidentId, bulletId), version,
                    NewChangeEvent.excerpt(current.content().text()), reason == null ? null : Map.of("reason", reason), actor)
                    .withData(retracted));
            return retracted;
        });
    }

    private Bullet lockCurrent(Connection c, long incidentId, long bulletId, IfMatch ifMatch) throws SQLException {
        Bullet current = bulletOf(incidentId, bullets.lock(c, bulletId).orElse(null), bulletId);
        if (!ifMatch.matches(current.version())) {
            throw ApiException.preconditionFailed("Bullet " + bulletId + " was changed by someone else: it is at version "
                    + current.version() + ". Apply your change to the current version (in 'current') and send it again.", current);
        }
        return current;
    }

    /** The bullet when it belongs to the incident; otherwise 404, as for any unknown bullet. */
    private static Bullet bulletOf(long incidentId, Bullet bullet, long bulletId) {
        if (bullet == null || bullet.incidentId() != incidentId) {
            throw ApiException.notFound("Incident " + incidentId + " has no bullet " + bulletId);
        }
        return bullet;
    }

    private Picture pictureOf(Connection c, long incidentId, long pictureId) throws SQLException {
        return pictures.find(c, pictureId).filter(p -> p.incidentId() == incidentId).orElseThrow(() -> ApiException.badBody(
                "pictureId", "Incident " + incidentId + " has no picture " + pictureId));
    }

    private void requireTheme(Connection c, Picture picture, long themeId) throws SQLException {
        List<Theme> themes = templates.themesAsOf(c, List.of(picture.templateId()), null).getOrDefault(picture.templateId(), List.of());
        if (themes.stream().noneMatch(t -> t.id() == themeId)) {
            throw ApiException.badBody("themeId", "Picture " + picture.id() + " has no theme " + themeId + "; its themes: "
                    + themes.stream().map(t -> t.id() + " " + t.name()).collect(Collectors.joining(", ")));
        }
    }

    static String path(long incidentId, long bulletId) {
        return IncidentService.path(incidentId) + "/bullets/" + bulletId;
    }
}
