package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.Stakeholder;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.RegieChange;
import nl.zorgbeeld.picture.PictureView;
import nl.zorgbeeld.picture.PictureView.Section;

/**
 * Everything one snapshot shows, read once; every file in the ZIP is written from this.
 *
 * @param exportedAt when the snapshot was made
 * @param at         the moment asked for, or null for "now"
 * @param shows      the moment the picture describes (at, or the moment it was read)
 * @param elements   the elements valid at that moment as a GeoJSON FeatureCollection in RD New
 *                   (EPSG:28992, millimetres), exactly as the element API writes them
 * @param statuses   every stakeholder status recorded in the incident then
 * @param region     the incident's safety region from the reference layer, or null
 */
record Snapshot(OffsetDateTime exportedAt, OffsetDateTime at, OffsetDateTime shows, PictureView picture,
                List<RegieChange> regieHistory, JsonNode elements, List<Stakeholder> statuses,
                Analysis analysis, List<Layer> layers, SnapshotStore.Region region) {

    Incident incident() {
        return picture.incident();
    }

    /** The pictures with a management summary written by then (medical, multidisciplinary), in the pictures' order. */
    List<Section> summarised() {
        return picture.pictures().stream().filter(p -> p.summary() != null && p.summary().text() != null).toList();
    }
}
