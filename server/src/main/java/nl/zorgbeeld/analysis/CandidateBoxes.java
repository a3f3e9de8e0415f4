package nl.zorgbeeld.analysis;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Where affected institutions can be: each hazard's envelope grown by the largest ring. Every point
 * within that distance of a hazard lies in its grown envelope, so the boxes lose nothing; overlapping
 * boxes are merged so the index is asked few times and returns each institution about once.
 */
final class CandidateBoxes {
    private CandidateBoxes() {}

    static List<Envelope> around(List<Hazard> hazards, double reach) {
        List<Envelope> boxes = new ArrayList<>();
        for (Hazard hazard : hazards) {
            Envelope box = new Envelope(hazard.shape().envelope());
            box.expandBy(reach);
            boxes.add(box);
        }
        return merge(boxes);
    }

    private static List<Envelope> merge(List<Envelope> boxes) {
        List<Envelope> merged = new ArrayList<>(boxes);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < merged.size(); i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    if (merged.get(i).intersects(merged.get(j))) {
                        merged.get(i).expandToInclude(merged.remove(j));
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return merged;
    }
}
