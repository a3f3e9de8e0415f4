package nl.zorgbeeld.incident;

import java.time.OffsetDateTime;

/** Everything about an incident that can change; each change is stored as a new version of this. */
public record IncidentState(String title, IncidentType type, OffsetDateTime startedAt, OffsetDateTime scaledUpAt,
                            String locationText, String regionCode, GripLevel grip, CarePhase carePhase,
                            IncidentStatus status, boolean exercise, Regie regie) {

    public boolean closed() {
        return status == IncidentStatus.GESLOTEN;
    }
}
