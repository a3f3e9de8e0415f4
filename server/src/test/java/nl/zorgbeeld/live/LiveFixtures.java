package nl.zorgbeeld.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;
import nl.zorgbeeld.testing.Sql;

/** Changes made through the API, and the change log they leave, for the live tests. */
final class LiveFixtures {
    private LiveFixtures() {}

    /** A new active incident (title made unique in the shared test database); its id. */
    static long incident(JsonClient client, String name) {
        String title = name + " " + UUID.randomUUID().toString().substring(0, 8);
        Response created = client.post("/api/incidents", "{\"title\": " + JsonClient.quote(title) + ", \"type\": \"brand\"}");
        if (created.status() != 201) throw new IllegalStateException("could not create the incident: " + created);
        return created.json().get("id").asLong();
    }

    /** An annotation point (no hazard, so the analysis adds no events), as a Feature. */
    static JsonNode point(JsonClient client, long incident, String label) {
        String body = "{\"type\":\"Feature\",\"properties\":{\"kind\":\"aantekening\",\"label\":" + JsonClient.quote(label)
                + ",\"source\":\"OvD\",\"certainty\":\"gevalideerd\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.1,52.1]}}";
        Response created = client.post("/api/incidents/" + incident + "/elements", body);
        if (created.status() != 201) throw new IllegalStateException("could not draw: " + created);
        return created.json();
    }

    static Response bullet(JsonClient client, long incident, String theme, String text) {
        JsonNode picture = client.get("/api/incidents/" + incident + "/picture").json();
        for (JsonNode p : picture.get("pictures")) {
            if (!p.get("kind").asText().equals("geneeskundig")) continue;
            for (JsonNode t : p.get("themes")) {
                if (!t.get("name").asText().equals(theme)) continue;
                Response r = client.post("/api/incidents/" + incident + "/bullets", "{\"pictureId\": " + p.get("id").asLong()
                        + ", \"themeId\": " + t.get("id").asLong() + ", \"text\": " + JsonClient.quote(text)
                        + ", \"source\": \"KNMI\", \"certainty\": \"gevalideerd\"}");
                if (r.status() != 201) throw new IllegalStateException("could not add the bullet: " + r);
                return r;
            }
        }
        throw new IllegalStateException("no theme " + theme);
    }

    /** The positions of the incident's changes after {@code after}, in order, as the log holds them. */
    static List<Long> logAfter(long incident, long after) {
        return Sql.rows("SELECT seq FROM change_event WHERE incident_id = ? AND seq > ? ORDER BY seq", incident, after)
                .stream().map(r -> ((Number) r.get("seq")).longValue()).toList();
    }
}
