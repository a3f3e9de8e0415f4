package nl.zorgbeeld.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whom an alert is for, as the sender asked it. {@code affected} (every institution of the network
 * analysis) or {@code zone} (those inside one zone: LBW, AGW, VRW, incidentgebied or
 * effectgebied:name; nested zones count, so AGW includes LBW) pick from the analysis; {@code types}
 * and {@code region} narrow that choice, or, without one, pick from the whole reference layer;
 * {@code institutionIds} adds hand-picked institutions to whatever the rest gives.
 */
public record Audience(boolean affected, String zone, List<String> institutionIds, List<String> types, String region) {
    public Audience {
        institutionIds = institutionIds == null ? List.of() : List.copyOf(institutionIds);
        types = types == null ? List.of() : List.copyOf(types);
    }

    public boolean empty() {
        return !affected && zone == null && institutionIds.isEmpty() && types.isEmpty() && region == null;
    }

    /** Whether the analysis chooses (affected or a zone). */
    public boolean fromAnalysis() {
        return affected || zone != null;
    }

    /** Whether anything beyond the hand-picked list chooses. */
    public boolean selects() {
        return fromAnalysis() || !types.isEmpty() || region != null;
    }

    /** As stored and shown: only what was asked. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (affected) map.put("affected", true);
        if (zone != null) map.put("zone", zone);
        if (!institutionIds.isEmpty()) map.put("institutionIds", institutionIds);
        if (!types.isEmpty()) map.put("types", types);
        if (region != null) map.put("region", region);
        return map;
    }
}
