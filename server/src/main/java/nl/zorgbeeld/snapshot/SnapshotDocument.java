package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import nl.zorgbeeld.analysis.AnalysisViews;
import nl.zorgbeeld.analysis.AnalysisViews.AffectedView;
import nl.zorgbeeld.analysis.AnalysisViews.AnalysisView;
import nl.zorgbeeld.analysis.StakeholderView;
import nl.zorgbeeld.incident.RegieChange;
import nl.zorgbeeld.picture.PictureView;

/**
 * picture.json: the snapshot as data, and the one source a restore reads. {@code picture} is the
 * picture API's own view at {@code shows} (incident, every picture with its themes and bullets,
 * its management summary, casualty counts, questions, decisions), {@code elements} the geographic picture in RD New as the
 * element API writes it, {@code stakeholders} every recorded status; the analysis and call list are
 * there to read (a restore recomputes them against its own reference data).
 */
record SnapshotDocument(String format, int formatVersion, OffsetDateTime exportedAt, OffsetDateTime at, OffsetDateTime shows,
                        PictureView picture, List<RegieChange> regieHistory, String elementsCrs,
                        JsonNode elements, List<StakeholderView> stakeholders, AnalysisView analysis, List<AffectedView> callList) {
    static final String FORMAT = "zorgbeeld-snapshot";
    static final int VERSION = 1;

    static SnapshotDocument of(Snapshot s) {
        return new SnapshotDocument(FORMAT, VERSION, s.exportedAt(), s.at(), s.shows(), s.picture(), s.regieHistory(),
                "http://www.opengis.net/def/crs/EPSG/0/28992", s.elements(),
                s.statuses().stream().map(StakeholderView::of).toList(), AnalysisViews.view(s.analysis()),
                AnalysisViews.items(s.analysis().callList()));
    }
}
