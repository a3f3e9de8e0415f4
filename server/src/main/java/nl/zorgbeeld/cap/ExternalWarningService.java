package nl.zorgbeeld.cap;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgbeeld.auth.Access;
import nl.zorgbeeld.auth.Principal;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.common.Visibility;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * CAP alerts from other systems (a safety region, the national alert service, a neighbouring GHOR):
 * checked by {@link CapReader}, stored once per sender and identifier, and shown as external warnings
 * on the map and in the picture of the incident it was received for, or else of every open incident of
 * the receiving user's region, each of which records it on its timeline and live stream.
 */
public final class ExternalWarningService {
    private static final int MAX_STANDING = 200;

    private final Transactions tx;
    private final ExternalWarningStore store = new ExternalWarningStore();
    private final ChangeLog log;

    public ExternalWarningService(Transactions tx, ChangeLog log) {
        this.tx = tx;
        this.log = log;
    }

    /** Stores a received alert; {@code incidentId} (null: none) names the incident it is for. Returns it as a GeoJSON Feature. */
    public JsonNode receive(byte[] document, Long incidentId, Principal principal) {
        CapReader.Parsed parsed = CapReader.read(document);
        return tx.run(c -> {
            String region = principal.regionCode();
            List<Long> incidents;
            if (incidentId != null) {
                ExternalWarningStore.Incident incident = visibleIncident(c, incidentId, principal);
                region = incident.regionCode();
                incidents = "gesloten".equals(incident.status()) ? List.of() : List.of(incidentId);
            } else {
                incidents = store.openIncidents(c, region);
            }
            if (store.exists(c, parsed.sender(), parsed.identifier())) {
                throw ApiException.conflict("identifier", "An alert of sender '" + parsed.sender() + "' with identifier '"
                        + parsed.identifier() + "' was received before: an update is a new alert with msgType Update");
            }
            long id = store.insert(c, parsed, region, incidentId, principal.actor());
            int replaced = 0;
            for (String reference : parsed.references()) {
                String[] parts = reference.split(",");
                if (parts.length >= 2) replaced += store.markReplaced(c, parts[0], parts[1], id);
            }
            JsonNode feature = Json.tree(store.feature(c, id));
            String summary = NewChangeEvent.excerpt("Externe waarschuwing (" + parsed.sender() + "): "
                    + (parsed.headline() != null ? parsed.headline() : parsed.event() != null ? parsed.event() : parsed.identifier()));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("sender", parsed.sender());
            details.put("identifier", parsed.identifier());
            details.put("msgType", parsed.msgType());
            details.put("replaced", replaced);
            for (long incident : incidents) {
                log.record(c, NewChangeEvent.of(incident, "external-warning.received", path(incident) + "/" + id, null, summary,
                        details, principal.actor()).withData(feature));
            }
            return feature;
        });
    }

    /** The warnings standing for an incident, as a GeoJSON FeatureCollection. */
    public String standing(long incidentId, Principal principal) {
        return tx.run(c -> {
            ExternalWarningStore.Incident incident = visibleIncident(c, incidentId, principal);
            List<String> features = new ArrayList<>(store.standing(c, incidentId, incident.regionCode(), MAX_STANDING));
            return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
        });
    }

    private ExternalWarningStore.Incident visibleIncident(Connection c, long incidentId, Principal principal) throws SQLException {
        Visibility visibility = Access.visibility(principal);
        return store.incident(c, incidentId, Visibility.condition("i.id", "v.region_code"), visibility::bind)
                .filter(ExternalWarningStore.Incident::visible)
                .orElseThrow(() -> ApiException.notFound("There is no incident " + incidentId));
    }

    public static String path(long incidentId) {
        return "/api/incidents/" + incidentId + "/external-warnings";
    }
}
