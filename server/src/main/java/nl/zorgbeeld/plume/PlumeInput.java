package nl.zorgbeeld.plume;

/** What a plume is made from: one record per {@link Method}, each checked when it is built. */
public sealed interface PlumeInput permits DrawnInput, SectorInput, GaussianInput {
    Method method();

    /** Where the substance is released; null for a drawn plume without one. */
    Source source();
}
