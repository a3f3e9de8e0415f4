package nl.zorgbeeld.picture;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.OffsetDateTime;

/** An information question (informatievraag) in one of its versions; {@code author} wrote that version. */
public record Question(long id, long incidentId, @JsonUnwrapped QuestionContent content, int version, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt, String author, String organisation) {}
