package nl.zorgbeeld.plume;

import org.locationtech.jts.geom.Coordinate;

/**
 * An incident's current plume and latest forecast as the network analysis shows them per institution:
 * the plume's threat at its location, and from which hour of the forecast it is reached and in which
 * zone. For one read of the analysis: not thread-safe (the zones' indexes build as they are asked).
 */
public final class PlumeOverlay {
    public static final PlumeOverlay NONE = new PlumeOverlay(null, null);

    private final PlumeOverlays.Computed plume;
    private final PlumeOverlays.Reaches forecast;
    private ThreatLocator locator;

    PlumeOverlay(PlumeOverlays.Computed plume, PlumeOverlays.Reaches forecast) {
        this.plume = plume;
        this.forecast = forecast;
    }

    /** The current plume; null when the incident has none. */
    public PlumeInfo plume() {
        return plume == null ? null : plume.info();
    }

    /** The latest forecast; null when the incident has none. */
    public ForecastInfo forecast() {
        return forecast == null ? null : forecast.info();
    }

    /**
     * The current plume's threat at a place in RD New; null without a plume and for a place outside all
     * its zones and confidence areas.
     */
    public Threat threatAt(double x, double y) {
        if (plume == null || !plume.extent().covers(x, y)) return null;
        if (locator == null) locator = plume.plume().threats();
        Threat threat = locator.at(new Coordinate(x, y));
        return threat.zone() == null && threat.confidenceZone() == null ? null : threat;
    }

    /** How the latest forecast reaches an institution; null when it does not (or there is none). */
    public ForecastReach reachOf(String institutionId) {
        return forecast == null ? null : forecast.byInstitution().get(institutionId);
    }
}
