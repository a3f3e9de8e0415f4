package nl.zorgbeeld.picture;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Changes;
import nl.zorgbeeld.db.Transactions;
import nl.zorgbeeld.http.Etags.IfMatch;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.incident.NewChangeEvent;

/**
 * The structured entries beside the bullets: casualty counts, information questions, and decisions
 * and actions. Same rules as bullets: the incident must be known and open, updates name the version
 * they change, and every change is in the timeline.
 */
public final class EntryService {
    /** Clocks of the writer and the server may differ a little; a count further in the future is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final Transactions tx;
    private final IncidentService incidents;
    private final PictureStore pictures;
    private final CasualtyStore casualties;
    private final QuestionStore questions;
    private final DecisionStore decisions;
    private final Clock clock;

    public EntryService(Transactions tx, IncidentService incidents, PictureStores stores, Clock clock) {
        this.tx = tx;
        this.incidents = incidents;
        this.pictures = stores.pictures();
        this.casualties = stores.casualties();
        this.questions = stores.questions();
        this.decisions = stores.decisions();
        this.clock = clock;
    }

    /** Records a casualty count; without a picture it goes to the GHOR's medical picture, without a time it is counted now. */
    public CasualtyCount addCasualtyCount(long incidentId, NewCasualtyCount count, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (count.countedAt() != null && count.countedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.badBody("countedAt", "countedAt (" + count.countedAt() + ") is in the future");
        }
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            long picture = count.pictureId() != null ? pictureOf(c, incidentId, count.pictureId()).id() : medicalPicture(c, incidentId);
            CasualtyCount stored = casualties.insert(c, incidentId, count.withDefaults(picture, now), actor);
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, "casualties.counted",
                    IncidentService.path(incidentId) + "/casualties", null, stored.counts().summary(), null, actor).withData(stored));
            return stored;
        });
    }

    public List<CasualtyCount> casualtyCounts(long incidentId, OffsetDateTime at) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, at);
            return casualties.asOf(c, incidentId, at);
        });
    }

    public Question askQuestion(long incidentId, QuestionContent content, Actor actor) {
        requireAnswerWhenAnswered(content);
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            long id = questions.insert(c, incidentId);
            questions.insertVersion(c, id, 1, content, actor);
            Question asked = questions.find(c, id).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, "question.asked", questionPath(incidentId, id), 1,
                    NewChangeEvent.excerpt(content.question()), null, actor).withData(asked));
            return asked;
        });
    }

    /**
     * Changes a question. Giving an answer without a status marks it answered; an answered question
     * needs an answer.
     */
    public Question updateQuestion(long incidentId, long questionId, IfMatch ifMatch, QuestionPatch patch, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            Question current = questions.lock(c, questionId).filter(q -> q.incidentId() == incidentId)
                    .orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no information question " + questionId));
            checkVersion("Information question " + questionId, current.version(), ifMatch, current);
            QuestionContent next = patch.applyTo(current.content());
            requireAnswerWhenAnswered(next);
            Changes changes = new Changes()
                    .compare("question", current.content().question(), next.question())
                    .compare("addressee", current.content().addressee(), next.addressee())
                    .compare("status", current.content().status(), next.status())
                    .compare("answer", current.content().answer(), next.answer());
            if (changes.isEmpty()) return current;
            int version = current.version() + 1;
            questions.insertVersion(c, questionId, version, next, actor);
            String action = next.status() == QuestionStatus.BEANTWOORD && current.content().status() == QuestionStatus.OPEN
                    ? "question.answered" : "question.updated";
            Question updated = questions.find(c, questionId).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, action, questionPath(incidentId, questionId), version,
                    NewChangeEvent.excerpt(next.question()), changes.fields(), actor).withData(updated));
            return updated;
        });
    }

    public List<Question> questions(long incidentId, OffsetDateTime at) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, at);
            return questions.asOf(c, incidentId, at);
        });
    }

    public Question question(long incidentId, long questionId) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, null);
            return questions.find(c, questionId).filter(q -> q.incidentId() == incidentId)
                    .orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no information question " + questionId));
        });
    }

    public Decision addDecision(long incidentId, DecisionContent content, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            long id = decisions.insert(c, incidentId);
            decisions.insertVersion(c, id, 1, content, actor);
            Decision added = decisions.find(c, id).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, content.kind().code() + ".added",
                    decisionPath(incidentId, id), 1, NewChangeEvent.excerpt(content.description()), null, actor).withData(added));
            return added;
        });
    }

    public Decision updateDecision(long incidentId, long decisionId, IfMatch ifMatch, DecisionPatch patch, Actor actor) {
        return tx.run(c -> {
            incidents.requireWritable(c, incidentId);
            Decision current = decisions.lock(c, decisionId).filter(d -> d.incidentId() == incidentId)
                    .orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no decision or action " + decisionId));
            checkVersion("Decision " + decisionId, current.version(), ifMatch, current);
            DecisionContent next = patch.applyTo(current.content());
            Changes changes = new Changes()
                    .compare("kind", current.content().kind(), next.kind())
                    .compare("description", current.content().description(), next.description())
                    .compare("owner", current.content().owner(), next.owner())
                    .compare("deadline", current.content().deadline(), next.deadline())
                    .compare("status", current.content().status(), next.status());
            if (changes.isEmpty()) return current;
            int version = current.version() + 1;
            decisions.insertVersion(c, decisionId, version, next, actor);
            Decision updated = decisions.find(c, decisionId).orElseThrow();
            incidents.changeLog().record(c, NewChangeEvent.of(incidentId, next.kind().code() + ".updated",
                    decisionPath(incidentId, decisionId), version, NewChangeEvent.excerpt(next.description()), changes.fields(), actor)
                    .withData(updated));
            return updated;
        });
    }

    public List<Decision> decisions(long incidentId, OffsetDateTime at) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, at);
            return decisions.asOf(c, incidentId, at);
        });
    }

    public Decision decision(long incidentId, long decisionId) {
        return tx.run(c -> {
            incidents.asOf(c, incidentId, null);
            return decisions.find(c, decisionId).filter(d -> d.incidentId() == incidentId)
                    .orElseThrow(() -> ApiException.notFound("Incident " + incidentId + " has no decision or action " + decisionId));
        });
    }

    private static void checkVersion(String what, int version, IfMatch ifMatch, Object current) {
        if (!ifMatch.matches(version)) {
            throw ApiException.preconditionFailed(what + " was changed by someone else: it is at version " + version
                    + ". Apply your change to the current version (in 'current') and send it again.", current);
        }
    }

    private static void requireAnswerWhenAnswered(QuestionContent content) {
        if (content.status() == QuestionStatus.BEANTWOORD && content.answer() == null) {
            throw ApiException.badBody("answer", "An answered question (status beantwoord) needs an answer");
        }
    }

    private Picture pictureOf(Connection c, long incidentId, long pictureId) throws SQLException {
        return pictures.find(c, pictureId).filter(p -> p.incidentId() == incidentId).orElseThrow(() -> ApiException.badBody(
                "pictureId", "Incident " + incidentId + " has no picture " + pictureId));
    }

    private long medicalPicture(Connection c, long incidentId) throws SQLException {
        Optional<Picture> medical = pictures.forIncident(c, incidentId, null).stream()
                .filter(p -> p.kind() == PictureKind.GENEESKUNDIG).findFirst();
        return medical.orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no medical picture")).id();
    }

    static String questionPath(long incidentId, long id) {
        return IncidentService.path(incidentId) + "/questions/" + id;
    }

    static String decisionPath(long incidentId, long id) {
        return IncidentService.path(incidentId) + "/decisions/" + id;
    }
}
