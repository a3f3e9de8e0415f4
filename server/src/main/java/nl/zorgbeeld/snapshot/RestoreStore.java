package nl.zorgbeeld.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.incident.IncidentState;

/**
 * SQL of a restore: rows inserted as the snapshot recorded them (their times, authors and version
 * numbers), under new ids. Inserts only: nothing existing is changed.
 */
final class RestoreStore {

    long incident(Connection c, int version, OffsetDateTime createdAt, Actor createdBy) throws SQLException {
        return id(c, "INSERT INTO incident (version, created_at, created_by_author, created_by_organisation) VALUES (?, ?, ?, ?) RETURNING id",
                version, createdAt, createdBy.author(), createdBy.organisation());
    }

    void incidentVersion(Connection c, long id, int version, IncidentState s, OffsetDateTime recordedAt, Actor by) throws SQLException {
        update(c, "INSERT INTO incident_version (incident_id, version, title, type, started_at, scaled_up_at, location_text, region_code,"
                        + " grip, care_phase, status, exercise, regie_person, regie_organisation, recorded_at, author, organisation)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, version, s.title(), s.type().code(), s.startedAt(), s.scaledUpAt(), s.locationText(), s.regionCode(), s.grip().code(),
                s.carePhase().code(), s.status().code(), s.exercise(), s.regie().person(), s.regie().organisation(), recordedAt,
                by.author(), by.organisation());
    }

    void origin(Connection c, long id, String mode, long sourceId, String sourceTitle, OffsetDateTime shows, OffsetDateTime exportedAt,
                Actor by) throws SQLException {
        update(c, "INSERT INTO incident_origin (incident_id, mode, source_incident_id, source_title, snapshot_shows, snapshot_exported_at,"
                + " restored_by_author, restored_by_organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, mode, sourceId, sourceTitle, shows,
                exportedAt, by.author(), by.organisation());
    }

    /** A template and its current themes' ids by name. */
    record TemplateThemes(long id, Map<String, Long> themes) {}

    Optional<TemplateThemes> templateThemes(Connection c, String name) throws SQLException {
        Long template = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM template WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) template = rs.getLong(1);
            }
        }
        if (template == null) return Optional.empty();
        Map<String, Long> themes = new LinkedHashMap<>();
        String sql = "SELECT t.id, v.name FROM template_theme t JOIN template_theme_version v ON v.theme_id = t.id AND v.version = t.version"
                + " WHERE t.template_id = ? ORDER BY v.position";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, template);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) themes.putIfAbsent(rs.getString(2), rs.getLong(1));
            }
        }
        return Optional.of(new TemplateThemes(template, themes));
    }

    boolean templateNameTaken(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM template WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    long template(Connection c, String name) throws SQLException {
        return id(c, "INSERT INTO template (name) VALUES (?) RETURNING id", name);
    }

    long theme(Connection c, long template, String name, int position, boolean required, Actor by) throws SQLException {
        long id = id(c, "INSERT INTO template_theme (template_id) VALUES (?) RETURNING id", template);
        update(c, "INSERT INTO template_theme_version (theme_id, version, name, position, required, author, organisation)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?)", id, name, position, required, by.author(), by.organisation());
        return id;
    }

    long picture(Connection c, long incident, String kind, long template, String organisation, String institutionId,
                 OffsetDateTime createdAt, Actor createdBy) throws SQLException {
        return id(c, "INSERT INTO picture (incident_id, kind, template_id, organisation, institution_id, created_at, created_by_author,"
                + " created_by_organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", incident, kind, template, organisation,
                institutionId, createdAt, createdBy.author(), createdBy.organisation());
    }

    void bullet(Connection c, long incident, long picture, long theme, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                String text, String source, String certainty, Actor by) throws SQLException {
        long id = id(c, "INSERT INTO bullet (incident_id, picture_id, version, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                incident, picture, version, createdAt);
        update(c, "INSERT INTO bullet_version (bullet_id, version, theme_id, text, source, certainty, recorded_at, author, organisation)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, version, theme, text, source, certainty, updatedAt, by.author(), by.organisation());
    }

    /** The management summary in the version the snapshot shows (its earlier versions are not in the snapshot). */
    void summary(Connection c, long incident, long picture, int version, String text, OffsetDateTime recordedAt, Actor by)
            throws SQLException {
        update(c, "INSERT INTO picture_summary (picture_id, incident_id, version, created_at) VALUES (?, ?, ?, ?)", picture, incident,
                version, recordedAt);
        update(c, "INSERT INTO picture_summary_version (picture_id, version, text, recorded_at, author, organisation)"
                + " VALUES (?, ?, ?, ?, ?, ?)", picture, version, text, recordedAt, by.author(), by.organisation());
    }

    void casualties(Connection c, long incident, long picture, OffsetDateTime countedAt, int[] counts, String source, String certainty,
                    OffsetDateTime recordedAt, Actor by) throws SQLException {
        update(c, "INSERT INTO casualty_count (incident_id, picture_id, counted_at, t1, t2, t3, dead, unknown, source, certainty,"
                        + " recorded_at, author, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", incident, picture, countedAt,
                counts[0], counts[1], counts[2], counts[3], counts[4], source, certainty, recordedAt, by.author(), by.organisation());
    }

    void question(Connection c, long incident, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt, String question,
                  String addressee, String status, String answer, Actor by) throws SQLException {
        long id = id(c, "INSERT INTO information_question (incident_id, version, created_at) VALUES (?, ?, ?) RETURNING id",
                incident, version, createdAt);
        update(c, "INSERT INTO information_question_version (question_id, version, question, addressee, status, answer, recorded_at,"
                + " author, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, version, question, addressee, status, answer, updatedAt,
                by.author(), by.organisation());
    }

    void decision(Connection c, long incident, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt, String kind,
                  String description, String owner, OffsetDateTime deadline, String status, Actor by) throws SQLException {
        long id = id(c, "INSERT INTO decision (incident_id, version, created_at) VALUES (?, ?, ?) RETURNING id", incident, version, createdAt);
        update(c, "INSERT INTO decision_version (decision_id, version, kind, description, owner, deadline, status, recorded_at, author,"
                + " organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, version, kind, description, owner, deadline, status, updatedAt,
                by.author(), by.organisation());
    }

    /** An element under a new id; {@code wkb} in RD New. */
    void element(Connection c, long incident, int version, String kind, String label, String description, String source, String certainty,
                 String attributes, Actor by, OffsetDateTime validFrom, byte[] wkb) throws SQLException {
        update(c, "INSERT INTO picture_element (element_id, version, incident_id, kind, label, description, source, certainty, attributes,"
                        + " author, organisation, valid_from, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ST_GeomFromWKB(?, 28992))",
                UUID.randomUUID(), version, incident, kind, label, description, source, certainty, attributes, by.author(), by.organisation(),
                validFrom, wkb);
    }

    void stakeholder(Connection c, long incident, String institutionId, String institutionName, int version, String status, String note,
                     OffsetDateTime recordedAt, Actor by) throws SQLException {
        update(c, "INSERT INTO stakeholder (incident_id, institution_id, version, created_at) VALUES (?, ?, ?, ?)", incident, institutionId,
                version, recordedAt);
        update(c, "INSERT INTO stakeholder_version (incident_id, institution_id, version, status, note, institution_name, recorded_at,"
                        + " author, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", incident, institutionId, version, status, note,
                institutionName, recordedAt, by.author(), by.organisation());
    }

    private static long id(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, values); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, values)) {
            ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) ps.setNull(i + 1, Types.OTHER);
            else if (v instanceof byte[] bytes) ps.setBytes(i + 1, bytes);
            else ps.setObject(i + 1, v);
        }
        return ps;
    }
}
