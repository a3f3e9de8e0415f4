package nl.zorgbeeld.analysis;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The network analysis of an incident at one moment: its hazards, the rings used, and every affected
 * institution in order of severity, then distance. {@code newlyAffectedAt} is when the latest change
 * of the picture that affected more institutions was processed (null when none did yet).
 */
public record Analysis(long incidentId, OffsetDateTime computedAt, Rings rings, List<Hazard> hazards, List<Item> items,
                       OffsetDateTime newlyAffectedAt) {

    /**
     * An affected institution with its status in the incident; {@code newlyAffected} marks those that
     * the latest change of the picture that affected more institutions added; {@code alert} is set when
     * an alert to it went unacknowledged past its deadline.
     */
    public record Item(Affected affected, Stakeholder status, boolean newlyAffected, AlertMark alert) {
        public Institution institution() {
            return affected.institution();
        }

        /** On the call list: affected, not yet informed, and not connected to the picture or silent on an alert. */
        public boolean toCall() {
            return status.status().awaitsCall() && (!institution().connected() || alert != null);
        }
    }

    public List<Item> callList() {
        return items.stream().filter(Item::toCall).toList();
    }
}
