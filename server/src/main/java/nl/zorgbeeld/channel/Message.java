package nl.zorgbeeld.channel;

/**
 * What goes out through an organisation's channels: for e-mail a subject, a plain text and an
 * optional attachment (the CAP document), for a webhook the JSON body; {@code event} names it in both
 * (alert.sent, warning.issued, ...).
 */
public record Message(String event, long incidentId, String subject, String text, String json, String attachmentName,
                      String attachmentType, byte[] attachment) {}
