package nl.zorgbeeld.status;

/**
 * An institution with its latest status report (null: none yet), how old that report is against
 * the norm: {@code ageSeconds} since the moment it describes, {@code normApplies} when an active
 * incident concerns the institution (its region, or the incident the report belongs to), and
 * {@code stale} when the norm applies and the report is older than it.
 */
public record StatusItem(InstitutionRef institution, StatusReport report, Long ageSeconds, boolean normApplies, boolean stale) {

    /** The ETag value: the report's version, 0 before the first report. */
    public int version() {
        return report == null ? 0 : report.version();
    }
}
