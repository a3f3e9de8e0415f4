package nl.zorgbeeld.analysis;

import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/**
 * The status of an institution in an incident at one version. Version 0 is the implicit start
 * (te beoordelen, nobody recorded anything yet): it has no author, time or ETag.
 */
public record Stakeholder(String institutionId, String institutionName, StakeholderStatus status, String note, int version,
                          OffsetDateTime recordedAt, Actor recordedBy) {

    public static Stakeholder initial(String institutionId, String institutionName) {
        return new Stakeholder(institutionId, institutionName, StakeholderStatus.TE_BEOORDELEN, null, 0, null, null);
    }
}
