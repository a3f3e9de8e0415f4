package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.IncidentStatus;
import nl.zorgbeeld.incident.Regie;
import nl.zorgbeeld.picture.PictureView.Casualties;
import nl.zorgbeeld.picture.PictureView.Section;
import nl.zorgbeeld.picture.PictureView.ThemeSection;

/**
 * The pictures of an incident: the own pictures institutions add, and the whole picture as it is now
 * or was at an earlier moment, with its freshness.
 */
public final class PictureService {
    private final Transactions tx;
    private final IncidentService incidents;
    private final PictureFactory factory;
    private final PictureStore pictures;
    private final TemplateStore templates;
    private final BulletStore bullets;
    private final CasualtyStore casualties;
    private final QuestionStore questions;
    private final DecisionStore decisions;
    private final SummaryStore summaries;
    private final Freshness freshness;
    private final Clock clock;

    public PictureService(Transactions tx, IncidentService incidents, PictureFactory factory, PictureStores stores,
                          Freshness freshness, Clock clock) {
        this.tx = tx;
        this.incidents = incidents;
        this.factory = factory;
        this.pictures = stores.pictures();
        this.templates = stores.templates();
        this.bullets = stores.bullets();
        this.casualties = stores.casualties();
        this.questions = stores.questions();
        this.decisions = stores.decisions();
        this.summaries = stores.summaries();
        this.freshness = freshness;
        this.clock = clock;
    }

    /**
     * Adds an institution's own picture. With an institution id from the reference layer the name
     * comes from there unless {@code organisation} is given; without one, {@code organisation} names
     * it. {@code templateId} null means the default template for own pictures.
     */
    public Picture addOwnPicture(long incidentId, String institutionId, String organisation, Long templateId, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            String name = organisation;
            if (institutionId != null) {
                String registered = pictures.institutionName(c, institutionId).orElseThrow(() -> ApiException.badBody("institutionId",
                        "There is no care institution '" + institutionId + "' in the reference layer"));
                if (name == null) name = registered;
            }
            if (name == null) {
                throw ApiException.badBody("organisation", "An own picture needs an institutionId or an organisation name");
            }
            if (pictures.ownPictureExists(c, incidentId, institutionId, name)) {
                throw ApiException.conflict("organisation", "Incident " + incidentId + " already has an own picture of " + name);
            }
            long template = templateId == null ? factory.defaultTemplate(c, PictureKind.EIGEN) : templates.find(c, templateId)
                    .orElseThrow(() -> ApiException.badBody("templateId", "There is no template " + templateId)).id();
            return factory.add(c, incidentId, PictureKind.EIGEN, template, name, institutionId, actor);
        });
    }

    /** The incident's pictures, without their content. */
    public List<Picture> pictures(long incidentId) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, null);
            return pictures.forIncident(c, incidentId, null);
        });
    }

    public Picture picture(long incidentId, long pictureId) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, null);
            return pictures.find(c, pictureId).filter(p -> p.incidentId() == incidentId)
                    .orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no picture " + pictureId));
        });
    }

    /** The incident's whole picture at {@code at}, or now when null. */
    public PictureView view(long incidentId, OffsetDateTime requested) {
        // Microseconds, as the database stores times: a moment read from a response is asked for exactly.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = requested == null ? null : requested.truncatedTo(ChronoUnit.MICROS);
        if (at != null && at.isAfter(now)) {
            throw ApiException.badParameter("at", "at (" + at + ") is in the future; the picture can only be shown as it is or was");
        }
        return tx.run(c -> assemble(c, incidents.asOf(c, incidentId, at), at, at == null ? now : at));
    }

    public FreshnessReport freshness(long incidentId, OffsetDateTime at) {
        return FreshnessReport.of(view(incidentId, at));
    }

    private PictureView assemble(Connection c, Incident incident, OffsetDateTime at, OffsetDateTime evaluatedAt) throws SQLException {
        Contents contents = load(c, incident.id(), at);
        boolean active = incident.state().status() == IncidentStatus.ACTIEF;
        List<Section> sections = contents.pictures().stream()
                .map(p -> section(p, contents, incident.state().scaledUpAt(), active, evaluatedAt)).toList();
        Freshness.FirstDescription medical = sections.stream().filter(s -> s.picture().kind() == PictureKind.GENEESKUNDIG)
                .map(Section::firstDescription).findFirst().orElse(null);
        Regie regie = incident.state().regie();
        return new PictureView(incident, summaries.isUser(c, regie.person(), regie.organisation()), at, evaluatedAt, freshness.norms(), medical, sections,
                questions.asOf(c, incident.id(), at), decisions.asOf(c, incident.id(), at));
    }

    /** Everything in an incident's pictures at a moment, grouped per picture (and per theme where it has one). */
    private record Contents(List<Picture> pictures, Map<Long, List<Theme>> themesByTemplate, Map<Long, String> templateNames,
                            Map<Long, List<Bullet>> bulletsByPicture, Map<Long, Map<Long, ThemeActivity>> activityByPicture,
                            Map<Long, List<CasualtyCount>> countsByPicture, Map<Long, Summary> summaries) {}

    private Contents load(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        List<Picture> all = pictures.forIncident(c, incidentId, at);
        List<Long> templateIds = all.stream().map(Picture::templateId).distinct().toList();
        Map<Long, String> templateNames = new HashMap<>();
        for (long templateId : templateIds) templateNames.put(templateId, templates.find(c, templateId).orElseThrow().name());
        Map<Long, Map<Long, ThemeActivity>> activity = new HashMap<>();
        for (ThemeActivity a : bullets.activity(c, incidentId, at)) {
            activity.computeIfAbsent(a.pictureId(), k -> new HashMap<>()).put(a.themeId(), a);
        }
        return new Contents(all, templates.themesAsOf(c, templateIds, at), templateNames,
                bullets.asOf(c, incidentId, at).stream().collect(Collectors.groupingBy(Bullet::pictureId)), activity,
                casualties.asOf(c, incidentId, at).stream().collect(Collectors.groupingBy(CasualtyCount::pictureId)),
                summaries.forIncident(c, incidentId, at));
    }

    private Section section(Picture p, Contents contents, OffsetDateTime scaledUpAt, boolean active, OffsetDateTime evaluatedAt) {
        List<Theme> themes = contents.themesByTemplate().getOrDefault(p.templateId(), List.of());
        Map<Long, ThemeActivity> activity = contents.activityByPicture().getOrDefault(p.id(), Map.of());
        Map<Long, List<Bullet>> byTheme = contents.bulletsByPicture().getOrDefault(p.id(), List.of()).stream()
                .collect(Collectors.groupingBy(b -> b.content().themeId()));
        List<ThemeSection> themeSections = themes.stream().map(t -> {
            List<Bullet> inTheme = byTheme.getOrDefault(t.id(), List.of());
            return new ThemeSection(t.id(), t.name(), t.position(), t.required(),
                    freshness.theme(activity.get(t.id()), inTheme.size(), active, evaluatedAt), inTheme);
        }).toList();
        List<CasualtyCount> course = contents.countsByPicture().getOrDefault(p.id(), List.of());
        Summary summary = p.kind() == PictureKind.EIGEN ? null
                : contents.summaries().getOrDefault(p.id(), Summary.none(p.id(), p.incidentId()));
        return new Section(p, summary, contents.templateNames().get(p.templateId()),
                freshness.firstDescription(scaledUpAt, themes, activity, evaluatedAt), themeSections,
                new Casualties(course.isEmpty() ? null : course.get(course.size() - 1), course));
    }

    static String path(long incidentId, long pictureId) {
        return IncidentService.path(incidentId) + "/pictures/" + pictureId;
    }
}
