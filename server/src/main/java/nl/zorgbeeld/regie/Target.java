package nl.zorgbeeld.regie;

/**
 * An item of an incident's picture: a bullet (its id), an entry ({@code questions/4},
 * {@code decisions/2}, {@code casualties/7}: its path within the incident) or a map element (its uuid).
 */
public record Target(TargetType type, String id) {}
