package nl.zorgbeeld.analysis;

import java.time.OffsetDateTime;

/** A stakeholder status as the API shows it: code and Dutch label, note, version, who and when (absent for version 0). */
public record StakeholderView(String institutionId, String institutionName, String status, String statusLabel, String note,
                              int version, OffsetDateTime recordedAt, String author, String organisation) {

    public static StakeholderView of(Stakeholder s) {
        return new StakeholderView(s.institutionId(), s.institutionName(), s.status().code(), s.status().label(), s.note(),
                s.version(), s.recordedAt(), s.recordedBy() == null ? null : s.recordedBy().author(),
                s.recordedBy() == null ? null : s.recordedBy().organisation());
    }
}
