package nl.zorgbeeld.plume;

/**
 * A message that goes with a plume, in Dutch for the UI and in English: a limit of the method
 * (always shown) or a warning raised by these inputs.
 *
 * @param code a stable identifier, such as HEAVY_GAS or REACH_BEYOND_10_KM
 */
public record Notice(String code, String nl, String en) {}
