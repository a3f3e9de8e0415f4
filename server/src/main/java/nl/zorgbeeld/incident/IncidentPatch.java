package nl.zorgbeeld.incident;

import java.time.OffsetDateTime;
import java.util.Optional;
import nl.zorgbeeld.common.Changes;

/**
 * The fields a PATCH names; null means "leave as it is". The two optional texts can also be cleared:
 * an empty Optional clears them.
 */
public record IncidentPatch(String title, IncidentType type, OffsetDateTime startedAt, OffsetDateTime scaledUpAt,
                            Optional<String> locationText, Optional<String> regionCode, GripLevel grip, CarePhase carePhase,
                            IncidentStatus status, Boolean exercise, Regie regie) {

    public IncidentState applyTo(IncidentState s) {
        return new IncidentState(
                title != null ? title : s.title(),
                type != null ? type : s.type(),
                startedAt != null ? startedAt : s.startedAt(),
                scaledUpAt != null ? scaledUpAt : s.scaledUpAt(),
                locationText != null ? locationText.orElse(null) : s.locationText(),
                regionCode != null ? regionCode.orElse(null) : s.regionCode(),
                grip != null ? grip : s.grip(),
                carePhase != null ? carePhase : s.carePhase(),
                status != null ? status : s.status(),
                exercise != null ? exercise : s.exercise(),
                regie != null ? regie : s.regie());
    }

    /** What differs between two states, for the timeline. */
    public static Changes differences(IncidentState before, IncidentState after) {
        return new Changes()
                .compare("title", before.title(), after.title())
                .compare("type", before.type(), after.type())
                .compare("startedAt", before.startedAt(), after.startedAt())
                .compare("scaledUpAt", before.scaledUpAt(), after.scaledUpAt())
                .compare("locationText", before.locationText(), after.locationText())
                .compare("regionCode", before.regionCode(), after.regionCode())
                .compare("grip", before.grip(), after.grip())
                .compare("carePhase", before.carePhase(), after.carePhase())
                .compare("status", before.status(), after.status())
                .compare("exercise", before.exercise(), after.exercise())
                .compare("regie", before.regie(), after.regie());
    }
}
