package nl.zorgbeeld.risk;

import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/** One assessment of a theme's threat in a region, valid from {@code validFrom} until {@code validUntil}. */
public record RiskAssessment(long id, String regionCode, String theme, ThreatLevel level, String explanation, String source,
                             OffsetDateTime validFrom, OffsetDateTime validUntil, OffsetDateTime recordedAt, Actor recordedBy) {}
