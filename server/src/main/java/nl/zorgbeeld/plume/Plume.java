package nl.zorgbeeld.plume;

import java.util.List;

/**
 * A computed or drawn plume: its zones (LBW, AGW, VRW, in that order, always three; an unreached
 * zone is empty), the confidence lines, what the model used, the method's limits and the warnings
 * these inputs raised. All geometry is in RD New (EPSG:28992), valid, with counter-clockwise outer
 * rings; {@link Geometries#toWgs84} converts it for GeoJSON.
 *
 * @param confidence   the confidence lines of the non-empty zones (Gaussian only; empty otherwise)
 * @param model        what the Gaussian model used; null for a sector or drawn plume
 * @param frame        the plume coordinates around the source, along the wind; null when drawn without wind
 * @param arrivalSpeed the wind speed in m/s that carries the cloud, for arrival times; null when unknown
 * @param gaussian     the concentration model; null for a sector or drawn plume
 */
public record Plume(PlumeInput input, List<PlumeZone> zones, List<ConfidenceLine> confidence, ModelSummary model,
                    List<Notice> limits, List<Notice> warnings, PlumeFrame frame, Double arrivalSpeed, GaussianPlume gaussian) {
    public Plume {
        zones = List.copyOf(zones);
        confidence = List.copyOf(confidence);
        limits = List.copyOf(limits);
        warnings = List.copyOf(warnings);
    }

    public PlumeZone zone(ZoneLevel level) {
        return zones.get(level.ordinal());
    }

    /** The confidence line of a level, or null. */
    public ConfidenceLine confidence(ZoneLevel level) {
        return confidence.stream().filter(c -> c.level() == level).findFirst().orElse(null);
    }

    /** An index of the zones for asking the threat at many points (build once per plume). */
    public ThreatLocator threats() {
        return new ThreatLocator(this);
    }
}
