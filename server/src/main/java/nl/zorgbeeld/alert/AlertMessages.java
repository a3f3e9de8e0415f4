package nl.zorgbeeld.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgbeeld.channel.Message;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.warning.ProximityWarning;

/** Alerts and warnings as the outbound channels send them: e-mail text with the CAP document, webhook JSON. */
final class AlertMessages {
    private final CapWriter cap;
    private final URI publicUrl;

    /** @param publicUrl where users reach the app (null: e-mails carry no link) */
    AlertMessages(CapWriter cap, URI publicUrl) {
        this.cap = cap;
        this.publicUrl = publicUrl;
    }

    Message alert(AlertService.CapSource source, AlertViews.AlertView view) {
        Alert a = source.alert();
        String kind = switch (a.msgType()) {
            case ALERT -> "ALARM";
            case UPDATE -> "BIJWERKING ALARM";
            case CANCEL -> "INGETROKKEN";
        };
        String subject = (a.exercise() ? "[OEFENING] " : "") + "[" + kind + "] " + a.headline();
        StringBuilder text = new StringBuilder();
        if (a.exercise()) text.append("OEFENING: niets hiervan is echt.\n\n");
        text.append(a.headline()).append("\n\n").append(a.description()).append("\n\n");
        if (a.instruction() != null) text.append("Advies: ").append(a.instruction()).append("\n\n");
        text.append("Gebied: ").append(a.areaDesc()).append('\n');
        text.append("Verzonden ").append(MessageDraft.time(a.sentAt())).append(" door ").append(a.sentBy().author()).append(" (")
                .append(a.sentBy().organisation()).append(").\n");
        if (a.awaitsAcknowledgement()) {
            text.append("Bevestig de ontvangst in Zorgbeeld vóór ").append(MessageDraft.time(a.ackDeadline())).append(".\n");
        }
        if (publicUrl != null) text.append(link(a.incidentId())).append('\n');
        text.append("\nHet CAP 1.2-bericht is bijgevoegd.\n");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event(a));
        body.put("incidentTitle", source.incidentTitle());
        body.put("alert", view);
        body.put("cap", AlertService.path(a.incidentId(), a.id()) + "?format=cap");
        byte[] document = cap.write(a, source.referenced(), source.incidentTitle()).getBytes(StandardCharsets.UTF_8);
        return new Message(event(a), a.incidentId(), subject, text.toString(), json(body), a.identifier() + ".xml", CapWriter.MEDIA_TYPE,
                document);
    }

    Message warning(ProximityWarning w) {
        String subject = "[WAARSCHUWING] " + w.institutionName() + ": " + w.description();
        String text = w.institutionName() + ": " + w.description() + " (incident " + w.incidentTitle() + ").\n"
                + "Binnen uw waarschuwingsafstand van " + Math.round(w.settingDistance()) + " m.\n"
                + (publicUrl == null ? "" : link(w.incidentId()) + "\n");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "warning.issued");
        body.put("warning", w);
        return new Message("warning.issued", w.incidentId(), subject, text, json(body), null, null, null);
    }

    private String link(long incidentId) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return "Open het incident: " + base + "/#incident=" + incidentId;
    }

    private static String event(Alert a) {
        return switch (a.msgType()) {
            case ALERT -> "alert.sent";
            case UPDATE -> "alert.updated";
            case CANCEL -> "alert.cancelled";
        };
    }

    private static String json(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert always serialises", e);
        }
    }
}
