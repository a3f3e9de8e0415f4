package nl.zorgbeeld.element;

import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.FeatureCollectionWriter;
import nl.zorgbeeld.http.Etags.IfMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picture elements: incident checks, versioned writes with optimistic locking, reads at any moment. */
public final class ElementService {
    private static final Logger LOG = LoggerFactory.getLogger(ElementService.class);
    private final ElementStore store;
    private final ElementListener listener;

    public ElementService(ElementStore store) {
        this(store, ElementListener.NONE);
    }

    /** @param listener told after each committed change (the network analysis subscribes here) */
    public ElementService(ElementStore store, ElementListener listener) {
        this.store = store;
        this.listener = listener;
    }

    /** 404 when the incident does not exist. */
    public void requireIncident(long incidentId) {
        store.incidentStatus(incidentId).orElseThrow(() -> ApiException.notFound("No incident " + incidentId));
    }

    /** 404 when the incident does not exist; 409 when it is closed (closed incidents stay readable only). */
    private void requireWritable(long incidentId) {
        String status = store.incidentStatus(incidentId).orElseThrow(() -> ApiException.notFound("No incident " + incidentId));
        if ("gesloten".equals(status)) {
            throw ApiException.conflict("incident", "Incident " + incidentId + " is closed (gesloten): its picture can be read, not changed");
        }
    }

    /** Callers check the incident first ({@link #requireIncident}): once a stream has started, a 404 cannot be sent. */
    public nl.zorgbeeld.geo.StreamedPage stream(ElementQuery query, FeatureCollectionWriter writer) {
        return store.stream(query, writer);
    }

    public long count(ElementQuery query) {
        return store.count(query);
    }

    public StoredElement get(long incidentId, UUID id, Crs crs) {
        requireIncident(incidentId);
        return store.current(incidentId, id, crs).orElseThrow(() -> notFound(incidentId, id));
    }

    /** Callers check the incident first, as for {@link #stream}. */
    public int history(long incidentId, UUID id, Crs crs, FeatureCollectionWriter writer) {
        return store.history(incidentId, id, crs, writer);
    }

    public StoredElement create(long incidentId, ElementInput input, Actor actor, Crs crs) {
        requireWritable(incidentId);
        StoredElement element = store.create(incidentId, input, actor, crs);
        committed(new ElementChange(incidentId, element.id(), element.version(), "create", actor));
        return element;
    }

    /** Replaces the version If-Match names; 412 with the current element when someone was first. */
    public StoredElement replace(long incidentId, UUID id, IfMatch ifMatch, ElementInput input, Actor actor, Crs crs) {
        requireWritable(incidentId);
        ElementStore.WriteResult result = store.replace(incidentId, id, ifMatch, input, actor, crs)
                .orElseThrow(() -> notFound(incidentId, id));
        StoredElement element = written(result);
        committed(new ElementChange(incidentId, id, element.version(), "update", actor));
        return element;
    }

    public StoredElement end(long incidentId, UUID id, IfMatch ifMatch, Actor actor, Crs crs) {
        requireWritable(incidentId);
        StoredElement element = written(store.end(incidentId, id, ifMatch, actor, crs).orElseThrow(() -> notFound(incidentId, id)));
        committed(new ElementChange(incidentId, id, element.version(), "delete", actor));
        return element;
    }

    /** The change is committed: a failing listener must not turn it into an error for the writer. */
    private void committed(ElementChange change) {
        try {
            listener.committed(change);
        } catch (RuntimeException e) {
            LOG.error("a listener to element changes failed for incident {}", change.incidentId(), e);
        }
    }

    private static StoredElement written(ElementStore.WriteResult result) {
        if (!result.written()) {
            throw ApiException.preconditionFailed("element " + result.element().id() + " was changed in the meantime; version "
                    + result.element().version() + " is current", Json.tree(result.element().feature()));
        }
        return result.element();
    }

    private static ApiException notFound(long incidentId, UUID id) {
        return ApiException.notFound("No current element " + id + " in incident " + incidentId);
    }
}
