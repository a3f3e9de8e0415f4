package nl.zorgbeeld.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.warning.ProximityWarning;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** The JSON shapes of the alert API. Distances in metres, to 0.1 m. */
public final class AlertViews {
    private AlertViews() {}

    /** How many recipients reached each state. */
    public record Counts(int recipients, int connected, int notConnected, int delivered, int read, int acknowledged, int overdue) {
        static Counts of(Alert alert, List<Recipient> recipients, OffsetDateTime now) {
            int connected = 0;
            int delivered = 0;
            int read = 0;
            int acknowledged = 0;
            int overdue = 0;
            for (Recipient r : recipients) {
                if (r.connected()) connected++;
                if (r.deliveredAt() != null) delivered++;
                if (r.readAt() != null) read++;
                if (r.acknowledgedAt() != null) acknowledged++;
                if (r.overdue(alert, now)) overdue++;
            }
            return new Counts(recipients.size(), connected, recipients.size() - connected, delivered, read, acknowledged, overdue);
        }
    }

    public record Parameters(String substance, String threshold, String wind) {}

    /** A CAP circle: centre in WGS84 and radius in kilometres (as CAP gives it). */
    public record Circle(double lat, double lon, double radiusKm) {}

    public record AlertView(long id, long incidentId, String identifier, String msgType, String msgTypeLabel, Long references,
                            String status, String category, String event, String responseType, String responseTypeLabel,
                            String urgency, String severity, String severityLabel, String certainty, String headline,
                            String description, String instruction, OffsetDateTime expires, JsonNode audience, String areaDesc,
                            JsonNode area, Circle circle, Parameters parameters, OffsetDateTime sentAt, Actor sentBy,
                            OffsetDateTime ackDeadline, boolean standing, Long supersededBy, Long cancelledBy, Counts counts) {
        static AlertView of(Alert a, Counts counts) {
            return new AlertView(a.id(), a.incidentId(), a.identifier(), a.msgType().code(), a.msgType().label(), a.references(),
                    a.status(), a.category().code(), a.event(), a.responseType().code(), a.responseType().label(), a.urgency().code(),
                    a.severity().code(), a.severity().label(), a.certainty().code(), a.headline(), a.description(), a.instruction(),
                    a.expires(), a.audience(), a.areaDesc(), geoJson(a.area()),
                    a.circleCentre() == null ? null : new Circle(round(a.circleCentre().getY(), 6), round(a.circleCentre().getX(), 6),
                            round(a.circleRadius() / 1000, 3)),
                    new Parameters(a.substance(), a.threshold(), a.wind()), a.sentAt(), a.sentBy(), a.ackDeadline(),
                    a.awaitsAcknowledgement(), a.supersededBy(), a.cancelledBy(), counts);
        }
    }

    public record Stamp(OffsetDateTime at, String by) {
        static Stamp of(OffsetDateTime at, String by) {
            return at == null ? null : new Stamp(at, by);
        }
    }

    public record Acknowledgement(OffsetDateTime at, String by, String organisation, String note) {}

    public record RecipientView(String institutionId, String name, String type, String organisation, String regionCode, String phone,
                                String email, boolean connected, String zone, Double distance, String state, String stateLabel,
                                boolean overdue, Stamp delivered, Stamp read, Acknowledgement acknowledged) {
        static RecipientView of(Alert alert, Recipient r, OffsetDateTime now) {
            return new RecipientView(r.institutionId(), r.name(), r.type(), r.organisation(), r.regionCode(), r.phone(), r.email(),
                    r.connected(), r.zone(), r.distance() == null ? null : round(r.distance(), 1), r.state(), AlertViews.stateLabel(r.state()),
                    r.overdue(alert, now), Stamp.of(r.deliveredAt(), r.deliveredBy()), Stamp.of(r.readAt(), r.readBy()),
                    r.acknowledgedAt() == null ? null
                            : new Acknowledgement(r.acknowledgedAt(), r.acknowledgedBy(), r.acknowledgedOrganisation(), r.note()));
        }
    }

    /** An alert with every recipient and what became of it. */
    public record AlertDetail(AlertView alert, List<RecipientView> recipients) {
        static AlertDetail of(Alert alert, List<Recipient> recipients, OffsetDateTime now) {
            return new AlertDetail(AlertView.of(alert, Counts.of(alert, recipients, now)),
                    recipients.stream().map(r -> RecipientView.of(alert, r, now)).toList());
        }
    }

    /** An alert as its recipient's users see it: the message, their own state, and the incident it is about. */
    public record AddressedView(AlertView alert, String incidentTitle, RecipientView mine) {}

    /** What a user speaking for an institution has been sent: alerts, and warnings of its own warning distance. */
    public record Inbox(String institutionId, List<AddressedView> alerts, List<ProximityWarning> warnings) {}

    static String stateLabel(String state) {
        return switch (state) {
            case "bevestigd" -> "Bevestigd";
            case "gelezen" -> "Gelezen, niet bevestigd";
            case "afgeleverd" -> "Afgeleverd, niet gelezen";
            case "verzonden" -> "Verzonden, nog niet afgeleverd";
            default -> "Niet aangesloten: bellen";
        };
    }

    /** A geometry as a GeoJSON geometry object (already WGS84), or null. */
    static JsonNode geoJson(Geometry geometry) {
        if (geometry == null) return null;
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        return Json.tree(writer.write(geometry));
    }

    /** The changed recipient, as acknowledgement and receipt events carry it. */
    static Map<String, Object> recipientEvent(Alert alert, Recipient recipient, Counts counts, OffsetDateTime now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.id());
        data.put("incidentId", alert.incidentId());
        data.put("recipient", RecipientView.of(alert, recipient, now));
        data.put("counts", counts);
        return data;
    }

    static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}
