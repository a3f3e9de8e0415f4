package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Changes;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.ChangeLog;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * Managing templates: new templates, and adding, renaming and reordering their themes. Themes are
 * never removed (bullets refer to them). Every change raises the template's version, which is the
 * ETag that renames and reorders must name, and writes new theme versions so that pictures of the
 * past keep the names and order they had.
 */
public final class TemplateService {
    private final Transactions tx;
    private final TemplateStore templates;
    private final ChangeLog log;

    public TemplateService(Transactions tx, TemplateStore templates, ChangeLog log) {
        this.tx = tx;
        this.templates = templates;
        this.log = log;
    }

    /** A new theme: its name and whether it is part of the first complete description. */
    public record NewTheme(String name, boolean required) {}

    public List<Template> all() {
        return tx.run(templates::all);
    }

    public Template get(long id) {
        return tx.run(c -> require(c, id));
    }

    public Template create(String name, List<NewTheme> themes, Actor actor) {
        requireDistinct("themes", themes.stream().map(NewTheme::name).toList());
        return tx.run(c -> {
            if (templates.nameTaken(c, name)) {
                throw ApiException.conflict("name", "There is already a template called " + name);
            }
            long id = templates.insertTemplate(c, name);
            int position = 1;
            for (NewTheme theme : themes) {
                long themeId = templates.insertTheme(c, id);
                templates.insertThemeVersion(c, new Theme(themeId, id, theme.name(), position++, theme.required(), 1), actor);
            }
            record(c, id, "template.created", 1, name, null, actor);
            return require(c, id);
        });
    }

    /** Adds a theme at the end of the template. */
    public Template addTheme(long templateId, NewTheme theme, Actor actor) {
        return tx.run(c -> {
            Template current = lock(c, templateId);
            List<String> names = new ArrayList<>(current.themes().stream().map(Theme::name).toList());
            names.add(theme.name());
            requireDistinct("name", names);
            long themeId = templates.insertTheme(c, templateId);
            templates.insertThemeVersion(c, new Theme(themeId, templateId, theme.name(), current.themes().size() + 1,
                    theme.required(), 1), actor);
            return bump(c, current, "template.theme-added", theme.name(), null, actor);
        });
    }

    /** Renames a theme and/or changes whether it is required; {@code name} and {@code required} may be null. */
    public Template updateTheme(long templateId, long themeId, IfMatch ifMatch, String name, Boolean required, Actor actor) {
        return tx.run(c -> {
            Template current = lock(c, templateId);
            checkVersion(current, ifMatch);
            Theme theme = current.themes().stream().filter(t -> t.id() == themeId).findFirst()
                    .orElseThrow(() -> ApiException.notFound("Template " + templateId + " has no theme " + themeId));
            Theme next = new Theme(themeId, templateId, name != null ? name : theme.name(), theme.position(),
                    required != null ? required : theme.required(), theme.version() + 1);
            Changes changes = new Changes().compare("name", theme.name(), next.name()).compare("required", theme.required(), next.required());
            if (changes.isEmpty()) return current;
            if (!next.name().equalsIgnoreCase(theme.name())) {
                requireDistinct("name", current.themes().stream().map(t -> t.id() == themeId ? next.name() : t.name()).toList());
            }
            templates.insertThemeVersion(c, next, actor);
            return bump(c, current, "template.theme-updated", next.name(), changes, actor);
        });
    }

    /** Puts the themes in the given order; {@code themeIds} must name every theme of the template once. */
    public Template reorder(long templateId, IfMatch ifMatch, List<Long> themeIds, Actor actor) {
        return tx.run(c -> {
            Template current = lock(c, templateId);
            checkVersion(current, ifMatch);
            Set<Long> expected = current.themes().stream().map(Theme::id).collect(Collectors.toSet());
            if (themeIds.size() != expected.size() || !new HashSet<>(themeIds).equals(expected)) {
                throw ApiException.badBody("themeIds", "themeIds must list every theme of template " + templateId + " exactly once: "
                        + current.themes().stream().map(t -> t.id() + " " + t.name()).collect(Collectors.joining(", ")));
            }
            Changes changes = new Changes();
            for (Theme theme : current.themes()) {
                int position = themeIds.indexOf(theme.id()) + 1;
                if (position != theme.position()) {
                    templates.insertThemeVersion(c, new Theme(theme.id(), templateId, theme.name(), position, theme.required(),
                            theme.version() + 1), actor);
                    changes.compare(theme.name(), theme.position(), position);
                }
            }
            if (changes.isEmpty()) return current;
            return bump(c, current, "template.themes-reordered", current.name(), changes, actor);
        });
    }

    private Template bump(Connection c, Template current, String action, String summary, Changes changes, Actor actor)
            throws SQLException {
        int version = current.version() + 1;
        templates.setTemplateVersion(c, current.id(), version);
        record(c, current.id(), action, version, summary, changes, actor);
        return require(c, current.id());
    }

    private void record(Connection c, long templateId, String action, int version, String summary, Changes changes, Actor actor)
            throws SQLException {
        log.record(c, new NewChangeEvent(null, templateId, action, path(templateId), version, summary,
                changes == null ? null : changes.fields(), actor));
    }

    private Template require(Connection c, long id) throws SQLException {
        return templates.find(c, id).orElseThrow(() -> unknown(id));
    }

    private Template lock(Connection c, long id) throws SQLException {
        return templates.lock(c, id).orElseThrow(() -> unknown(id));
    }

    private static void checkVersion(Template current, IfMatch ifMatch) {
        if (!ifMatch.matches(current.version())) {
            throw ApiException.preconditionFailed("Template " + current.id() + " was changed by someone else: it is at version "
                    + current.version() + ". Apply your change to the current version (in 'current') and send it again.", current);
        }
    }

    private static void requireDistinct(String where, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw ApiException.badBody(where, "The template would have two themes called " + name);
            }
        }
    }

    private static ApiException unknown(long id) {
        return ApiException.notFound("There is no template " + id);
    }

    static String path(long templateId) {
        return "/api/templates/" + templateId;
    }
}
