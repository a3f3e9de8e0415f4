package nl.zorgbeeld.snapshot;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people in the Netherlands read them, in Europe/Amsterdam (summer and winter time included). */
final class DutchTime {
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'om' HH:mm", DUTCH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", DUTCH);
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", DUTCH);

    private DutchTime() {}

    /** "maandag 23 november 2026 om 10:15". */
    static String full(OffsetDateTime time) {
        return time == null ? "" : LONG.format(time.atZoneSameInstant(AMSTERDAM));
    }

    /** "23-11-2026 10:15". */
    static String brief(OffsetDateTime time) {
        return time == null ? "" : SHORT.format(time.atZoneSameInstant(AMSTERDAM));
    }

    /** "20261123-101500-250", for file names (milliseconds: two snapshots within a second keep apart, and sort). */
    static String stamp(OffsetDateTime time) {
        return FILE.format(time.atZoneSameInstant(AMSTERDAM));
    }

    /** "3 min", "2 uur 5 min": an age in seconds. */
    static String age(Long seconds) {
        if (seconds == null) return "";
        long minutes = seconds / 60;
        if (minutes < 60) return minutes + " min";
        long hours = minutes / 60;
        if (hours < 48) return hours + " uur" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        return hours / 24 + " dagen";
    }
}
