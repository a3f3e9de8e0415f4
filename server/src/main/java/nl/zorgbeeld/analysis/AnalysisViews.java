package nl.zorgbeeld.analysis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.zorgbeeld.analysis.AnalysisStore.ChangeRow;
import nl.zorgbeeld.plume.ForecastInfo;
import nl.zorgbeeld.plume.ForecastReach;
import nl.zorgbeeld.plume.Notice;
import nl.zorgbeeld.plume.PlumeInfo;
import nl.zorgbeeld.plume.Threat;
import nl.zorgbeeld.plume.ZoneLevel;

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

    /** {@code alert}: set when an alert to the institution went unacknowledged past its deadline. */
    public record AffectedView(InstitutionView institution, ZoneView zone, double distance, HazardView element,
                               StakeholderView status, boolean newlyAffected, boolean toCall, PlumeThreatView plume,
                               ForecastReachView forecast, AlertMark alert) {
        static AffectedView of(Analysis.Item item) {
            Affected a = item.affected();
            return new AffectedView(InstitutionView.of(a.institution()), ZoneView.of(a.zone()), metres(a.distance()),
                    HazardView.of(a.hazard()), StakeholderView.of(item.status()), item.newlyAffected(), item.toCall(),
                    PlumeThreatView.of(item.plume()), ForecastReachView.of(item.forecast()), item.alert());
        }
    }

    /**
     * The current plume's threat at an institution: the plume zone it lies in (null when only in a
     * confidence area, which {@code confidenceZone} names), the estimated ground-level concentration
     * there, on the plume's axis at the same distance and the highest within the wind's uncertainty, in
     * mg/m3 to three significant digits (Gaussian plumes only), metres from the source, along the wind
     * and from the axis, the arrival in seconds after the release began (distance along the wind divided
     * by the wind speed), and all of it in Dutch.
     */
    public record PlumeThreatView(String zone, String confidenceZone, Double concentration, Double centreLine, Double worstInConfidence,
                                  Double distance, Double downwind, Double crosswind, Double arrivalSeconds, String description) {
        static PlumeThreatView of(Threat t) {
            if (t == null) return null;
            return new PlumeThreatView(code(t.zone()), code(t.confidenceZone()), PlumeWords.significant(t.concentration()),
                    PlumeWords.significant(t.centreLine()), PlumeWords.significant(t.worstInConfidence()), metresOrNull(t.distance()),
                    metresOrNull(t.downwind()), metresOrNull(t.crosswind()), t.arrivalSeconds() == null ? null : (double) Math.round(t.arrivalSeconds()),
                    PlumeWords.threat(t));
        }
    }

    /** From which hour (its start, and as 14:00 in the Netherlands) the latest forecast reaches an institution, in which zone, its worst zone and from when. */
    public record ForecastReachView(Instant firstAffected, String firstHour, String firstZone, String worstZone, Instant worstFrom,
                                    String description) {
        static ForecastReachView of(ForecastReach r) {
            return r == null ? null : new ForecastReachView(r.firstAffected(), PlumeWords.clock(r.firstAffected()), r.firstZone().code(),
                    r.worstZone().code(), r.worstFrom(), PlumeWords.reach(r));
        }
    }

    /** The current plume the threats are of, with the method's limits and the inputs' warnings ({@code code}, {@code nl}, {@code en}). */
    public record PlumeView(long id, String href, String method, String substance, OffsetDateTime createdAt, Double windSpeed,
                            List<Notice> limits, List<Notice> warnings) {
        static PlumeView of(long incidentId, PlumeInfo p) {
            return p == null ? null : new PlumeView(p.id(), "/api/incidents/" + incidentId + "/plumes/" + p.id(), p.method(), p.substance(),
                    p.createdAt(), p.windSpeed(), p.limits(), p.warnings());
        }
    }

    /** The latest forecast the reaches are of: its hours and how many institutions it reaches in all. */
    public record ForecastView(long id, String href, OffsetDateTime createdAt, List<HourView> hours, int institutions) {
        static ForecastView of(long incidentId, ForecastInfo f) {
            return f == null ? null : new ForecastView(f.id(), "/api/incidents/" + incidentId + "/plumes/forecast/latest", f.createdAt(),
                    f.hours().stream().map(h -> new HourView(h, PlumeWords.clock(h))).toList(), f.institutions());
        }
    }

    public record HourView(Instant time, String label) {}

    /**
     * The listed institutions by the current plume: how many lie in each of its zones, how many only in
     * a confidence area, the earliest arrival (seconds) and the highest estimated concentration (mg/m3).
     */
    public record PlumeSummary(Map<String, Integer> zones, int confidenceOnly, Double firstArrivalSeconds, Double highestConcentration) {
        static PlumeSummary of(List<Analysis.Item> items) {
            Map<String, Integer> zones = new LinkedHashMap<>();
            for (ZoneLevel level : ZoneLevel.INSIDE_OUT) zones.put(level.code(), 0);
            int confidenceOnly = 0;
            Double first = null;
            Double highest = null;
            for (Analysis.Item item : items) {
                Threat t = item.plume();
                if (t == null) continue;
                if (t.zone() != null) zones.merge(t.zone().code(), 1, Integer::sum);
                else confidenceOnly++;
                if (t.zone() != null && t.arrivalSeconds() != null && (first == null || t.arrivalSeconds() < first)) first = t.arrivalSeconds();
                if (t.concentration() != null && (highest == null || t.concentration() > highest)) highest = t.concentration();
            }
            return new PlumeSummary(zones, confidenceOnly, first == null ? null : (double) Math.round(first), PlumeWords.significant(highest));
        }
    }

    /**
     * The listed institutions by the latest forecast: how many it reaches ({@code listed}), how many it
     * reaches in all (also those not affected now), and per hour how many listed are first reached then.
     */
    public record ForecastSummary(int listed, int reached, List<HourCount> firstReached) {
        static ForecastSummary of(List<Analysis.Item> items, ForecastInfo forecast) {
            Map<Instant, Integer> perHour = new TreeMap<>();
            for (Instant hour : forecast.hours()) perHour.put(hour, 0);
            int listed = 0;
            for (Analysis.Item item : items) {
                if (item.forecast() == null) continue;
                listed++;
                perHour.merge(item.forecast().firstAffected(), 1, Integer::sum);
            }
            List<HourCount> hours = new ArrayList<>();
            perHour.forEach((hour, count) -> hours.add(new HourCount(hour, PlumeWords.clock(hour), count)));
            return new ForecastSummary(listed, forecast.institutions(), hours);
        }
    }

    public record HourCount(Instant time, String label, int count) {}

    public record ZoneCount(ZoneView zone, int count, Map<String, Integer> types) {}

    /**
     * Counts per zone (in order of severity, each split by type), per type and per status; with a
     * plume, per zone of the plume; with a forecast, per hour it first reaches them.
     */
    public record Summary(int total, int notConnected, int callList, int newlyAffected, List<ZoneCount> zones,
                          Map<String, Integer> types, Map<String, Integer> statuses, PlumeSummary plume, ForecastSummary forecast) {
        static Summary of(Analysis analysis) {
            List<Analysis.Item> items = analysis.items();
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
            return new Summary(items.size(), notConnected, toCall, fresh, zones, types, statuses,
                    analysis.plume() == null ? null : PlumeSummary.of(items),
                    analysis.forecast() == null ? null : ForecastSummary.of(items, analysis.forecast()));
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
                               Double distance, BearingView nearest, String description, List<ChangeView> changes,
                               PlumeThreatView plume, ForecastReachView forecast) {
        static ExposureView of(Exposure e) {
            return new ExposureView(InstitutionView.of(e.institution()), StakeholderView.of(e.status()), ZoneView.of(e.zone()),
                    HazardView.of(e.zoneHazard()), e.distance() == null ? null : metres(e.distance()), BearingView.of(e.nearest()),
                    e.description(), e.changes().stream().map(ChangeView::of).toList(), PlumeThreatView.of(e.plume()),
                    ForecastReachView.of(e.forecast()));
        }
    }

    public record ExposureResultView(long incidentId, OffsetDateTime computedAt, List<Double> rings, List<HazardView> elements,
                                     List<ExposureView> locations, PlumeView plume, ForecastView forecast) {
        static ExposureResultView of(ExposureService.Result r) {
            return new ExposureResultView(r.incidentId(), r.computedAt(), r.rings().metres(),
                    r.hazards().stream().map(HazardView::of).toList(), r.locations().stream().map(ExposureView::of).toList(),
                    PlumeView.of(r.incidentId(), r.plume()), ForecastView.of(r.incidentId(), r.forecast()));
        }
    }

    private static String code(ZoneLevel level) {
        return level == null ? null : level.code();
    }

    private static Double metresOrNull(Double distance) {
        return distance == null ? null : metres(distance);
    }

    /**
     * The analysis as a value, for other capabilities that embed it (the snapshot's picture.json): the
     * fields GET .../affected writes, less its recording state, which says nothing of an earlier moment.
     */
    public record AnalysisView(long incidentId, OffsetDateTime computedAt, List<Double> rings, List<HazardView> elements,
                               OffsetDateTime newlyAffectedAt, Summary summary, PlumeView plume, ForecastView forecast,
                               List<AffectedView> institutions) {}

    /** The analysis as {@link AnalysisView}, every institution included. */
    public static AnalysisView view(Analysis analysis) {
        return new AnalysisView(analysis.incidentId(), analysis.computedAt(), analysis.rings().metres(),
                analysis.hazards().stream().map(HazardView::of).toList(), analysis.newlyAffectedAt(), Summary.of(analysis),
                PlumeView.of(analysis.incidentId(), analysis.plume()), ForecastView.of(analysis.incidentId(), analysis.forecast()),
                items(analysis.items()));
    }

    /** Items as the API shows them (the call list, for instance). */
    public static List<AffectedView> items(List<Analysis.Item> items) {
        return items.stream().map(AffectedView::of).toList();
    }

    /** Metres to 0.1 m: finer than the data, coarse enough to read. */
    static double metres(double distance) {
        return Math.round(distance * 10) / 10.0;
    }
}
