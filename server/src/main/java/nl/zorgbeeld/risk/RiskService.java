package nl.zorgbeeld.risk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.zorgbeeld.auth.AuditLog;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.db.Transactions;

/**
 * The Veiligheidsbeeld of a safety region: per theme the threat level now (or at a moment) and the
 * assessments for the weeks ahead, kept by the region's Hoofd Informatie (the route's access rule).
 * An assessment is never changed: a newer one for the same period supersedes it, and all stay in
 * the history and the audit trail.
 */
public final class RiskService {
    private final Transactions tx;
    private final RiskStore store;
    private final Clock clock;

    public RiskService(Transactions tx, RiskStore store, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.clock = clock;
    }

    /** The dashboard: a tile per theme (the standard ones always, then the region's own), and the highest current level. */
    public record Dashboard(String regionCode, String regionName, OffsetDateTime at, OffsetDateTime evaluatedAt, ThreatLevel highestLevel,
                            List<Tile> tiles) {}

    /** A theme's tile: the assessment valid at the moment (null: none) and those starting later. */
    public record Tile(String theme, String label, boolean standard, RiskAssessment current, List<RiskAssessment> ahead) {}

    /** A new assessment as asked for; {@code validFrom} null means now. */
    public record NewAssessment(String theme, ThreatLevel level, String explanation, String source, OffsetDateTime validFrom,
                                OffsetDateTime validUntil) {}

    public Dashboard dashboard(String region, OffsetDateTime requested) {
        OffsetDateTime now = now();
        OffsetDateTime at = requested == null ? null : requested.truncatedTo(ChronoUnit.MICROS);
        if (at != null && at.isAfter(now)) {
            throw ApiException.badParameter("at", "at (" + at + ") is in the future; the weeks ahead are in each tile's 'ahead'");
        }
        OffsetDateTime moment = at == null ? now : at;
        return tx.run(c -> {
            List<RiskAssessment> standing = store.standing(c, region, moment);
            Map<String, Tile> tiles = new LinkedHashMap<>();
            for (RiskTheme theme : RiskTheme.values()) tiles.put(theme.code(), tile(theme.code(), standing, moment));
            for (RiskAssessment a : standing) tiles.computeIfAbsent(a.theme(), t -> tile(t, standing, moment));
            ThreatLevel highest = tiles.values().stream().filter(t -> t.current() != null).map(t -> t.current().level())
                    .max(Comparator.naturalOrder()).orElse(null);
            return new Dashboard(region.toUpperCase(Locale.ROOT), store.regionName(c, region).orElse(null), at, moment, highest,
                    new ArrayList<>(tiles.values()));
        });
    }

    public List<RiskAssessment> history(String region, String theme) {
        return tx.run(c -> store.history(c, region, theme == null ? null : normalTheme(theme)));
    }

    public RiskAssessment assess(String region, NewAssessment a, Actor actor) {
        OffsetDateTime now = now();
        OffsetDateTime from = a.validFrom() == null ? now : a.validFrom();
        if (!a.validUntil().isAfter(now)) {
            throw ApiException.badBody("validUntil", "validUntil (" + a.validUntil() + ") is in the past; an assessment must still be valid");
        }
        if (!a.validUntil().isAfter(from)) {
            throw ApiException.badBody("validUntil", "validUntil (" + a.validUntil() + ") must be after validFrom (" + from + ")");
        }
        String theme = normalTheme(a.theme());
        return tx.run(c -> {
            long id = store.insert(c, region.toUpperCase(Locale.ROOT), theme, a.level(), a.explanation(), a.source(), from, a.validUntil(), actor);
            RiskAssessment stored = store.find(c, id).orElseThrow();
            AuditLog.record(c, new AuditLog.Entry(actor, "risk.assessed", "risk", path(region) + "/" + id, null, null, stored));
            return stored;
        });
    }

    /** A standard theme by its code or its label ("Extreem weer" is extreem-weer); an own theme as written. */
    static String normalTheme(String theme) {
        for (RiskTheme t : RiskTheme.values()) {
            if (t.code().equalsIgnoreCase(theme) || t.label().equalsIgnoreCase(theme)) return t.code();
        }
        return theme;
    }

    private static Tile tile(String theme, List<RiskAssessment> standing, OffsetDateTime at) {
        RiskAssessment current = null;
        Map<OffsetDateTime, RiskAssessment> ahead = new LinkedHashMap<>();
        // Latest recorded first: the first that covers the moment is the current one, the first per start the one ahead.
        for (RiskAssessment a : standing) {
            if (!a.theme().equals(theme)) continue;
            if (!a.validFrom().isAfter(at)) {
                if (current == null) current = a;
            } else {
                ahead.putIfAbsent(a.validFrom(), a);
            }
        }
        List<RiskAssessment> later = new ArrayList<>(ahead.values());
        later.sort(Comparator.comparing(RiskAssessment::validFrom));
        Optional<RiskTheme> standard = Coded.find(RiskTheme.class, theme);
        return new Tile(theme, standard.map(RiskTheme::label).orElse(theme), standard.isPresent(), current, later);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String path(String region) {
        return "/api/regions/" + region.toUpperCase(Locale.ROOT) + "/risk";
    }
}
