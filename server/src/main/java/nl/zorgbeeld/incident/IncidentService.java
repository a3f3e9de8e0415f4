package nl.zorgbeeld.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Changes;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags.IfMatch;

/**
 * Incidents: creating, listing, changing (with a lost-update check and a new version each time),
 * and the guard other capabilities use before they write into an incident.
 */
public final class IncidentService {
    private final Transactions tx;
    private final IncidentStore store;
    private final ChangeLog log;
    private final IncidentCreatedHook onCreated;

    public IncidentService(Transactions tx, IncidentStore store, ChangeLog log, IncidentCreatedHook onCreated) {
        this.tx = tx;
        this.store = store;
        this.log = log;
        this.onCreated = onCreated;
    }

    public Incident create(IncidentState state, Actor actor) {
        checkTimes(state);
        return tx.run(c -> {
            long id = store.insert(c, actor);
            store.insertVersion(c, id, 1, state, actor);
            Incident incident = store.find(c, id, null).orElseThrow();
            log.record(c, NewChangeEvent.of(id, "incident.created", path(id), 1, NewChangeEvent.excerpt(state.title()), null, actor)
                    .withData(incident));
            onCreated.created(c, incident, actor);
            return incident;
        });
    }

    public List<Incident> list(IncidentFilter filter) {
        return tx.run(c -> store.list(c, filter));
    }

    public IncidentDetail get(long id) {
        return tx.run(c -> new IncidentDetail(require(store.find(c, id, null), id), store.regieHistory(c, id)));
    }

    /**
     * Applies a patch to the current version. A closed incident only accepts a patch that reopens it.
     * A patch that changes nothing makes no new version.
     */
    public Incident update(long id, IfMatch ifMatch, IncidentPatch patch, Actor actor) {
        return tx.run(c -> {
            Incident current = require(store.lock(c, id, true), id);
            if (current.readOnly()) throw archived(id);
            if (!ifMatch.matches(current.version())) {
                throw ApiException.preconditionFailed("Incident " + id + " was changed by someone else: it is at version "
                        + current.version() + ". Apply your change to the current version (in 'current') and send it again.",
                        current);
            }
            IncidentState next = patch.applyTo(current.state());
            if (current.state().closed() && next.closed()) {
                throw closed(id);
            }
            checkTimes(next);
            Changes changes = IncidentPatch.differences(current.state(), next);
            if (changes.isEmpty()) return current;
            int version = current.version() + 1;
            store.insertVersion(c, id, version, next, actor);
            Incident updated = store.find(c, id, null).orElseThrow();
            log.record(c, NewChangeEvent.of(id, "incident.updated", path(id), version, changes.summary(), changes.fields(), actor)
                    .withData(updated));
            return updated;
        });
    }

    public List<ChangeEvent> timeline(long id, OffsetDateTime from, OffsetDateTime to, int limit) {
        return tx.run(c -> {
            require(store.find(c, id, null), id);
            return log.timeline(c, id, from, to, limit);
        });
    }

    /** The incident as it was at {@code at} (now when null): 404 when it does not exist or did not yet. */
    public Incident asOf(Connection c, long id, OffsetDateTime at) throws SQLException {
        Incident now = require(store.find(c, id, null), id);
        if (at == null) return now;
        return store.find(c, id, at).orElseThrow(() -> ApiException.notFound("Incident " + id + " did not exist yet at " + at
                + "; it was created at " + now.createdAt()));
    }

    /**
     * Guards a write into an incident: 404 when unknown, 409 when closed or a read-only archive. The incident stays locked
     * (shared) until the transaction ends, so it cannot be closed while the write is under way.
     */
    public Incident requireWritable(Connection c, long id) throws SQLException {
        Incident incident = require(store.lock(c, id, false), id);
        if (incident.readOnly()) throw archived(id);
        if (incident.state().closed()) throw closed(id);
        return incident;
    }

    public ChangeLog changeLog() {
        return log;
    }

    public static String path(long id) {
        return "/api/incidents/" + id;
    }

    private static void checkTimes(IncidentState state) {
        if (state.scaledUpAt().isBefore(state.startedAt())) {
            throw ApiException.badBody("scaledUpAt", "scaledUpAt (" + state.scaledUpAt() + ") is before startedAt ("
                    + state.startedAt() + "); the decision to scale up cannot precede the incident");
        }
    }

    private static Incident require(Optional<Incident> incident, long id) {
        return incident.orElseThrow(() -> unknown(id));
    }

    private static ApiException unknown(long id) {
        return ApiException.notFound("There is no incident " + id);
    }

    /** The one refusal of a write into a read-only archive, here and in the element and stakeholder checks. */
    public static ApiException archived(long id) {
        return ApiException.conflict("incident", "Incident " + id + " is a read-only archive restored from a snapshot: it can be"
                + " read but never changed. Restore the snapshot as a hand-over to carry on with it.");
    }

    private static ApiException closed(long id) {
        return ApiException.conflict("incident", "Incident " + id + " is closed (status gesloten): it can be read but not"
                + " changed. Reopen it first by changing its status.");
    }
}
