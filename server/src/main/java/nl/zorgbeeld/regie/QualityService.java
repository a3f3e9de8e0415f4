package nl.zorgbeeld.regie;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentStatus;
import nl.zorgbeeld.incident.IncidentType;
import nl.zorgbeeld.picture.Bullet;
import nl.zorgbeeld.picture.CasualtyCount;
import nl.zorgbeeld.picture.Decision;
import nl.zorgbeeld.picture.DecisionStatus;
import nl.zorgbeeld.picture.Freshness;
import nl.zorgbeeld.picture.PictureKind;
import nl.zorgbeeld.picture.PictureService;
import nl.zorgbeeld.picture.PictureView;
import nl.zorgbeeld.picture.Question;
import nl.zorgbeeld.picture.QuestionStatus;

/**
 * The picture's quality, computed live from what is stored (docs/api/quality.md says how each figure
 * is derived and what the data cannot tell): per incident, against the norms of the Besluit
 * veiligheidsregio's, named after the topics of the Staat van Netcentrisch Werken; and per theme.
 * Every figure can be asked for an earlier moment ({@code at}), judged as it stood then.
 */
public final class QualityService {
    /** The norm for processing new information into the picture, in minutes. */
    static final int PROCESSING_MINUTES = 10;
    /** Sources that name none: a bullet with one of these is not traceable. */
    static final Set<String> NO_SOURCE = Set.of("onbekend", "unknown", "?", "-", "--", "n.v.t.", "nvt", "geen", "x");

    private final Transactions tx;
    private final PictureService pictures;
    private final CheckStore checks;
    private final QualityStore store;

    public QualityService(Transactions tx, PictureService pictures, CheckStore checks, QualityStore store) {
        this.tx = tx;
        this.pictures = pictures;
        this.checks = checks;
        this.store = store;
    }

    /** The quality report: the indicators and, per theme, its figures. */
    public record Report(long incidentId, String incidentTitle, OffsetDateTime at, OffsetDateTime evaluatedAt, List<Indicator> indicators,
                         List<ThemeQuality> themes) {}

    /** One theme of one picture. */
    public record ThemeQuality(long pictureId, PictureKind pictureKind, String pictureOrganisation, long themeId, String name,
                               boolean required, OffsetDateTime firstWrittenAt, Double minutesToFirst, OffsetDateTime lastChangedAt,
                               boolean stale, boolean empty, int bullets, int withSource, int validated, int openChecks) {}

    public Report report(long incidentId, OffsetDateTime at) {
        PictureView view = pictures.view(incidentId, at);
        OffsetDateTime moment = view.evaluatedAt();
        return tx.run(c -> {
            List<QualityStore.FirstWritten> first = store.firstWritten(c, incidentId, moment);
            List<QualityStore.MapElement> elements = store.elements(c, incidentId, moment);
            QualityStore.RegieState regie = store.regie(c, incidentId, moment).orElse(null);
            List<RegieCheck> open = checks.forIncident(c, incidentId, at == null ? null : moment, true);
            return build(view, moment, first, elements, regie, open);
        });
    }

    private Report build(PictureView view, OffsetDateTime moment, List<QualityStore.FirstWritten> first,
                         List<QualityStore.MapElement> elements, QualityStore.RegieState regie, List<RegieCheck> open) {
        Incident incident = view.incident();
        Map<String, OffsetDateTime> firstByTheme = new HashMap<>();
        for (QualityStore.FirstWritten f : first) firstByTheme.put(f.pictureId() + "/" + f.themeId(), f.at());
        Map<String, Integer> openByTheme = new HashMap<>();
        for (RegieCheck check : open) {
            if (check.themeId() != null) openByTheme.merge(check.pictureId() + "/" + check.themeId(), 1, Integer::sum);
        }
        OffsetDateTime scaledUpAt = incident.state().scaledUpAt();
        List<ThemeQuality> themes = new ArrayList<>();
        List<Bullet> bullets = new ArrayList<>();
        for (PictureView.Section section : view.pictures()) {
            for (PictureView.ThemeSection t : section.themes()) {
                String key = section.picture().id() + "/" + t.id();
                OffsetDateTime firstAt = firstByTheme.get(key);
                themes.add(new ThemeQuality(section.picture().id(), section.picture().kind(), section.picture().organisation(), t.id(), t.name(),
                        t.required(), firstAt, firstAt == null ? null : minutes(scaledUpAt, firstAt), t.freshness().lastChangedAt(),
                        t.freshness().stale(), t.freshness().empty(), t.bullets().size(),
                        (int) t.bullets().stream().filter(b -> hasSource(b.content().source())).count(),
                        (int) t.bullets().stream().filter(b -> b.content().certainty() == Certainty.GEVALIDEERD).count(),
                        openByTheme.getOrDefault(key, 0)));
                bullets.addAll(t.bullets());
            }
        }
        List<CasualtyCount> counts = view.pictures().stream().flatMap(s -> s.casualties().course().stream()).toList();
        List<Indicator> indicators = List.of(
                firstDescription(view, themes),
                processing(counts, elements),
                upToDate(incident, themes),
                sources(bullets, elements, counts),
                validated(bullets, elements, counts),
                regie(regie),
                questions(view.questions()),
                overdueActions(view.decisions(), moment),
                decisions(view.decisions()),
                onTheMap(incident, themes, elements),
                openChecks(open));
        return new Report(incident.id(), incident.state().title(), view.at(), moment, indicators, themes);
    }

    private static Indicator firstDescription(PictureView view, List<ThemeQuality> themes) {
        Freshness.FirstDescription fd = view.firstDescription();
        List<Map<String, Object>> items = new ArrayList<>();
        for (ThemeQuality t : themes) {
            if (t.pictureKind() != PictureKind.GENEESKUNDIG || !t.required()) continue;
            items.add(item("theme", themePath(t), t.name(), "firstWrittenAt", t.firstWrittenAt(), "minutes", t.minutesToFirst(),
                    "meetsNorm", t.minutesToFirst() == null ? null : t.minutesToFirst() <= Freshness.FIRST_DESCRIPTION_MINUTES));
        }
        Double value = fd == null ? null : round(fd.durationSeconds() / 60.0);
        // Incomplete but still within the norm: not decided yet.
        Boolean meets = null;
        if (fd != null && (fd.complete() || fd.overdue())) meets = fd.complete() && !fd.overdue();
        return new Indicator("eerste-beeld", "Eerste beeld binnen 5 minuten na het besluit tot opschaling",
                "Beeldvorming: is er tijdig een eerste, zo volledig mogelijk beeld?", value, "minutes", Freshness.FIRST_DESCRIPTION_MINUTES,
                "<=", meets, items);
    }

    private static Indicator processing(List<CasualtyCount> counts, List<QualityStore.MapElement> elements) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (CasualtyCount count : counts) {
            double m = minutes(count.countedAt(), count.recordedAt());
            items.add(item("entry", "casualties/" + count.id(), "Slachtoffertelling " + count.counts().total(), "reportedAt", count.countedAt(),
                    "processedAt", count.recordedAt(), "minutes", m, "meetsNorm", m <= PROCESSING_MINUTES));
        }
        for (QualityStore.MapElement e : elements) {
            OffsetDateTime measured = instant(e.measuredAt());
            if (measured == null) continue;
            double m = minutes(measured, e.firstDrawnAt());
            items.add(item("element", e.id(), label(e), "reportedAt", measured, "processedAt", e.firstDrawnAt(), "minutes", m,
                    "meetsNorm", m <= PROCESSING_MINUTES));
        }
        long within = items.stream().filter(i -> Boolean.TRUE.equals(i.get("meetsNorm"))).count();
        Double share = items.isEmpty() ? null : round((double) within / items.size());
        return new Indicator("verwerking-10-minuten", "Nieuwe informatie binnen 10 minuten verwerkt (waar het meldtijdstip bekend is)",
                "Beeldvorming: wordt nieuwe informatie binnen 10 minuten in het beeld verwerkt?", share, "share", 1.0, ">=",
                share == null ? null : share >= 1.0, items);
    }

    private static Indicator upToDate(Incident incident, List<ThemeQuality> themes) {
        boolean active = incident.state().status() == IncidentStatus.ACTIEF;
        List<ThemeQuality> filled = themes.stream().filter(t -> !t.empty()).toList();
        List<Map<String, Object>> items = new ArrayList<>();
        for (ThemeQuality t : filled) {
            if (t.stale()) items.add(item("theme", themePath(t), t.name(), "lastChangedAt", t.lastChangedAt(), "stale", true));
        }
        Double share = filled.isEmpty() ? null : round((double) (filled.size() - items.size()) / filled.size());
        return new Indicator("actuele-themas", "Thema's met inhoud die de laatste 10 minuten zijn bijgewerkt (actief incident)",
                "Beeldvorming: is het beeld actueel, zijn verouderde thema's bijgewerkt?", share, "share", 1.0, ">=",
                share == null || !active ? null : share >= 1.0, items);
    }

    private static Indicator sources(List<Bullet> bullets, List<QualityStore.MapElement> elements, List<CasualtyCount> counts) {
        List<Map<String, Object>> items = new ArrayList<>();
        int total = bullets.size() + elements.size() + counts.size();
        for (Bullet b : bullets) {
            if (!hasSource(b.content().source())) items.add(item("bullet", String.valueOf(b.id()), b.content().text(), "source", b.content().source()));
        }
        for (QualityStore.MapElement e : elements) {
            if (!hasSource(e.source())) items.add(item("element", e.id(), label(e), "source", e.source()));
        }
        for (CasualtyCount c : counts) {
            if (!hasSource(c.source())) items.add(item("entry", "casualties/" + c.id(), "Slachtoffertelling", "source", c.source()));
        }
        Double share = total == 0 ? null : round((double) (total - items.size()) / total);
        return new Indicator("bronvermelding", "Informatie met een bron", "Informatiemanagement: is alle informatie herleidbaar tot de bron?",
                share, "share", 1.0, ">=", share == null ? null : share >= 1.0, items);
    }

    private static Indicator validated(List<Bullet> bullets, List<QualityStore.MapElement> elements, List<CasualtyCount> counts) {
        List<Map<String, Object>> items = new ArrayList<>();
        int total = bullets.size() + elements.size() + counts.size();
        for (Bullet b : bullets) {
            if (b.content().certainty() != Certainty.GEVALIDEERD) {
                items.add(item("bullet", String.valueOf(b.id()), b.content().text(), "certainty", b.content().certainty().code()));
            }
        }
        for (QualityStore.MapElement e : elements) {
            if (!Certainty.GEVALIDEERD.code().equals(e.certainty())) items.add(item("element", e.id(), label(e), "certainty", e.certainty()));
        }
        for (CasualtyCount c : counts) {
            if (c.certainty() != Certainty.GEVALIDEERD) items.add(item("entry", "casualties/" + c.id(), "Slachtoffertelling", "certainty",
                    c.certainty().code()));
        }
        Double share = total == 0 ? null : round((double) (total - items.size()) / total);
        return new Indicator("gevalideerd", "Gevalideerde informatie (de rest is gemarkeerd als aanname, vermoeden, gerucht of mening)",
                "Informatiemanagement: is informatie gevalideerd of expliciet als onzeker gemarkeerd?", share, "share", null, null, null, items);
    }

    private static Indicator regie(QualityStore.RegieState regie) {
        boolean set = regie != null && !regie.person().isBlank() && !regie.organisation().isBlank();
        boolean acknowledged = set && regie.actedAt() != null;
        List<Map<String, Object>> items = new ArrayList<>();
        if (regie != null) {
            items.add(item("regie", null, regie.person() + " (" + regie.organisation() + ")", "since", regie.since(), "isUser", regie.isUser(),
                    "acknowledgedAt", regie.actedAt()));
        }
        return new Indicator("regie", "Regie over het beeld belegd en bevestigd door de houder",
                "Regie: is altijd duidelijk wie de regie over het beeld heeft?", acknowledged, "boolean", true, "=", acknowledged, items);
    }

    private static Indicator questions(List<Question> questions) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Question q : questions) {
            if (q.content().status() != QuestionStatus.OPEN) continue;
            items.add(item("entry", "questions/" + q.id(), q.content().question(), "owner", q.content().addressee(), "askedAt", q.createdAt()));
        }
        return new Indicator("open-informatievragen", "Open informatievragen (elk met een eigenaar)",
                "Informatiemanagement: worden informatievragen belegd en beantwoord?", items.size(), "count", null, null, null, items);
    }

    private static Indicator overdueActions(List<Decision> decisions, OffsetDateTime moment) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Decision d : decisions) {
            DecisionStatus status = d.content().status();
            boolean open = status == DecisionStatus.OPEN || status == DecisionStatus.IN_UITVOERING;
            if (open && d.content().deadline() != null && d.content().deadline().isBefore(moment)) {
                items.add(item("entry", "decisions/" + d.id(), d.content().description(), "owner", d.content().owner(), "deadline",
                        d.content().deadline()));
            }
        }
        return new Indicator("acties-over-termijn", "Open besluiten en acties voorbij hun termijn",
                "Informatiemanagement: worden acties binnen de afgesproken termijn afgehandeld?", items.size(), "count", 0, "<=",
                items.isEmpty(), items);
    }

    private static Indicator decisions(List<Decision> decisions) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Decision d : decisions) {
            items.add(item("entry", "decisions/" + d.id(), d.content().description(), "kind", d.content().kind().code(), "status",
                    d.content().status().code()));
        }
        return new Indicator("besluiten-acties", "Vastgelegde besluiten en acties",
                "Beeldvorming: zijn besluiten en acties in het beeld verwerkt?", items.size(), "count", null, null, null, items);
    }

    private static Indicator onTheMap(Incident incident, List<ThemeQuality> themes, List<QualityStore.MapElement> elements) {
        List<String> expected = new ArrayList<>(List.of("incidentlocatie", "incidentgebied"));
        boolean hazard = incident.state().type() == IncidentType.GEVAARLIJKE_STOFFEN || themes.stream()
                .anyMatch(t -> t.pictureKind() == PictureKind.GENEESKUNDIG && t.name().equalsIgnoreCase("Gevaarlijke stoffen") && !t.empty());
        if (hazard) expected.add("effectgebied");
        List<Map<String, Object>> items = new ArrayList<>();
        int present = 0;
        for (String kind : expected) {
            boolean there = elements.stream().anyMatch(e -> e.kind().equals(kind));
            if (there) present++;
            items.add(item("element-kind", kind, kind, "present", there));
        }
        double share = round((double) present / expected.size());
        return new Indicator("geo-op-kaart", "Geo-informatie op de kaart (incidentlocatie, incidentgebied, effectgebied bij gevaarlijke stoffen)",
                "Beeldvorming: staat plaatsgebonden informatie in het geografische beeld?", share, "share", 1.0, ">=", share >= 1.0, items);
    }

    private static Indicator openChecks(List<RegieCheck> open) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (RegieCheck check : open) {
            items.add(item(check.target().type().code(), check.target().id(), check.kind().label() + ": " + check.note(), "check", check.id(),
                    "author", check.targetAuthor().author()));
        }
        return new Indicator("open-regiechecks", "Open regiechecks (tegenstrijdig, onjuist, onvolledig, onduidelijk)",
                "Regie: worden tegenstrijdigheden en fouten in het beeld opgelost?", open.size(), "count", 0, "<=", open.isEmpty(), items);
    }

    private static Map<String, Object> item(String type, String id, String label, Object... more) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put("id", id);
        item.put("label", label);
        for (int i = 0; i < more.length; i += 2) item.put((String) more[i], more[i + 1]);
        return item;
    }

    /** A theme as "pictureId/themeId", the way the picture view nests it. */
    private static String themePath(ThemeQuality t) {
        return t.pictureId() + "/" + t.themeId();
    }

    private static String label(QualityStore.MapElement e) {
        return e.label() == null ? e.kind() : e.kind() + ": " + e.label();
    }

    static boolean hasSource(String source) {
        return source != null && !source.isBlank() && !NO_SOURCE.contains(source.strip().toLowerCase(Locale.ROOT));
    }

    private static double minutes(OffsetDateTime from, OffsetDateTime to) {
        return round(Math.max(0, Duration.between(from, to).toMillis()) / 60_000.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static OffsetDateTime instant(String text) {
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
