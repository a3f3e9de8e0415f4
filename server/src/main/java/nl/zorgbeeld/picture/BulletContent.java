package nl.zorgbeeld.picture;

import nl.zorgbeeld.common.Certainty;

/** What a bullet says, in which theme, from which source, and how certain it is. */
public record BulletContent(long themeId, String text, String source, Certainty certainty) {}
