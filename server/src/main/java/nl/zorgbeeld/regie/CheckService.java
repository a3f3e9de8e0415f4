package nl.zorgbeeld.regie;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * Regie checks: the regie holder marks an item of the picture, its author resolves the mark. Who may
 * do either is the routes' access rule; here the marked item (and the one it contradicts) must exist
 * in the incident, and a check is resolved once. Both are changes in the timeline and the live
 * stream ({@code check.added}, {@code check.resolved}), whose data is the check with the item's
 * author, so the author's screen shows the mark at once.
 */
public final class CheckService {
    private final Transactions tx;
    private final IncidentService incidents;
    private final CheckStore store;

    public CheckService(Transactions tx, IncidentService incidents, CheckStore store) {
        this.tx = tx;
        this.incidents = incidents;
        this.store = store;
    }

    /** The checks with the checklist of open marks per theme (and per other kind of item). */
    public record Checks(List<RegieCheck> checks, List<ChecklistRow> checklist, int open) {}

    /** Open marks of one theme of a picture ({@code themeId} set), or of entries or elements ({@code themeId} null). */
    public record ChecklistRow(TargetType type, Long pictureId, Long themeId, String name, int open) {}

    public RegieCheck add(long incidentId, Target target, CheckKind kind, String note, Target conflictsWith, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            CheckStore.Found item = require(c, incidentId, target, "target.id");
            if (conflictsWith != null) {
                require(c, incidentId, conflictsWith, "conflictsWith.id");
                if (conflictsWith.equals(target)) {
                    throw ApiException.badBody("conflictsWith", "An item cannot contradict itself: name the other item in conflictsWith");
                }
            }
            long id = store.insert(c, incidentId, target, item.author(), kind, note, conflictsWith, actor);
            RegieCheck added = store.find(c, incidentId, id).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, "check.added", path(incidentId, id), 1,
                    kind.label() + ": " + NewChangeEvent.excerpt(note), null, actor).withData(added));
            return added;
        });
    }

    public RegieCheck get(long incidentId, long checkId) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, null);
            return store.find(c, incidentId, checkId).orElseThrow(() -> unknown(incidentId, checkId));
        });
    }

    public Checks list(long incidentId, OffsetDateTime at, boolean openOnly) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, at);
            List<RegieCheck> checks = store.forIncident(c, incidentId, at, openOnly);
            return new Checks(checks, checklist(checks), (int) checks.stream().filter(RegieCheck::open).count());
        });
    }

    public RegieCheck resolve(long incidentId, long checkId, IfMatch ifMatch, Resolution resolution, String note, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            RegieCheck current = store.lock(c, incidentId, checkId).orElseThrow(() -> unknown(incidentId, checkId));
            if (!current.open()) {
                throw ApiException.conflict("check", "Check " + checkId + " was already resolved (" + current.resolution().resolution().code()
                        + ") by " + current.resolution().resolvedBy().author() + " at " + current.resolution().resolvedAt());
            }
            if (!ifMatch.matches(current.version())) {
                throw ApiException.preconditionFailed("Check " + checkId + " is at version " + current.version(), current);
            }
            store.resolve(c, checkId, resolution, note, actor);
            RegieCheck resolved = store.find(c, incidentId, checkId).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, "check.resolved", path(incidentId, checkId), 2,
                    resolution.label() + (note == null ? "" : ": " + NewChangeEvent.excerpt(note)), null, actor).withData(resolved));
            return resolved;
        });
    }

    /** Open marks per theme of a bullet's current theme, then those on entries and on map elements. */
    static List<ChecklistRow> checklist(List<RegieCheck> checks) {
        Map<String, ChecklistRow> rows = new LinkedHashMap<>();
        for (RegieCheck check : checks) {
            if (!check.open()) continue;
            TargetType type = check.target().type();
            String key = type == TargetType.BULLET ? check.pictureId() + "/" + check.themeId() : type.code();
            ChecklistRow row = rows.get(key);
            rows.put(key, row == null
                    ? new ChecklistRow(type, check.pictureId(), check.themeId(), type == TargetType.BULLET ? check.themeName() : type.label(), 1)
                    : new ChecklistRow(type, row.pictureId(), row.themeId(), row.name(), row.open() + 1));
        }
        return new ArrayList<>(rows.values());
    }

    /** The item in the incident, in its current version; a bad or unknown id is refused naming {@code field}. */
    private CheckStore.Found require(Connection c, long incidentId, Target target, String field) throws SQLException {
        if (!wellFormed(target)) {
            throw ApiException.badBody(field, switch (target.type()) {
                case BULLET -> field + " of a bullet is its number";
                case ELEMENT -> field + " of an element is its uuid";
                case ENTRY -> field + " of an entry is questions/N, decisions/N or casualties/N";
            } + "; got '" + target.id() + "'");
        }
        return store.find(c, incidentId, target).orElseThrow(() -> ApiException.badBody(field, "Incident " + incidentId + " has no "
                + target.type().code() + " " + target.id() + (target.type() == TargetType.BULLET ? " in its current picture" : "")));
    }

    private static boolean wellFormed(Target target) {
        return switch (target.type()) {
            case BULLET -> target.id().matches("[1-9][0-9]{0,17}");
            case ENTRY -> target.id().matches("(questions|decisions|casualties)/[1-9][0-9]{0,17}");
            case ELEMENT -> {
                try {
                    UUID.fromString(target.id());
                    yield target.id().length() == 36;
                } catch (IllegalArgumentException e) {
                    yield false;
                }
            }
        };
    }

    private static ApiException unknown(long incidentId, long checkId) {
        return ApiException.notFound("Incident " + incidentId + " has no regie check " + checkId);
    }

    static String path(long incidentId, long checkId) {
        return IncidentService.path(incidentId) + "/checks/" + checkId;
    }
}
