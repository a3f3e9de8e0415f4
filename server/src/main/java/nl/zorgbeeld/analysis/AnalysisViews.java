package nl.zorgbeeld.analysis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.zorgbeeld.analysis.AnalysisStore.ChangeRow;

/** The JSON shapes of the analysis API, built from the domain records. Distances in metres, to 0.1 m. */
public final class AnalysisViews {
    private AnalysisViews() {}

    public record HazardView(UUID id, String kind, String label, String zone, int version) {
        static HazardView of(Hazard h) {
            return h == null ? null : new HazardView(h.elementId(), h.kind(), h.label(), h.effectZone(), h.version());
        }
    }

    /** A zone: its key, Dutch label, group (effectgebied, incidentgebied, ring), severity (0 most severe) and ring metres. */
    public record ZoneView(String key, String label, String group, int severity, Double ring) {
        /** Kept per zone: its key and Dutch label are formatted text, asked for every institution of a large analysis. */
        private static final Map<Zone, ZoneView> KNOWN = new ConcurrentHashMap<>();
        /** Rings and free-text zones come from clients: a bound keeps them from filling the memory. */
        private static final int MAX_KNOWN = 1000;

        static ZoneView of(Zone z) {
            if (z == null) return null;
            ZoneView known = KNOWN.get(z);
            if (known != null) return known;
            ZoneView view = new ZoneView(z.key(), z.label(), z.group(), z.kind().ordinal(), z.isRing() ? z.ring() : null);
            if (KNOWN.size() < MAX_KNOWN) KNOWN.put(z, view);
            return view;
        }
    }

    /** Contact details and reference data of an institution, flat so that tables and CSV read it alike. */
    public record InstitutionView(String id, String name, String type, String organisation, boolean connected, String regionCode,
                                  String regionName, String phone, String email, String street, String houseNumber, String postcode,
                                  String city, String address, double lon, double lat) {
        static InstitutionView of(Institution i) {
            return new InstitutionView(i.id(), i.name(), i.type(), i.organisation(), i.connected(), i.regionCode(), i.regionName(),
                    i.phone(), i.email(), i.street(), i.houseNumber(), i.postcode(), i.city(), i.address(), i.lon(), i.lat());
        }
    }

    public record AffectedView(InstitutionView institution, ZoneView zone, double distance, HazardView element,
                               StakeholderView status, boolean newlyAffected, boolean toCall) {
        static AffectedView of(Analysis.Item item) {
            Affected a = item.affected();
            return new AffectedView(InstitutionView.of(a.institution()), ZoneView.of(a.zone()), metres(a.distance()),
                    HazardView.of(a.hazard()), StakeholderView.of(item.status()), item.newlyAffected(), item.toCall());
        }
    }

    public record ZoneCount(ZoneView zone, int count, Map<String, Integer> types) {}

    /** Counts per zone (in order of severity, each split by type), per type and per status. */
    public record Summary(int total, int notConnected, int callList, int newlyAffected, List<ZoneCount> zones,
                          Map<String, Integer> types, Map<String, Integer> statuses) {
        static Summary of(List<Analysis.Item> items) {
            Map<Zone, Map<String, Integer>> byZone = new TreeMap<>();
            Map<String, Integer> types = new TreeMap<>();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            for (StakeholderStatus s : StakeholderStatus.values()) statuses.put(s.code(), 0);
            int notConnected = 0;
            int toCall = 0;
            int fresh = 0;
            for (Analysis.Item item : items) {
                String type = item.institution().type();
                byZone.computeIfAbsent(item.affected().zone(), z -> new TreeMap<>()).merge(type, 1, Integer::sum);
                types.merge(type, 1, Integer::sum);
                statuses.merge(item.status().status().code(), 1, Integer::sum);
                if (!item.institution().connected()) notConnected++;
                if (item.toCall()) toCall++;
                if (item.newlyAffected()) fresh++;
            }
            List<ZoneCount> zones = new ArrayList<>();
            byZone.forEach((zone, perType) -> zones.add(new ZoneCount(ZoneView.of(zone),
                    perType.values().stream().mapToInt(Integer::intValue).sum(), perType)));
            return new Summary(items.size(), notConnected, toCall, fresh, zones, types, statuses);
        }
    }

    /**
     * Whether the recorded part of the analysis (newly affected, the changes, the timeline entry) has
     * followed the picture: {@code reason} pending or failed when not, with when it failed and the
     * reference under which the server logged why.
     */
    public record RecordingView(boolean current, String reason, OffsetDateTime failedAt, String reference) {
        static RecordingView of(AnalysisState state) {
            return switch (state.recording()) {
                case CURRENT -> new RecordingView(true, null, null, null);
                case PENDING -> new RecordingView(false, "pending", null, null);
                case FAILED -> new RecordingView(false, "failed", state.failedAt(), state.failureReference());
            };
        }
    }

    /** Which part of the (zone-filtered) list a response holds; {@code next} is the link to the rest, if any. */
    public record PageView(int offset, Integer limit, int matched, int returned, String next) {}

    public record ChangeView(long runId, OffsetDateTime computedAt, String institutionId, String institutionName, String change,
                             String changeLabel, ZoneView from, ZoneView to, Double distance, String author, String organisation) {
        static ChangeView of(ChangeRow r) {
            return new ChangeView(r.runId(), r.computedAt(), r.institutionId(), r.institutionName(), r.change().code(),
                    r.change().label(), ZoneView.of(r.fromZone()), ZoneView.of(r.toZone()),
                    r.distance() == null ? null : metres(r.distance()), r.actor().author(), r.actor().organisation());
        }
    }

    public record BearingView(HazardView element, double distance, double bearing, String direction) {
        static BearingView of(Exposure.Bearing b) {
            return b == null ? null : new BearingView(HazardView.of(b.hazard()), metres(b.distance()),
                    Math.round(b.bearing() * 10) / 10.0, b.direction());
        }
    }

    public record ExposureView(InstitutionView institution, StakeholderView status, ZoneView zone, HazardView zoneElement,
                               Double distance, BearingView nearest, String description, List<ChangeView> changes) {
        static ExposureView of(Exposure e) {
            return new ExposureView(InstitutionView.of(e.institution()), StakeholderView.of(e.status()), ZoneView.of(e.zone()),
                    HazardView.of(e.zoneHazard()), e.distance() == null ? null : metres(e.distance()), BearingView.of(e.nearest()),
                    e.description(), e.changes().stream().map(ChangeView::of).toList());
        }
    }

    public record ExposureResultView(long incidentId, OffsetDateTime computedAt, List<Double> rings, List<HazardView> elements,
                                     List<ExposureView> locations) {
        static ExposureResultView of(ExposureService.Result r) {
            return new ExposureResultView(r.incidentId(), r.computedAt(), r.rings().metres(),
                    r.hazards().stream().map(HazardView::of).toList(), r.locations().stream().map(ExposureView::of).toList());
        }
    }

    /** Metres to 0.1 m: finer than the data, coarse enough to read. */
    static double metres(double distance) {
        return Math.round(distance * 10) / 10.0;
    }
}
