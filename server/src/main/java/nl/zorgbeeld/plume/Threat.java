package nl.zorgbeeld.plume;

/**
 * How a plume threatens one place (an institution's location).
 *
 * @param zone              the most severe zone the place lies in; null outside all zones
 * @param confidenceZone    the most severe zone whose confidence area holds the place: reached if the
 *                          wind turns within the half angle; null outside all (and for sector and drawn plumes)
 * @param distance          metres from the source; null without a source
 * @param downwind          metres along the wind from the source (negative upwind); null without wind
 * @param crosswind         metres from the plume's axis, positive to its left; null without wind
 * @param arrivalSeconds    when the cloud arrives: the distance along the wind divided by the wind
 *                          speed, for a place downwind; null upwind or when the speed is unknown
 * @param concentration     the estimated ground-level concentration at the place in mg/m3 (off-axis;
 *                          Gaussian only, else null)
 * @param centreLine        the concentration on the plume's axis at the same distance downwind, in mg/m3
 * @param worstInConfidence the highest concentration at the place for a wind direction within the half angle, in mg/m3
 */
public record Threat(ZoneLevel zone, ZoneLevel confidenceZone, Double distance, Double downwind, Double crosswind,
                     Double arrivalSeconds, Double concentration, Double centreLine, Double worstInConfidence) {}
