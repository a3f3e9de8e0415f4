package nl.zorgbeeld.picture;

/** The fields a change of an information question names; null means "leave as it is". */
public record QuestionPatch(String question, String addressee, QuestionStatus status, String answer) {

    /** Giving an answer without a status marks the question answered. */
    public QuestionContent applyTo(QuestionContent c) {
        QuestionStatus nextStatus = status != null ? status : answer != null ? QuestionStatus.BEANTWOORD : c.status();
        return new QuestionContent(question != null ? question : c.question(), addressee != null ? addressee : c.addressee(),
                nextStatus, answer != null ? answer : c.answer());
    }
}
