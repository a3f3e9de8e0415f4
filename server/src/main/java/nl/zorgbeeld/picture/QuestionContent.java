package nl.zorgbeeld.picture;

/** What an information question asks, of whom, and its answer (null while open). */
public record QuestionContent(String question, String addressee, QuestionStatus status, String answer) {}
