package nl.zorgbeeld.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.Hazard;
import nl.zorgbeeld.analysis.Institution;
import nl.zorgbeeld.analysis.Zone;
import nl.zorgbeeld.common.ApiException;
import org.locationtech.jts.geom.Coordinate;

/**
 * Turns an audience into institutions: from the incident's network analysis (all affected, or those
 * inside one zone), narrowed by types and region, or those taken from the whole reference layer, plus
 * the hand-picked ones; each marked connected when some user speaks for it.
 */
final class AudienceResolver {
    /** More than a national alert to every hospital and GP post; bounds one request's work. */
    static final int MAX_RECIPIENTS = 5000;
    private static final Set<Zone.Kind> THRESHOLD_ZONES = Set.of(Zone.Kind.LBW, Zone.Kind.AGW, Zone.Kind.VRW);

    private final AlertStore store;

    AudienceResolver(AlertStore store) {
        this.store = store;
    }

    /** The recipients, and the zone asked for (null when none was). */
    record Resolved(List<Candidate> recipients, Zone zone) {}

    /** @param analysis the incident's analysis, needed when the audience chooses from it */
    Resolved resolve(Connection c, Audience audience, Analysis analysis, List<Hazard> hazards) throws SQLException {
        if (audience.region() != null && !store.regionKnown(c, audience.region())) {
            throw ApiException.badBody("audience.region", "No safety region '" + audience.region() + "' (such as VR09)");
        }
        Map<String, Candidate> chosen = new LinkedHashMap<>();
        Zone zone = audience.zone() == null ? null : zone(audience.zone(), hazards);
        if (audience.fromAnalysis()) {
            for (Analysis.Item item : analysis.items()) {
                Institution i = item.institution();
                if (zone != null && !inside(i, zone, hazards)) continue;
                if (!audience.types().isEmpty() && !audience.types().contains(i.type())) continue;
                if (audience.region() != null && !audience.region().equalsIgnoreCase(i.regionCode())) continue;
                chosen.put(i.id(), new Candidate(i.id(), i.name(), i.type(), i.organisation(), i.regionCode(), i.phone(), i.email(),
                        false, item.affected().zone().key(), item.affected().distance()));
            }
        } else if (audience.selects()) {
            for (Candidate candidate : store.candidatesWhere(c, audience.types(), audience.region(), MAX_RECIPIENTS + 1)) {
                chosen.put(candidate.id(), candidate);
            }
        }
        if (!audience.institutionIds().isEmpty()) {
            Map<String, Candidate> picked = store.candidatesById(c, audience.institutionIds());
            for (int n = 0; n < audience.institutionIds().size(); n++) {
                String id = audience.institutionIds().get(n);
                if (!picked.containsKey(id)) {
                    throw ApiException.badBody("audience.institutionIds[" + n + "]", "No institution '" + id + "' in the reference layer");
                }
                chosen.putIfAbsent(id, picked.get(id));
            }
        }
        if (chosen.size() > MAX_RECIPIENTS) {
            throw ApiException.badBody("audience", "The audience comes to more than " + MAX_RECIPIENTS
                    + " institutions; narrow it with types, a region or a zone");
        }
        return new Resolved(withConnections(c, new ArrayList<>(chosen.values())), zone);
    }

    /** The candidates, each marked connected when some enabled user speaks for it. */
    List<Candidate> withConnections(Connection c, List<Candidate> candidates) throws SQLException {
        if (candidates.isEmpty()) return candidates;
        Set<String> connected = store.connected(c, candidates.stream().map(Candidate::id).toList());
        return candidates.stream().map(r -> r.withConnected(connected.contains(r.id()))).toList();
    }

    /** The zone asked for, which must be one the incident has. */
    private static Zone zone(String key, List<Hazard> hazards) {
        Zone zone = parse(key);
        for (Hazard h : hazards) {
            if (zone.equals(h.insideZone())) return zone;
        }
        throw ApiException.badBody("audience.zone", "Incident has no " + zone.label().toLowerCase(Locale.ROOT)
                + " ('" + key + "'); its zones: " + String.join(", ", hazards.stream().map(Hazard::insideZone)
                .filter(Objects::nonNull).map(Zone::key).distinct().toList()));
    }

    private static Zone parse(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        if (upper.equals("LBW") || upper.equals("AGW") || upper.equals("VRW")) return Zone.effect(upper);
        if (key.equals("incidentgebied") || key.startsWith("effectgebied:") && key.length() > "effectgebied:".length()) return Zone.parse(key);
        throw ApiException.badBody("audience.zone", "Unknown zone '" + key + "'; use LBW, AGW, VRW, incidentgebied or effectgebied:<zone>");
    }

    /**
     * Whether the institution lies inside the zone: inside one of its hazards, or, for the
     * intervention-value zones, inside a more severe one (LBW lies within AGW, AGW within VRW).
     */
    static boolean inside(Institution institution, Zone zone, List<Hazard> hazards) {
        Coordinate p = new Coordinate(institution.x(), institution.y());
        for (Hazard h : hazards) {
            Zone its = h.insideZone();
            if (its == null) continue;
            boolean counts = its.equals(zone)
                    || THRESHOLD_ZONES.contains(zone.kind()) && THRESHOLD_ZONES.contains(its.kind()) && its.compareTo(zone) < 0;
            if (counts && h.shape().covers(p)) return true;
        }
        return false;
    }

    /** The hazards whose area the alert covers: the zone's (and more severe nested ones), else every area. */
    static List<Hazard> areaHazards(Zone zone, List<Hazard> hazards) {
        List<Hazard> area = new ArrayList<>();
        for (Hazard h : hazards) {
            Zone its = h.insideZone();
            if (its == null) continue;
            if (zone == null || its.equals(zone)) area.add(h);
        }
        return area;
    }
}
