package nl.zorgbeeld.picture;

import java.time.OffsetDateTime;

/** When a theme of a picture was first written in and last changed (a bullet added, edited or retracted). */
public record ThemeActivity(long pictureId, long themeId, OffsetDateTime firstWrittenAt, OffsetDateTime lastChangedAt) {}
