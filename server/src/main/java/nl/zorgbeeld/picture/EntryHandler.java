package nl.zorgbeeld.picture;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for the structured entries: casualty counts, information questions, decisions and actions. */
public final class EntryHandler {
    private static final Set<String> COUNT_FIELDS = Set.of("t1", "t2", "t3", "dead", "unknown");
    private static final Set<String> CASUALTY_FIELDS = Set.of("pictureId", "countedAt", "t1", "t2", "t3", "dead", "unknown", "source",
            "certainty");
    private static final Set<String> QUESTION_FIELDS = Set.of("question", "addressee", "status", "answer");
    private static final Set<String> DECISION_FIELDS = Set.of("kind", "description", "owner", "deadline", "status");

    private final EntryService service;

    public EntryHandler(EntryService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/incidents/{id}/casualties", this::addCasualtyCount);
        routes.get("/api/incidents/{id}/casualties", this::casualtyCounts);
        routes.post("/api/incidents/{id}/questions", this::askQuestion);
        routes.get("/api/incidents/{id}/questions", this::questions);
        routes.get("/api/incidents/{id}/questions/{questionId}", this::question);
        routes.patch("/api/incidents/{id}/questions/{questionId}", this::updateQuestion);
        routes.post("/api/incidents/{id}/decisions", this::addDecision);
        routes.get("/api/incidents/{id}/decisions", this::decisions);
        routes.get("/api/incidents/{id}/decisions/{decisionId}", this::decision);
        routes.patch("/api/incidents/{id}/decisions/{decisionId}", this::updateDecision);
    }

    private void addCasualtyCount(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        Actor actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, CASUALTY_FIELDS);
        if (COUNT_FIELDS.stream().noneMatch(body::has)) {
            throw ApiException.badBody("t1", "A casualty count needs at least one of t1, t2, t3, dead, unknown");
        }
        TriageCounts counts = new TriageCounts(count(body, "t1"), count(body, "t2"), count(body, "t3"), count(body, "dead"),
                count(body, "unknown"));
        NewCasualtyCount count = new NewCasualtyCount(body.longValue("pictureId"), body.instant("countedAt"), counts,
                body.requiredText("source", Limits.SOURCE), certainty(body));
        CasualtyCount stored = service.addCasualtyCount(incidentId, count, actor);
        ctx.status(201).json(stored);
    }

    /** The counts recorded by {@code at} (now when absent), in the order they were counted. */
    private void casualtyCounts(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        var counts = service.casualtyCounts(PictureHandler.incidentId(ctx), params.instant("at"));
        ctx.json(Map.of("counts", counts));
    }

    private void askQuestion(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        Actor actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, QUESTION_FIELDS);
        QuestionContent content = new QuestionContent(body.requiredText("question", Limits.TEXT),
                body.requiredText("addressee", Limits.NAME),
                Optional.ofNullable(body.code("status", QuestionStatus.class)).orElse(QuestionStatus.OPEN),
                body.text("answer", Limits.TEXT));
        Question question = service.askQuestion(incidentId, content, actor);
        Etags.set(ctx, question.version());
        ctx.status(201).header("Location", EntryService.questionPath(incidentId, question.id())).json(question);
    }

    private void questions(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        ctx.json(Map.of("questions", service.questions(PictureHandler.incidentId(ctx), params.instant("at"))));
    }

    private void question(Context ctx) {
        new QueryParams(ctx, Set.of());
        Question question = service.question(PictureHandler.incidentId(ctx), PathParams.id(ctx, "questionId", "information question"));
        Etags.set(ctx, question.version());
        ctx.json(question);
    }

    private void updateQuestion(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        long questionId = PathParams.id(ctx, "questionId", "information question");
        Actor actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        JsonBody body = JsonBody.of(ctx, QUESTION_FIELDS);
        QuestionPatch patch = new QuestionPatch(
                body.has("question") ? body.requiredText("question", Limits.TEXT) : null,
                body.has("addressee") ? body.requiredText("addressee", Limits.NAME) : null,
                body.has("status") ? body.required("status", body.code("status", QuestionStatus.class)) : null,
                body.has("answer") ? body.requiredText("answer", Limits.TEXT) : null);
        Question question = service.updateQuestion(incidentId, questionId, ifMatch, patch, actor);
        Etags.set(ctx, question.version());
        ctx.json(question);
    }

    private void addDecision(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        Actor actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, DECISION_FIELDS);
        DecisionContent content = new DecisionContent(body.required("kind", body.code("kind", DecisionKind.class)),
                body.requiredText("description", Limits.TEXT), body.requiredText("owner", Limits.NAME), body.instant("deadline"),
                Optional.ofNullable(body.code("status", DecisionStatus.class)).orElse(DecisionStatus.OPEN));
        Decision decision = service.addDecision(incidentId, content, actor);
        Etags.set(ctx, decision.version());
        ctx.status(201).header("Location", EntryService.decisionPath(incidentId, decision.id())).json(decision);
    }

    private void decisions(Context ctx) {
        QueryParams params = new QueryParams(ctx, Set.of("at"));
        ctx.json(Map.of("decisions", service.decisions(PictureHandler.incidentId(ctx), params.instant("at"))));
    }

    private void decision(Context ctx) {
        new QueryParams(ctx, Set.of());
        Decision decision = service.decision(PictureHandler.incidentId(ctx), PathParams.id(ctx, "decisionId", "decision"));
        Etags.set(ctx, decision.version());
        ctx.json(decision);
    }

    private void updateDecision(Context ctx) {
        long incidentId = PictureHandler.incidentId(ctx);
        long decisionId = PathParams.id(ctx, "decisionId", "decision");
        Actor actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        JsonBody body = JsonBody.of(ctx, DECISION_FIELDS);
        DecisionPatch patch = new DecisionPatch(
                body.has("kind") ? body.required("kind", body.code("kind", DecisionKind.class)) : null,
                body.has("description") ? body.requiredText("description", Limits.TEXT) : null,
                body.has("owner") ? body.requiredText("owner", Limits.NAME) : null,
                body.has("deadline") ? Optional.ofNullable(body.instant("deadline")) : null,
                body.has("status") ? body.required("status", body.code("status", DecisionStatus.class)) : null);
        Decision decision = service.updateDecision(incidentId, decisionId, ifMatch, patch, actor);
        Etags.set(ctx, decision.version());
        ctx.json(decision);
    }

    private static int count(JsonBody body, String name) {
        return Optional.ofNullable(body.integer(name, 0, Limits.COUNT)).orElse(0);
    }

    private static Certainty certainty(JsonBody body) {
        return Optional.ofNullable(body.code("certainty", Certainty.class)).orElse(Certainty.GEVALIDEERD);
    }
}
