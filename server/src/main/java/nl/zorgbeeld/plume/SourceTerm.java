package nl.zorgbeeld.plume;

import nl.zorgbeeld.common.ApiException;

/**
 * What is released, where and how: the part of a Gaussian plume that does not change with the weather.
 *
 * @param releaseHeight height of the release above ground in metres (no plume rise is added)
 * @param duration      how long the release lasts, in seconds
 * @param substance     the substance's name, as the GAGS gives it
 */
public record SourceTerm(Source source, ReleaseRate releaseRate, double releaseHeight, double duration, String substance) {
    public static final double MAX_HEIGHT = 500;
    /** A week: a release can go on for days (a smouldering store), not for months. */
    public static final double MAX_DURATION = 7 * 24 * 3600;
    public static final int MAX_SUBSTANCE = 200;

    public SourceTerm {
        Checks.required(source, "source");
        Checks.required(releaseRate, "releaseRate");
        Checks.between(releaseHeight, 0, MAX_HEIGHT, "releaseHeight", " m");
        Checks.positive(duration, MAX_DURATION, "duration", " s (a week)");
        if (substance == null || substance.isBlank()) throw ApiException.badBody("substance", "substance is required (the name of what is released)");
        substance = substance.strip();
        if (substance.length() > MAX_SUBSTANCE) {
            throw ApiException.badBody("substance", "substance is longer than " + MAX_SUBSTANCE + " characters");
        }
    }
}
