package nl.zorgbeeld.alert;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.zorgbeeld.alert.CapCodes.Category;
import nl.zorgbeeld.alert.CapCodes.Certainty;
import nl.zorgbeeld.alert.CapCodes.MsgType;
import nl.zorgbeeld.alert.CapCodes.ResponseType;
import nl.zorgbeeld.alert.CapCodes.Severity;
import nl.zorgbeeld.alert.CapCodes.Urgency;
import nl.zorgbeeld.analysis.Zone;
import nl.zorgbeeld.incident.Incident;

/**
 * The message an alert starts with, built from the picture: the incident (title, type, place, start),
 * the zone, the substance, the wind and the advice of the hazardous-substances theme. Every field is
 * only a proposal: what the sender gives replaces it.
 */
final class MessageDraft {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", Locale.forLanguageTag("nl-NL"))
            .withZone(ZoneId.of("Europe/Amsterdam"));

    private MessageDraft() {}

    /** What the picture says, gathered by the service. */
    record Facts(Incident incident, MsgType msgType, Alert referenced, Zone zone, Zone mostSevere, String areaDesc,
                 Map<String, String> attributes, String meteo, String advice) {}

    /** The proposed message; fields as an alert stores them. */
    record Draft(String event, Category category, String headline, String description, String instruction, ResponseType responseType,
                 Urgency urgency, Severity severity, Certainty certainty, String areaDesc, String substance, String threshold,
                 String wind) {}

    static Draft of(Facts f) {
        Incident incident = f.incident();
        String title = incident.state().title();
        Category category = Category.forIncidentType(incident.state().type().code());
        String event = incident.state().type().label();
        String substance = f.attributes().get("substance");
        String threshold = f.attributes().getOrDefault("threshold", threshold(f.zone() != null ? f.zone() : f.mostSevere()));
        String wind = f.attributes().getOrDefault("wind", f.meteo());
        if (f.msgType() == MsgType.CANCEL) {
            Alert old = f.referenced();
            return new Draft(old.event(), old.category(), "Ingetrokken: " + old.headline(),
                    "Het alarm van " + TIME.format(old.sentAt()) + " (\"" + old.headline() + "\") over " + title + " is ingetrokken.",
                    "Geen verdere actie nodig voor dit alarm.", ResponseType.ALL_CLEAR, Urgency.PAST, Severity.MINOR, Certainty.OBSERVED,
                    old.areaDesc(), old.substance(), old.threshold(), old.wind());
        }
        ResponseType response = responseFor(f.mostSevere());
        String headline = (f.msgType() == MsgType.UPDATE ? "Bijwerking: " : "")
                + (f.zone() != null ? f.zone().label() + ": " : "") + title;
        List<String> lines = new ArrayList<>();
        String place = incident.state().locationText() == null ? "" : ", " + incident.state().locationText();
        lines.add("Incident: " + title + " (" + event + ")" + place + ".");
        if (incident.state().startedAt() != null) lines.add("Gestart: " + TIME.format(incident.state().startedAt()) + ".");
        lines.add("Gebied: " + f.areaDesc() + ".");
        if (substance != null) lines.add("Stof: " + substance + ".");
        if (threshold != null) lines.add("Grenswaarde: " + threshold + ".");
        if (wind != null) lines.add("Wind: " + wind + ".");
        String instruction = response.label() + "." + (f.advice() == null ? "" : " Advies: " + f.advice());
        return new Draft(event, category, clip(headline, 200), clip(String.join("\n", lines), 4000), clip(instruction, 2000), response,
                Urgency.IMMEDIATE, severityFor(f.mostSevere()), Certainty.LIKELY, clip(f.areaDesc(), 500), clip(substance, 200),
                clip(threshold, 200), clip(wind, 200));
    }

    /** The intervention value of a threshold zone, in words. */
    private static String threshold(Zone zone) {
        if (zone == null) return null;
        return switch (zone.kind()) {
            case LBW -> "LBW (levensbedreigende waarde)";
            case AGW -> "AGW (alarmeringsgrenswaarde)";
            case VRW -> "VRW (voorlichtingsrichtwaarde)";
            default -> null;
        };
    }

    private static ResponseType responseFor(Zone zone) {
        if (zone == null) return ResponseType.MONITOR;
        return switch (zone.kind()) {
            case LBW, AGW -> ResponseType.SHELTER;
            case VRW, EFFECTGEBIED, INCIDENTGEBIED -> ResponseType.PREPARE;
            case RING -> ResponseType.MONITOR;
        };
    }

    private static Severity severityFor(Zone zone) {
        if (zone == null) return Severity.MODERATE;
        return switch (zone.kind()) {
            case LBW -> Severity.EXTREME;
            case AGW -> Severity.SEVERE;
            case VRW, EFFECTGEBIED, INCIDENTGEBIED -> Severity.MODERATE;
            case RING -> Severity.MINOR;
        };
    }

    static String clip(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) return text;
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** "12-3-2026 14:05" in Dutch time. */
    static String time(OffsetDateTime at) {
        return TIME.format(at);
    }
}
