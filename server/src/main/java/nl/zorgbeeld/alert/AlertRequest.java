package nl.zorgbeeld.alert;

import java.time.OffsetDateTime;
import nl.zorgbeeld.alert.CapCodes.Category;
import nl.zorgbeeld.alert.CapCodes.Certainty;
import nl.zorgbeeld.alert.CapCodes.MsgType;
import nl.zorgbeeld.alert.CapCodes.ResponseType;
import nl.zorgbeeld.alert.CapCodes.Severity;
import nl.zorgbeeld.alert.CapCodes.Urgency;

/**
 * An alert as the sender asks it, checked field by field: the audience (null: the recipients of the
 * referenced alert, for an Update or Cancel), and any part of the message the sender wrote (null: the
 * proposal drawn from the picture).
 */
public record AlertRequest(MsgType msgType, Long references, Audience audience, String headline, String description,
                           String instruction, String event, Category category, ResponseType responseType, Urgency urgency,
                           Severity severity, Certainty certainty, OffsetDateTime expires, String areaDesc, String substance,
                           String threshold, String wind) {}
