package nl.zorgbeeld.analysis;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The network analysis of an incident at one moment: its hazards, the rings used, and every affected
 * institution in order of severity, then distance.
 */
public record Analysis(long incidentId, OffsetDateTime computedAt, Rings rings, List<Hazard> hazards, List<Item> items) {

    /**
     * An affected institution with its status in the incident. {@code affectedSince} is when the
     * analysis that follows the picture first found it (null when only these rings reach it);
     * {@code newlyAffected} marks those found by the latest change that added institutions.
     */
    public record Item(Affected affected, Stakeholder status, boolean newlyAffected, OffsetDateTime affectedSince) {
        public Institution institution() {
            return affected.institution();
        }

        /** On the call list: affected, not connected to the picture, and not yet informed. */
        public boolean toCall() {
            return !institution().connected() && status.status().awaitsCall();
        }
    }

    public List<Item> callList() {
        return items.stream().filter(Item::toCall).toList();
    }
}
