package nl.zorgbeeld.picture;

import java.time.OffsetDateTime;
import nl.zorgbeeld.common.Actor;

/**
 * One picture of an incident: whose it is ({@code organisation}, and for an institution's own picture
 * its reference-layer id when known) and the template that gives its themes.
 */
public record Picture(long id, long incidentId, PictureKind kind, long templateId, String organisation, String institutionId,
                      OffsetDateTime createdAt, Actor createdBy) {}
