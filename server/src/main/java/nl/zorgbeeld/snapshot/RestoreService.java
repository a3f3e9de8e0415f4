package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import nl.zorgbeeld.analysis.StakeholderStatus;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.element.ElementInput;
import nl.zorgbeeld.element.ElementParser;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.incident.CarePhase;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.GripLevel;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentOrigin;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.IncidentState;
import nl.zorgbeeld.incident.IncidentStatus;
import nl.zorgbeeld.incident.IncidentType;
import nl.zorgbeeld.incident.NewChangeEvent;
import nl.zorgbeeld.incident.Regie;
import nl.zorgbeeld.picture.DecisionKind;
import nl.zorgbeeld.picture.DecisionStatus;
import nl.zorgbeeld.picture.PictureKind;
import nl.zorgbeeld.picture.QuestionStatus;
import org.locationtech.jts.io.WKBWriter;

/**
 * Loads a snapshot into this Zorgbeeld as a new incident, from its picture.json: a read-only
 * archive or a hand-over that carries on. Everything gets a new id and nothing existing is changed;
 * times, authors and version numbers are kept as the snapshot recorded them. A picture's template
 * is the one of the same name when it has every theme the snapshot uses, otherwise a new template
 * with the snapshot's themes. The whole restore is one transaction: a snapshot that fails any
 * check stores nothing. The analysis is computed afresh against this system's reference data.
 */
public final class RestoreService {
    private static final int NAME = 200;
    private static final String REGION = "[A-Za-z0-9_-]+";

    private final Transactions tx;
    private final RestoreStore store;
    private final ChangeLog log;
    private final IncidentService incidents;
    /** Brings the restored incident's network analysis up to date (its recording, timeline entry and live event). */
    private final LongConsumer analysisCatchUp;
    private final SnapshotSettings limits;

    RestoreService(Transactions tx, RestoreStore store, ChangeLog log, IncidentService incidents, LongConsumer analysisCatchUp,
                   SnapshotSettings limits) {
        this.tx = tx;
        this.store = store;
        this.log = log;
        this.incidents = incidents;
        this.analysisCatchUp = analysisCatchUp;
        this.limits = limits;
    }

    /** "archive" or "handover"; anything else is refused naming {@code where}. */
    public static String mode(String value, String where) {
        if (value == null || value.isBlank()) return IncidentOrigin.ARCHIVE;
        if (value.equals(IncidentOrigin.ARCHIVE) || value.equals(IncidentOrigin.HANDOVER)) return value;
        throw ApiException.badParameter(where, where + " must be archive (a read-only copy) or handover (a new incident that carries on),"
                + " not '" + value + "'");
    }

    /** A safety-region code such as VR09 (upper case), null when none is given; anything else is refused naming {@code where}. */
    public static String region(String value, String where) {
        if (value == null || value.isBlank()) return null;
        String code = value.trim();
        if (!code.matches(REGION) || code.length() > 32) {
            throw ApiException.badParameter(where, where + " must be a safety-region code such as VR09, not '" + value + "'");
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /**
     * Restores the snapshot ZIP at {@code zip} into safety region {@code region} (null: the one the snapshot names); returns
     * the new incident. The region decides who sees it, so a snapshot that names none needs one given.
     */
    public Incident restore(Path zip, String mode, String region, Actor actor) {
        return restore(SnapshotArchive.pictureJson(zip, limits), mode, region, actor);
    }

    Incident restore(JsonNode doc, String mode, String region, Actor actor) {
        Field root = Field.root(doc);
        Field view = root.get("picture").object();
        long id;
        try {
            id = tx.run(c -> load(c, root, view, mode, region, actor));
        } catch (IllegalStateException e) {
            // A value the checks here let through but the database refuses: still the snapshot's fault, and still nothing stored.
            if (e.getCause() instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22") || s.getSQLState().startsWith("23"))) {
                throw ApiException.badBody(SnapshotArchive.PICTURE, SnapshotArchive.PICTURE + " holds a value the database refuses: "
                        + s.getMessage().lines().findFirst().orElse(""));
            }
            throw e;
        }
        analysisCatchUp.accept(id);
        return incidents.get(id).incident();
    }

    private long load(Connection c, Field root, Field view, String mode, String region, Actor actor) throws SQLException {
        Field inc = view.get("incident").object();
        IncidentState original = state(inc);
        if (region == null && original.regionCode() == null) {
            throw ApiException.badParameter("region", "the snapshot names no safety region: give the region the restored incident"
                    + " belongs to (it decides who sees it), e.g. region=VR09");
        }
        IncidentState state = region == null ? original : new IncidentState(original.title(), original.type(), original.startedAt(),
                original.scaledUpAt(), original.locationText(), region, original.grip(), original.carePhase(), original.status(),
                original.exercise(), original.regie());
        int version = inc.get("version").version();
        long id = store.incident(c, version, inc.get("createdAt").time(), actor(inc.get("createdBy").object()));
        store.incidentVersion(c, id, version, state, inc.get("updatedAt").time(), actor(inc.get("updatedBy").object()));
        long sourceId = inc.get("id").number();
        store.origin(c, id, mode, sourceId, state.title(), root.get("shows").time(), root.get("exportedAt").time(), actor);
        pictures(c, id, view.get("pictures"), actor);
        for (int i = 0; i < view.get("questions").size(); i++) question(c, id, view.get("questions").at(i));
        for (int i = 0; i < view.get("decisions").size(); i++) decision(c, id, view.get("decisions").at(i));
        elements(c, id, root.get("elements").object());
        for (int i = 0; i < root.get("stakeholders").size(); i++) stakeholder(c, id, root.get("stakeholders").at(i));
        String how = mode.equals(IncidentOrigin.ARCHIVE) ? "als archief (alleen lezen)" : "als overdracht";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", mode);
        details.put("sourceIncidentId", sourceId);
        details.put("snapshotShows", root.get("shows").time().toString());
        details.put("regionCode", state.regionCode());
        details.put("sourceRegionCode", original.regionCode());
        log.record(c, NewChangeEvent.of(id, "incident.restored", IncidentService.path(id), version, NewChangeEvent.excerpt(
                "Overgenomen " + how + " uit momentopname van incident " + sourceId + ": " + state.title()), details, actor));
        return id;
    }

    private static IncidentState state(Field inc) {
        String region = inc.get("regionCode").optionalText(32);
        if (region != null && !region.matches(REGION)) throw inc.get("regionCode").bad("must be a safety-region code such as VR13");
        OffsetDateTime started = inc.get("startedAt").time();
        OffsetDateTime scaledUp = inc.get("scaledUpAt").time();
        if (scaledUp.isBefore(started)) throw inc.get("scaledUpAt").bad("is before startedAt");
        Field regie = inc.get("regie").object();
        return new IncidentState(inc.get("title").text(200), inc.get("type").code(IncidentType.class), started, scaledUp,
                inc.get("locationText").optionalText(300), region, inc.get("grip").code(GripLevel.class),
                inc.get("carePhase").code(CarePhase.class), inc.get("status").code(IncidentStatus.class), inc.get("exercise").bool(),
                new Regie(regie.get("person").text(NAME), regie.get("organisation").text(NAME)));
    }

    /** Who wrote something: {@code author} and {@code organisation} of the object. */
    private static Actor actor(Field f) {
        return new Actor(f.get("author").text(NAME), f.get("organisation").text(NAME));
    }

    private void pictures(Connection c, long incident, Field pictures, Actor actor) throws SQLException {
        Set<PictureKind> shared = new HashSet<>();
        for (int i = 0; i < pictures.size(); i++) {
            Field p = pictures.at(i).object();
            PictureKind kind = p.get("kind").code(PictureKind.class);
            if (kind != PictureKind.EIGEN && !shared.add(kind)) throw p.get("kind").bad("appears twice: an incident has one " + kind.label());
            String institutionId = p.get("institutionId").optionalText(NAME);
            if (kind != PictureKind.EIGEN && institutionId != null) throw p.get("institutionId").bad("is only for an own picture");
            Field themes = p.get("themes");
            Map<String, Long> themeIds = templateFor(c, p.get("templateName").text(100), themes, actor);
            long picture = store.picture(c, incident, kind.code(), themeIds.get(null), p.get("organisation").text(NAME), institutionId,
                    p.get("createdAt").time(), actor(p.get("createdBy").object()));
            Field summary = p.get("summary");
            // Version 0 (no text) is "none written yet": nothing to restore.
            if (summary.present() && summary.object().get("text").present()) {
                Field written = summary.object();
                store.summary(c, incident, picture, written.get("version").version(), written.get("text").text(2000),
                        written.get("updatedAt").time(), actor(written));
            }
            for (int t = 0; t < themes.size(); t++) {
                Field theme = themes.at(t).object();
                long themeId = themeIds.get(theme.get("name").text(100));
                Field bullets = theme.get("bullets");
                for (int b = 0; b < bullets.size(); b++) {
                    Field bullet = bullets.at(b).object();
                    store.bullet(c, incident, picture, themeId, bullet.get("version").version(), bullet.get("createdAt").time(),
                            bullet.get("updatedAt").time(), bullet.get("text").text(1000), bullet.get("source").text(NAME),
                            bullet.get("certainty").code(Certainty.class).code(), actor(bullet));
                }
            }
            Field course = p.get("casualties").get("course");
            for (int k = 0; k < course.size(); k++) {
                Field count = course.at(k).object();
                int[] counts = {count.get("t1").count(), count.get("t2").count(), count.get("t3").count(), count.get("dead").count(),
                    count.get("unknown").count()};
                store.casualties(c, incident, picture, count.get("countedAt").time(), counts, count.get("source").text(NAME),
                        count.get("certainty").code(Certainty.class).code(), count.get("recordedAt").time(), actor(count));
            }
        }
    }

    /**
     * The theme ids by name for a picture (the template's id under the key null): the template of the
     * same name when it has every theme, else a new template with the snapshot's themes.
     */
    private Map<String, Long> templateFor(Connection c, String name, Field themes, Actor actor) throws SQLException {
        Set<String> names = new HashSet<>();
        for (int t = 0; t < themes.size(); t++) {
            String theme = themes.at(t).object().get("name").text(100);
            if (!names.add(theme)) throw themes.at(t).get("name").bad("'" + theme + "' appears twice in one picture");
        }
        var existing = store.templateThemes(c, name);
        Map<String, Long> ids = new HashMap<>();
        if (existing.isPresent() && existing.get().themes().keySet().containsAll(names)) {
            ids.putAll(existing.get().themes());
            ids.put(null, existing.get().id());
            return ids;
        }
        String base = name.length() > 80 ? name.substring(0, 80) : name;
        String fresh = base + " (uit momentopname)";
        for (int n = 2; store.templateNameTaken(c, fresh); n++) fresh = base + " (uit momentopname " + n + ")";
        long template = store.template(c, fresh);
        ids.put(null, template);
        for (int t = 0; t < themes.size(); t++) {
            Field theme = themes.at(t);
            String themeName = theme.get("name").text(100);
            ids.put(themeName, store.theme(c, template, themeName, (int) theme.get("position").number(), theme.get("required").bool(), actor));
        }
        log.record(c, new NewChangeEvent(null, template, "template.created", "/api/templates/" + template, 1,
                NewChangeEvent.excerpt("Sjabloon " + fresh + " overgenomen uit een momentopname"), null, actor));
        return ids;
    }

    private void question(Connection c, long incident, Field f) throws SQLException {
        f.object();
        store.question(c, incident, f.get("version").version(), f.get("createdAt").time(), f.get("updatedAt").time(),
                f.get("question").text(1000), f.get("addressee").text(NAME), f.get("status").code(QuestionStatus.class).code(),
                f.get("answer").optionalText(1000), actor(f));
    }

    private void decision(Connection c, long incident, Field f) throws SQLException {
        f.object();
        store.decision(c, incident, f.get("version").version(), f.get("createdAt").time(), f.get("updatedAt").time(),
                f.get("kind").code(DecisionKind.class).code(), f.get("description").text(1000), f.get("owner").text(NAME),
                f.get("deadline").optionalTime(), f.get("status").code(DecisionStatus.class).code(), actor(f));
    }

    private void elements(Connection c, long incident, Field collection) throws SQLException {
        Field features = collection.get("features");
        WKBWriter wkb = new WKBWriter();
        for (int i = 0; i < features.size(); i++) {
            Field feature = features.at(i).object();
            ElementInput input;
            try {
                input = ElementParser.parse(feature.node(), Crs.RD_NEW, false);
            } catch (ApiException e) {
                throw ApiException.badBody(SnapshotArchive.PICTURE + ":" + feature.path() + "." + e.where(),
                        SnapshotArchive.PICTURE + ": " + feature.path() + ": " + e.detail());
            }
            Field p = feature.get("properties");
            store.element(c, incident, p.get("version").version(), input.kind().code(), input.label(), input.description(), input.source(),
                    input.certainty(), Json.MAPPER.valueToTree(input.attributes()).toString(), actor(p), p.get("validFrom").time(),
                    wkb.write(input.geometry()));
        }
    }

    private void stakeholder(Connection c, long incident, Field f) throws SQLException {
        f.object();
        store.stakeholder(c, incident, f.get("institutionId").text(NAME), f.get("institutionName").text(NAME), f.get("version").version(),
                f.get("status").code(StakeholderStatus.class).code(), f.get("note").optionalText(1000), f.get("recordedAt").time(), actor(f));
    }
}
