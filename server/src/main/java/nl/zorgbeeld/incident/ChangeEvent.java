package nl.zorgbeeld.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/**
 * One entry of the timeline: what happened ({@code action}, such as {@code bullet.edited}), to what
 * ({@code subject}, the API path), which version that made it, a short summary, and for updates the
 * changed fields as {@code {"field": {"from": ..., "to": ...}}}.
 */
public record ChangeEvent(long id, Long incidentId, Long templateId, OffsetDateTime occurredAt, String action, String subject,
                          Integer subjectVersion, String summary, JsonNode details, Actor actor) {}
