package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;

/** SQL for templates and their themes (tables template, template_theme, template_theme_version). */
public final class TemplateStore {
    private static final String TEMPLATE = "SELECT id, name, default_for, version FROM template";

    public List<Template> all(Connection c) throws SQLException {
        List<Template> templates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TEMPLATE + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) templates.add(readTemplate(rs, List.of()));
        }
        Map<Long, List<Theme>> themes = themesAsOf(c, templates.stream().map(Template::id).toList(), null);
        return templates.stream().map(t -> withThemes(t, themes)).toList();
    }

    public Optional<Template> find(Connection c, long id) throws SQLException {
        return one(c, TEMPLATE + " WHERE id = ?", id);
    }

    /** The current template, locked for a change until the transaction ends. */
    public Optional<Template> lock(Connection c, long id) throws SQLException {
        return one(c, TEMPLATE + " WHERE id = ? FOR UPDATE", id);
    }

    public Optional<Template> defaultFor(Connection c, PictureKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TEMPLATE + " WHERE default_for = ?")) {
            ps.setString(1, kind.code());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Template t = readTemplate(rs, List.of());
                return Optional.of(withThemes(t, themesAsOf(c, List.of(t.id()), null)));
            }
        }
    }

    public boolean nameTaken(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM template WHERE lower(name) = lower(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long insertTemplate(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO template (name) VALUES (?) RETURNING id")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void setTemplateVersion(Connection c, long id, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE template SET version = ? WHERE id = ?")) {
            ps.setInt(1, version);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Creates a theme's identity row; its first version follows with {@link #insertThemeVersion}. */
    public long insertTheme(Connection c, long templateId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO template_theme (template_id) VALUES (?) RETURNING id")) {
            ps.setLong(1, templateId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stores a theme's state as {@code theme.version()} and makes it the current one. */
    public void insertThemeVersion(Connection c, Theme theme, Actor actor) throws SQLException {
        String sql = "INSERT INTO template_theme_version (theme_id, version, name, position, required, author, organisation)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, theme.id());
            ps.setInt(2, theme.version());
            ps.setString(3, theme.name());
            ps.setInt(4, theme.position());
            ps.setBoolean(5, theme.required());
            ps.setString(6, actor.author());
            ps.setString(7, actor.organisation());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE template_theme SET version = ? WHERE id = ?")) {
            ps.setInt(1, theme.version());
            ps.setLong(2, theme.id());
            ps.executeUpdate();
        }
    }

    /**
     * The themes of the given templates as they were at {@code at} (now when null), per template in
     * their order. A theme added after {@code at} is not among them.
     */
    public Map<Long, List<Theme>> themesAsOf(Connection c, Collection<Long> templateIds, OffsetDateTime at) throws SQLException {
        String sql = "SELECT t.id, t.template_id, v.name, v.position, v.required, v.version FROM template_theme t"
                + " JOIN LATERAL (SELECT * FROM template_theme_version w WHERE w.theme_id = t.id"
                + " AND (?::timestamptz IS NULL OR w.recorded_at <= ?) ORDER BY w.version DESC LIMIT 1) v ON true"
                + " WHERE t.template_id = ANY (?) ORDER BY t.template_id, v.position, t.id";
        Map<Long, List<Theme>> themes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setArray(3, c.createArrayOf("bigint", templateIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Theme theme = new Theme(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getInt(6));
                    themes.computeIfAbsent(theme.templateId(), k -> new ArrayList<>()).add(theme);
                }
            }
        }
        return themes;
    }

    private Optional<Template> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Template t = readTemplate(rs, List.of());
                return Optional.of(withThemes(t, themesAsOf(c, List.of(id), null)));
            }
        }
    }

    private static Template readTemplate(ResultSet rs, List<Theme> themes) throws SQLException {
        String kind = rs.getString("default_for");
        return new Template(rs.getLong("id"), rs.getString("name"), kind == null ? null : Coded.known(PictureKind.class, kind),
                rs.getInt("version"), themes);
    }

    private static Template withThemes(Template t, Map<Long, List<Theme>> themes) {
        return new Template(t.id(), t.name(), t.defaultFor(), t.version(), List.copyOf(themes.getOrDefault(t.id(), List.of())));
    }
}
