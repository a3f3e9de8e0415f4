package nl.zorgbeeld.plume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.element.ElementChange;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.element.ElementStore;
import nl.zorgbeeld.testing.Sql;
import nl.zorgbeeld.testing.TestDatabase;
import nl.zorgbeeld.testing.TestIncidents;
import org.junit.jupiter.api.Test;

/**
 * Publishing a plume writes its zones through the element write path and tells the ElementListener
 * (the analysis) of every zone created and ended, only once the plume's transaction has committed:
 * what the listener then reads from another connection is already there.
 */
class PlumePublishListenerTest {
    private record Heard(ElementChange change, long currentRows, long endedRows) {}

    @Test
    void everyZoneCreatedAndEndedIsToldAfterTheCommit() {
        List<Heard> heard = new ArrayList<>();
        ElementService elements = new ElementService(new ElementStore(TestDatabase.dataSource()), change -> heard.add(new Heard(change,
                Sql.count("SELECT count(*) FROM picture_element WHERE element_id = ? AND valid_to IS NULL", change.elementId()),
                Sql.count("SELECT count(*) FROM picture_element WHERE element_id = ? AND valid_to IS NOT NULL", change.elementId()))));
        PlumeService plumes = new PlumeService(TestDatabase.dataSource(), elements);
        long incident = TestIncidents.create("Pluim luisteraar", "actief");
        Actor gags = new Actor("Gerrit GAGS", "GHOR Utrecht");

        JsonNode first = plumes.publish(incident, PlumeRequest.parse(PlumeApiTest.SECTOR), gags);
        Set<String> firstZones = zoneIds(first);
        assertEquals(3, heard.size());
        for (Heard h : heard) {
            assertEquals("create", h.change().action());
            assertEquals(1, h.change().version());
            assertEquals(incident, h.change().incidentId());
            assertEquals("Gerrit GAGS", h.change().actor().author());
            assertEquals(1, h.currentRows(), "committed before the listener heard of it");
        }
        assertEquals(firstZones, ids(heard));

        heard.clear();
        JsonNode second = plumes.publish(incident, PlumeRequest.parse(PlumeApiTest.GAUSSIAN), gags);
        List<Heard> ended = heard.stream().filter(h -> h.change().action().equals("delete")).toList();
        List<Heard> created = heard.stream().filter(h -> h.change().action().equals("create")).toList();
        assertEquals(6, heard.size());
        assertEquals(firstZones, ids(ended));
        assertEquals(zoneIds(second), ids(created));
        for (Heard h : ended) {
            assertEquals(1, h.change().version(), "the version that was ended");
            assertEquals(0, h.currentRows());
            assertEquals(1, h.endedRows(), "ended, and kept in history");
        }
        // The same change events as a single write: one per zone, each with the Feature as PostGIS wrote it.
        assertEquals(3, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = 'element.delete'"
                + " AND data -> 'properties' ->> 'kind' = 'effectgebied'", incident));
        assertEquals(6, Sql.count("SELECT count(*) FROM change_event WHERE incident_id = ? AND action = 'element.create'"
                + " AND data ->> 'type' = 'Feature'", incident));
    }

    private static Set<String> ids(List<Heard> heard) {
        Set<String> ids = new HashSet<>();
        heard.forEach(h -> ids.add(h.change().elementId().toString()));
        return ids;
    }

    private static Set<String> zoneIds(JsonNode collection) {
        Set<String> ids = new HashSet<>();
        for (JsonNode f : collection.path("features")) {
            if ("zone".equals(f.path("properties").path("kind").asText())) ids.add(f.path("id").asText());
        }
        return ids;
    }
}
