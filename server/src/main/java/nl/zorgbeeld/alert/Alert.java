package nl.zorgbeeld.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import nl.zorgbeeld.alert.CapCodes.Category;
import nl.zorgbeeld.alert.CapCodes.Certainty;
import nl.zorgbeeld.alert.CapCodes.MsgType;
import nl.zorgbeeld.alert.CapCodes.ResponseType;
import nl.zorgbeeld.alert.CapCodes.Severity;
import nl.zorgbeeld.alert.CapCodes.Urgency;
import nl.zorgbeeld.common.Actor;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A stored alert: the CAP message (status Actual or Exercise, msgType, what it references), its area
 * in WGS84 (the zone's polygons, or a circle around the incident location when there is none, or
 * neither), the parameters it names, who sent it when, the acknowledgement deadline, and the later
 * alert that updated or cancelled it.
 */
public record Alert(long id, long incidentId, MsgType msgType, Long references, String status, Category category, String event,
                    ResponseType responseType, Urgency urgency, Severity severity, Certainty certainty, String headline,
                    String description, String instruction, OffsetDateTime expires, JsonNode audience, String areaDesc,
                    Geometry area, Point circleCentre, Double circleRadius, String substance, String threshold, String wind,
                    OffsetDateTime sentAt, OffsetDateTime ackDeadline, Actor sentBy, Long supersededBy, Long cancelledBy) {

    /** Still asks its recipients to acknowledge: not a cancellation, not cancelled and not replaced by an update. */
    public boolean awaitsAcknowledgement() {
        return msgType != MsgType.CANCEL && cancelledBy == null && supersededBy == null;
    }

    /** The CAP identifier: unique per installation, and free of the characters CAP forbids in it (space, comma, &lt;, &amp;). */
    public String identifier() {
        return "zorgbeeld-alert-" + id;
    }

    public boolean exercise() {
        return "Exercise".equals(status);
    }
}
