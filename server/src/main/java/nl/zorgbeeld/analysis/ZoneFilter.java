package nl.zorgbeeld.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import nl.zorgbeeld.common.ApiException;

/**
 * The {@code zone} parameter: zone keys (LBW, AGW, VRW, effectgebied:name, incidentgebied,
 * ring:metres of one of the rings asked for) and groups (effectgebied, ring); an institution
 * matches when its zone is one of the keys or in one of the groups. Empty: every zone.
 */
record ZoneFilter(Set<String> keys, Set<String> groups) {
    static final String PARAMETER = "zone";
    private static final Set<String> GROUPS = Set.of("effectgebied", "incidentgebied", "ring");
    private static final Set<String> NAMED = Set.of("LBW", "AGW", "VRW");

    static ZoneFilter parse(List<String> values, Rings rings) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (String value : values) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (GROUPS.contains(lower)) {
                groups.add(lower);
            } else if (NAMED.contains(value.toUpperCase(Locale.ROOT))) {
                keys.add(value.toUpperCase(Locale.ROOT));
            } else if (lower.startsWith("effectgebied:") && value.length() > "effectgebied:".length()) {
                // As the elements store it: LBW, AGW and VRW in capitals, other zones as written.
                String name = value.substring("effectgebied:".length());
                keys.add(Zone.effect(NAMED.contains(name.toUpperCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT) : name).key());
            } else if (lower.startsWith("ring:")) {
                keys.add(ring(value.substring("ring:".length()), rings).key());
            } else {
                throw ApiException.badParameter(PARAMETER, "Unknown zone '" + value + "'; use LBW, AGW, VRW, effectgebied:<zone>,"
                        + " incidentgebied, ring:<metres> (one of the rings), or the groups effectgebied and ring; comma-separated");
            }
        }
        return new ZoneFilter(Set.copyOf(keys), Set.copyOf(groups));
    }

    private static Zone ring(String metres, Rings rings) {
        try {
            double ring = Double.parseDouble(metres);
            if (rings.metres().contains(ring)) return Zone.ring(ring);
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badParameter(PARAMETER, "ring:" + metres + " is not one of the rings of this analysis ("
                + rings.parameter() + " m)");
    }

    boolean all() {
        return keys.isEmpty() && groups.isEmpty();
    }

    boolean matches(Zone zone) {
        return all() || keys.contains(zone.key()) || groups.contains(zone.group());
    }

    /** The filter as a parameter value, in a fixed order (for the ETag and the next link). */
    String parameter() {
        return String.join(",", Stream.concat(groups.stream(), keys.stream()).sorted().toList());
    }
}
