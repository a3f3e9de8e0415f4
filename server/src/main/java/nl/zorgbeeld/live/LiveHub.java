package nl.zorgbeeld.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.zorgbeeld.common.ApiException;

/**
 * The open streams of this instance, by what they follow, and handing each committed change to the
 * streams that want it. Only the change listener publishes, one event at a time in position order.
 */
final class LiveHub {
    private final Map<Long, Set<SseStream>> byIncident = new ConcurrentHashMap<>();
    private final Set<SseStream> incidentList = ConcurrentHashMap.newKeySet();
    private final Set<SseStream> institutionStatus = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<SseStream>> byInstitution = new ConcurrentHashMap<>();
    private final Set<SseStream> all = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final IncidentVisibility visibility;
    private volatile boolean closing;

    LiveHub(IncidentVisibility visibility) {
        this.visibility = visibility;
    }

    /**
     * Adds the stream, or refuses it once {@link #closeAll()} has begun: a screen that reconnects while
     * the server stops would otherwise hold a stream nobody ends and make the graceful stop time out.
     */
    void join(SseStream stream) {
        all.add(stream);
        // Read after the add, while closeAll sets the flag before it looks: one of the two sees the other.
        if (closing) {
            all.remove(stream);
            throw new ApiException(503, "ServiceUnavailable", "Server stopping",
                    "This server is stopping; the stream can be opened again in a moment", null);
        }
        if (stream.topic.institutionStatus()) {
            institutionStatus.add(stream);
        } else if (stream.topic.institutionId() != null) {
            byInstitution.computeIfAbsent(stream.topic.institutionId(), id -> ConcurrentHashMap.newKeySet()).add(stream);
        } else if (stream.topic.incidentList()) {
            incidentList.add(stream);
        } else {
            byIncident.computeIfAbsent(stream.topic.incidentId(), id -> ConcurrentHashMap.newKeySet()).add(stream);
        }
    }

    void leave(SseStream stream, boolean wasDropped) {
        if (!all.remove(stream)) return;
        if (wasDropped) dropped.incrementAndGet();
        if (stream.topic.institutionStatus()) {
            institutionStatus.remove(stream);
        } else if (stream.topic.institutionId() != null) {
            byInstitution.computeIfPresent(stream.topic.institutionId(), (id, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            });
        } else if (stream.topic.incidentList()) {
            incidentList.remove(stream);
        } else {
            byIncident.computeIfPresent(stream.topic.incidentId(), (id, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            });
        }
    }

    void publish(LiveEvent event) {
        if (event.changesInstitutionStatus()) {
            for (SseStream stream : institutionStatus) {
                if (stream.wants(event)) stream.offer(event);
            }
            return;
        }
        if (event.incidentId() == null) return;
        visibility.changed(event.incidentId(), event.action());
        for (SseStream stream : byIncident.getOrDefault(event.incidentId(), Set.of())) {
            if (stream.wants(event)) stream.offer(event);
        }
        if (event.changesIncidentList()) {
            for (SseStream stream : incidentList) {
                if (stream.wants(event)) stream.offer(event);
            }
        }
        if (event.audience() != null) {
            for (String institution : event.audience()) {
                for (SseStream stream : byInstitution.getOrDefault(institution, Set.of())) {
                    if (stream.wants(event)) stream.offer(event);
                }
            }
        }
    }

    void heartbeat(long idleNanos) {
        all.forEach(stream -> stream.heartbeat(idleNanos));
    }

    /** Ends every stream, so that a graceful shutdown need not wait for screens that never hang up. */
    void closeAll() {
        closing = true;
        all.forEach(SseStream::close);
    }

    int streams() {
        return all.size();
    }

    int watching(long incidentId) {
        return byIncident.getOrDefault(incidentId, Set.of()).size();
    }

    long dropped() {
        return dropped.get();
    }
}
