package nl.zorgbeeld.picture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import nl.zorgbeeld.testing.JsonClient;
import nl.zorgbeeld.testing.JsonClient.Response;

/** An incident made through the API for one test, with short ways to its pictures, themes and bullets. */
final class Scenario {
    final JsonClient client;
    final long incidentId;
    final String title;

    private Scenario(JsonClient client, long incidentId, String title) {
        this.client = client;
        this.incidentId = incidentId;
        this.title = title;
    }

    /** A new active incident whose title is unique in the (shared) test database. */
    static Scenario start(JsonClient client, String name) {
        return start(client, name, "");
    }

    /** As {@link #start(JsonClient, String)}, with extra JSON fields such as {@code "exercise": true,}. */
    static Scenario start(JsonClient client, String name, String extraFields) {
        String title = name + " " + UUID.randomUUID().toString().substring(0, 8);
        Response created = client.post("/api/incidents", "{" + extraFields + "\"title\": " + JsonClient.quote(title)
                + ", \"type\": \"brand\", \"locationText\": \"Industrieweg, Moerdijk\"}");
        if (created.status() != 201) throw new IllegalStateException("could not create the incident: " + created);
        return new Scenario(client, created.json().get("id").asLong(), title);
    }

    String path(String rest) {
        return "/api/incidents/" + incidentId + rest;
    }

    JsonNode picture() {
        Response r = client.get(path("/picture"));
        if (r.status() != 200) throw new IllegalStateException(r.toString());
        return r.json();
    }

    JsonNode pictureOfKind(String kind) {
        for (JsonNode p : picture().get("pictures")) {
            if (p.get("kind").asText().equals(kind)) return p;
        }
        throw new IllegalStateException("no " + kind + " picture");
    }

    long medicalPictureId() {
        return pictureOfKind("geneeskundig").get("id").asLong();
    }

    /** The id of the theme called {@code name} in the picture of {@code kind}. */
    long themeId(String kind, String name) {
        for (JsonNode t : pictureOfKind(kind).get("themes")) {
            if (t.get("name").asText().equals(name)) return t.get("id").asLong();
        }
        throw new IllegalStateException("no theme " + name + " in the " + kind + " picture");
    }

    /** The theme called {@code name} in the medical picture of a picture view. */
    static JsonNode medicalTheme(JsonNode view, String name) {
        for (JsonNode p : view.get("pictures")) {
            if (!p.get("kind").asText().equals("geneeskundig")) continue;
            for (JsonNode t : p.get("themes")) {
                if (t.get("name").asText().equals(name)) return t;
            }
        }
        throw new IllegalStateException("no theme " + name + " in the medical picture");
    }

    Response addBullet(String theme, String text, String source, String certainty) {
        return client.post(path("/bullets"), "{\"pictureId\": " + medicalPictureId() + ", \"themeId\": " + themeId("geneeskundig", theme)
                + ", \"text\": " + JsonClient.quote(text) + ", \"source\": " + JsonClient.quote(source)
                + ", \"certainty\": " + JsonClient.quote(certainty) + "}");
    }

    long bullet(String theme, String text) {
        Response r = addBullet(theme, text, "Meldkamer Ambulancezorg", "gevalideerd");
        if (r.status() != 201) throw new IllegalStateException(r.toString());
        return r.json().get("id").asLong();
    }

    /** Closes the incident (status gesloten). */
    void close() {
        Response current = client.get(path(""));
        Response closed = client.patch(path(""), "{\"status\": \"gesloten\"}", current.header("ETag"));
        if (closed.status() != 200) throw new IllegalStateException(closed.toString());
    }
}
