package nl.zorgbeeld.status;

import java.time.OffsetDateTime;

/** One report read from an EDXL-HAVE document; {@code where} names its place in the document for errors. */
public record ImportedReport(String institutionId, OffsetDateTime reportedAt, StatusContent content, String where) {}
