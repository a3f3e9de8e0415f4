package nl.zorgbeeld.regie;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;

/** An incident made through the API for one regie test, with its medical picture's themes at hand. */
final class RegieFixture {
    final JsonClient owner;
    final long incidentId;

    private RegieFixture(JsonClient owner, long incidentId) {
        this.owner = owner;
        this.incidentId = incidentId;
    }

    static RegieFixture start(JsonClient owner, String name) {
        String title = name + " " + UUID.randomUUID().toString().substring(0, 8);
        Response created = owner.post("/api/incidents", "{\"title\": " + JsonClient.quote(title) + ", \"type\": \"brand\"}");
        if (created.status() != 201) throw new IllegalStateException(created.toString());
        return new RegieFixture(owner, created.json().get("id").asLong());
    }

    String path(String rest) {
        return "/api/incidents/" + incidentId + rest;
    }

    JsonNode medical() {
        for (JsonNode p : owner.get(path("/picture")).json().get("pictures")) {
            if (p.get("kind").asText().equals("geneeskundig")) return p;
        }
        throw new IllegalStateException("no medical picture");
    }

    long themeId(String name) {
        for (JsonNode t : medical().get("themes")) {
            if (t.get("name").asText().equals(name)) return t.get("id").asLong();
        }
        throw new IllegalStateException("no theme " + name);
    }

    long bullet(JsonClient writer, String theme, String text) {
        Response r = writer.post(path("/bullets"), "{\"pictureId\": " + medical().get("id").asLong() + ", \"themeId\": " + themeId(theme)
                + ", \"text\": " + JsonClient.quote(text) + ", \"source\": \"Meldkamer\"}");
        if (r.status() != 201) throw new IllegalStateException(r.toString());
        return r.json().get("id").asLong();
    }
}
