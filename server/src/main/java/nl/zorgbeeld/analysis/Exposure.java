package nl.zorgbeeld.analysis;

import java.util.List;
import nl.zorgbeeld.analysis.AnalysisStore.ChangeRow;
import nl.zorgbeeld.plume.ForecastReach;
import nl.zorgbeeld.plume.Threat;

/**
 * How one institution location is exposed to an incident: the most severe zone it lies in (null when
 * beyond every ring), its shortest distance to any hazard (0 inside an area), the nearest hazard it is
 * not inside with the distance and compass direction from it, and all of that in one Dutch sentence.
 *
 * @param nearest the nearest hazard outside which the location lies and that is more severe than its
 *                zone; null when there is none
 * @param plume    the current plume's threat at the location (concentration, zone, arrival); null outside
 *                 its zones and confidence areas, or without a plume
 * @param forecast from which hour the latest forecast reaches the location and in which zone; null when it does not
 */
public record Exposure(Institution institution, Stakeholder status, Zone zone, Hazard zoneHazard, Double distance,
                       Bearing nearest, String description, List<ChangeRow> changes, Threat plume, ForecastReach forecast) {

    /** A hazard seen from the location: {@code distance} metres, the location lying to the {@code direction} of it. */
    public record Bearing(Hazard hazard, double distance, double bearing, String direction) {}
}
