package nl.zorgbeeld.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import nl.zorgbeeld.plume.ForecastInfo;
import nl.zorgbeeld.plume.ForecastReach;
import nl.zorgbeeld.plume.PlumeInfo;
import nl.zorgbeeld.plume.Threat;

/**
 * The network analysis of an incident at one moment: its hazards, the rings used, and every affected
 * institution in order of severity, then distance. {@code newlyAffectedAt} is when the latest change
 * of the picture that affected more institutions was processed (null when none did yet).
 *
 * @param plume    the incident's current plume, whose threat each item carries; null when none
 * @param forecast the incident's latest forecast, whose reach each item carries; null when none
 */
public record Analysis(long incidentId, OffsetDateTime computedAt, Rings rings, List<Hazard> hazards, List<Item> items,
                       OffsetDateTime newlyAffectedAt, PlumeInfo plume, ForecastInfo forecast) {

    /**
     * An affected institution with its status in the incident; {@code newlyAffected} marks those that
     * the latest change of the picture that affected more institutions added.
     *
     * @param plume    the current plume's threat at the institution; null outside its zones and confidence areas
     * @param forecast from which hour the latest forecast reaches it, and in which zone; null when it does not
     * @param alert    set when an alert to it went unacknowledged past its deadline
     */
    public record Item(Affected affected, Stakeholder status, boolean newlyAffected, Threat plume, ForecastReach forecast, AlertMark alert) {
        public Item(Affected affected, Stakeholder status, boolean newlyAffected) {
            this(affected, status, newlyAffected, null, null, null);
        }

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
