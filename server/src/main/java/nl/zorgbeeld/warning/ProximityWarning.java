package nl.zorgbeeld.warning;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A warning given because a hazard of a visible incident came within an institution's warning
 * distance: which hazard (element and version), how far (metres, 0 inside) and in which direction the
 * institution lies from it, in one Dutch sentence.
 */
public record ProximityWarning(long id, long incidentId, String incidentTitle, String institutionId, String institutionName,
                               UUID elementId, int elementVersion, String hazardKind, String hazardZone, String hazardLabel,
                               double distance, double settingDistance, Double bearing, String direction, String description,
                               OffsetDateTime warnedAt) {}
