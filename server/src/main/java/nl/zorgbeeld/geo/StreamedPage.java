package nl.zorgbeeld.geo;

/**
 * What a streamed page of features was: how many were written, the sort key of the last one (for a
 * keyset "next" link), and whether more follow.
 */
public record StreamedPage(int returned, String lastKey, boolean more) {}
