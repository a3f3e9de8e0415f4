package nl.zorgbeeld.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open streams of this instance, by what they follow, and handing each committed change to the
 * streams that want it. Only the change listener publishes, one event at a time in position order.
 */
final class LiveHub {
    private final Map<Long, Set<SseStream>> byIncident = new ConcurrentHashMap<>();
    private final Set<SseStream> incidentList = ConcurrentHashMap.newKeySet();
    private final Set<SseStream> institutionStatus = ConcurrentHashMap.newKeySet();
    private final Set<SseStream> all = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final IncidentVisibility visibility;

    LiveHub(IncidentVisibility visibility) {
        this.visibility = visibility;
    }

    void join(SseStream stream) {
        all.add(stream);
        if (stream.topic.institutionStatus()) {
            institutionStatus.add(stream);
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
    }

    void heartbeat(long idleNanos) {
        all.forEach(stream -> stream.heartbeat(idleNanos));
    }

    /** Ends every stream, so that a graceful shutdown need not wait for screens that never hang up. */
    void closeAll() {
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
