package nl.zorgbeeld.analysis;

/**
 * One institution the analysis found: the most severe zone it lies in, the hazard causing it and the
 * shortest distance in metres to any hazard (0 inside an area).
 */
public record Affected(Institution institution, Zone zone, Hazard hazard, double distance) {}
