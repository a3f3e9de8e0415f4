package nl.zorgbeeld.picture;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.Actors;
import nl.zorgbeeld.http.Etags;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;
import nl.zorgbeeld.picture.TemplateService.NewTheme;

/** HTTP for templates: list, read, create, and add, rename and reorder themes. */
public final class TemplateHandler {
    private static final Set<String> THEME_FIELDS = Set.of("name", "required");
    private static final int MAX_THEMES = 50;

    private final TemplateService service;

    public TemplateHandler(TemplateService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/templates", this::list);
        routes.post("/api/templates", this::create);
        routes.get("/api/templates/{templateId}", this::get);
        routes.post("/api/templates/{templateId}/themes", this::addTheme);
        routes.patch("/api/templates/{templateId}/themes/{themeId}", this::updateTheme);
        routes.put("/api/templates/{templateId}/theme-order", this::reorder);
    }

    private void list(Context ctx) {
        new QueryParams(ctx, Set.of());
        ctx.json(Map.of("templates", service.all()));
    }

    private void get(Context ctx) {
        new QueryParams(ctx, Set.of());
        respond(ctx, service.get(templateId(ctx)));
    }

    private void create(Context ctx) {
        Actor actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, Set.of("name", "themes"));
        String name = body.requiredText("name", Limits.THEME_NAME);
        List<NewTheme> themes = themes(body);
        Template template = service.create(name, themes, actor);
        ctx.status(201).header("Location", TemplateService.path(template.id()));
        respond(ctx, template);
    }

    private void addTheme(Context ctx) {
        long templateId = templateId(ctx);
        Actor actor = Actors.require(ctx);
        JsonBody body = JsonBody.of(ctx, THEME_FIELDS);
        NewTheme theme = new NewTheme(body.requiredText("name", Limits.THEME_NAME), Optional.ofNullable(body.bool("required")).orElse(false));
        ctx.status(201);
        respond(ctx, service.addTheme(templateId, theme, actor));
    }

    private void updateTheme(Context ctx) {
        long templateId = templateId(ctx);
        long themeId = PathParams.id(ctx, "themeId", "theme");
        Actor actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        JsonBody body = JsonBody.of(ctx, THEME_FIELDS);
        String name = body.has("name") ? body.requiredText("name", Limits.THEME_NAME) : null;
        Boolean required = body.has("required") ? body.required("required", body.bool("required")) : null;
        respond(ctx, service.updateTheme(templateId, themeId, ifMatch, name, required, actor));
    }

    private void reorder(Context ctx) {
        long templateId = templateId(ctx);
        Actor actor = Actors.require(ctx);
        Etags.IfMatch ifMatch = Etags.require(ctx);
        JsonBody body = JsonBody.of(ctx, Set.of("themeIds"));
        respond(ctx, service.reorder(templateId, ifMatch, body.required("themeIds", body.longList("themeIds")), actor));
    }

    /** The themes of a new template: [{name, required?}], at least one. */
    private static List<NewTheme> themes(JsonBody body) {
        List<JsonBody> items = body.required("themes", body.objects("themes", THEME_FIELDS));
        if (items.isEmpty() || items.size() > MAX_THEMES) {
            throw ApiException.badBody("themes", "A template needs 1 to " + MAX_THEMES + " themes");
        }
        List<NewTheme> themes = new ArrayList<>();
        for (JsonBody item : items) {
            themes.add(new NewTheme(item.requiredText("name", Limits.THEME_NAME), Optional.ofNullable(item.bool("required")).orElse(false)));
        }
        return themes;
    }

    private static void respond(Context ctx, Template template) {
        Etags.set(ctx, template.version());
        ctx.json(template);
    }

    private static long templateId(Context ctx) {
        return PathParams.id(ctx, "templateId", "template");
    }
}
