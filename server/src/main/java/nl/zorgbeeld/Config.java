package nl.zorgbeeld;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import nl.zorgbeeld.auth.AuthSettings;
import nl.zorgbeeld.live.LiveConfig;

/**
 * Configuration from environment variables, each with a documented default (README, "Configuration").
 *
 * @param databaseUrl        DATABASE_URL: postgresql://user:pass@host:port/db or jdbc:postgresql://...
 * @param port               ZORGBEELD_PORT: HTTP port (8080)
 * @param dataDir            ZORGBEELD_DATA: folder of reference data loaded into an empty database
 * @param officialSourceUrl  ZORGBEELD_OFFICIAL_SOURCE: OGC API - Features root of the CBS area divisions
 * @param boundaryYear       ZORGBEELD_BOUNDARY_YEAR: jaarcode asked from the official source (2023)
 * @param tileUrl            ZORGBEELD_TILE_URL: online background tiles; empty (off) by default
 * @param tileAttribution    ZORGBEELD_TILE_ATTRIBUTION: attribution shown with those tiles
 * @param staleMinutes       ZORGBEELD_STALE_MINUTES: a theme of an active incident not updated for longer
 *                           than this is flagged stale (10, the norm for processing new information)
 * @param statusStaleMinutes ZORGBEELD_STATUS_STALE_MINUTES: an institution's status report older than this is
 *                           flagged stale while an active incident concerns the institution (60)
 * @param live               ZORGBEELD_LIVE_*: heartbeats, buffers, limits and replay of the live streams
 * @param auth               the security settings (ZORGBEELD_MODE, ZORGBEELD_PUBLIC_URL, ...; see {@link AuthSettings})
 */
public record Config(String databaseUrl, int port, Path dataDir, URI officialSourceUrl, int boundaryYear,
                     String tileUrl, String tileAttribution, int staleMinutes, int statusStaleMinutes, LiveConfig live,
                     AuthSettings auth) {

    public static final String DEFAULT_OFFICIAL_SOURCE = "https://api.pdok.nl/cbs/gebiedsindelingen/ogc/v1";

    public static final int DEFAULT_STALE_MINUTES = 10;

    public static final int DEFAULT_STATUS_STALE_MINUTES = 60;

    /** A configuration with the default stale norms, live settings and the development security settings. */
    public Config(String databaseUrl, int port, Path dataDir, URI officialSourceUrl, int boundaryYear,
                  String tileUrl, String tileAttribution) {
        this(databaseUrl, port, dataDir, officialSourceUrl, boundaryYear, tileUrl, tileAttribution, DEFAULT_STALE_MINUTES,
                DEFAULT_STATUS_STALE_MINUTES, LiveConfig.DEFAULTS, AuthSettings.defaults());
    }

    public static Config fromEnvironment(Map<String, String> env) {
        String db = env.get("DATABASE_URL");
        if (db == null || db.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is not set (./zorgbeeld run sets it for you)");
        }
        String data = env.getOrDefault("ZORGBEELD_DATA", "");
        return new Config(db,
                intValue(env, "ZORGBEELD_PORT", 8080),
                data.isBlank() ? null : Path.of(data),
                URI.create(env.getOrDefault("ZORGBEELD_OFFICIAL_SOURCE", DEFAULT_OFFICIAL_SOURCE)),
                intValue(env, "ZORGBEELD_BOUNDARY_YEAR", 2023),
                env.getOrDefault("ZORGBEELD_TILE_URL", ""),
                env.getOrDefault("ZORGBEELD_TILE_ATTRIBUTION", "Kaartgegevens &copy; Kadaster (PDOK)"),
                minutes(env, "ZORGBEELD_STALE_MINUTES", DEFAULT_STALE_MINUTES),
                minutes(env, "ZORGBEELD_STATUS_STALE_MINUTES", DEFAULT_STATUS_STALE_MINUTES),
                LiveConfig.fromEnvironment(env),
                AuthSettings.fromEnvironment(env));
    }

    private static int minutes(Map<String, String> env, String name, int fallback) {
        int minutes = intValue(env, name, fallback);
        if (minutes < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + minutes);
        }
        return minutes;
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
