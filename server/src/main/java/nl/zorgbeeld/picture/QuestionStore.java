package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Coded;

/** SQL for information questions (tables information_question and information_question_version). */
public final class QuestionStore {
    private static final String COLUMNS = "SELECT q.id, q.incident_id, v.question, v.addressee, v.status, v.answer, v.version,"
            + " q.created_at, v.recorded_at, v.author, v.organisation";
    private static final String CURRENT = COLUMNS
            + " FROM information_question q JOIN information_question_version v ON v.question_id = q.id AND v.version = q.version";

    public long insert(Connection c, long incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO information_question (incident_id) VALUES (?) RETURNING id")) {
            ps.setLong(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stores a version of the question and makes it the current one. */
    public void insertVersion(Connection c, long id, int version, QuestionContent content, Actor actor) throws SQLException {
        String sql = "INSERT INTO information_question_version (question_id, version, question, addressee, status, answer,"
                + " author, organisation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            ps.setString(3, content.question());
            ps.setString(4, content.addressee());
            ps.setString(5, content.status().code());
            ps.setString(6, content.answer());
            ps.setString(7, actor.author());
            ps.setString(8, actor.organisation());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE information_question SET version = ? WHERE id = ?")) {
            ps.setInt(1, version);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    public Optional<Question> find(Connection c, long id) throws SQLException {
        return one(c, CURRENT + " WHERE q.id = ?", id);
    }

    public Optional<Question> lock(Connection c, long id) throws SQLException {
        return one(c, CURRENT + " WHERE q.id = ? FOR UPDATE OF q", id);
    }

    /** The incident's questions as they were at {@code at} (now when null), oldest first. */
    public List<Question> asOf(Connection c, long incidentId, OffsetDateTime at) throws SQLException {
        String sql = COLUMNS + " FROM information_question q JOIN LATERAL (SELECT * FROM information_question_version w"
                + " WHERE w.question_id = q.id AND (?::timestamptz IS NULL OR w.recorded_at <= ?) ORDER BY w.version DESC LIMIT 1)"
                + " v ON true WHERE q.incident_id = ? ORDER BY q.created_at, q.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.setObject(2, at);
            ps.setLong(3, incidentId);
            return list(ps);
        }
    }

    private Optional<Question> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return list(ps).stream().findFirst();
        }
    }

    private static List<Question> list(PreparedStatement ps) throws SQLException {
        List<Question> questions = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                QuestionContent content = new QuestionContent(rs.getString(3), rs.getString(4),
                        Coded.known(QuestionStatus.class, rs.getString(5)), rs.getString(6));
                questions.add(new Question(rs.getLong(1), rs.getLong(2), content, rs.getInt(7), rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11)));
            }
        }
        return questions;
    }
}
