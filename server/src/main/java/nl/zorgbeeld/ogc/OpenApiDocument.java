package nl.zorgbeeld.ogc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.FeatureCollectionWriter;

/**
 * The OpenAPI 3.0 definition of /ogc, declaring every parameter with its schema (OGC API - Features
 * clients and conformance tests read it: limit with minimum, maximum and default; bbox as an array of 4
 * or 6 numbers; datetime as a string; all three form-style and not exploded).
 */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static ObjectNode build(String serverUrl) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Zorgbeeld OGC API - Features");
        info.put("version", "1.0.0");
        info.put("description", "Reference layers (care institutions, safety regions, municipalities, provinces) and the"
                + " picture elements of each incident (collection incident-<id>), writable under Part 4.");
        doc.putArray("servers").addObject().put("url", serverUrl);
        ObjectNode paths = doc.putObject("paths");
        paths.set("/", get("getLandingPage", "Landing page", "application/json", params()));
        paths.set("/conformance", get("getConformance", "Conformance classes", "application/json", params()));
        paths.set("/api", get("getApi", "This API definition", "application/vnd.oai.openapi+json;version=3.0", params()));
        paths.set("/collections", get("getCollections", "The collections", "application/json", params()));
        paths.set("/collections/{collectionId}", get("describeCollection", "One collection", "application/json",
                params().add(ref("collectionId"))));

        ObjectNode items = get("getFeatures", "The features of a collection, paged with rel=next links", FeatureCollectionWriter.GEOJSON,
                params().add(ref("collectionId")).add(ref("limit")).add(ref("offset")).add(ref("after")).add(ref("bbox")).add(ref("bbox-crs"))
                        .add(ref("datetime")).add(ref("crs")).add(ref("f")).add(ref("kind")).add(ref("type")).add(ref("region")));
        items.set("post", write("createFeature", "Add a picture element (incident collections only)", true,
                params().add(ref("collectionId")).add(ref("Content-Crs")).add(ref("repair"))));
        paths.set("/collections/{collectionId}/items", items);

        ObjectNode item = get("getFeature", "One feature", FeatureCollectionWriter.GEOJSON,
                params().add(ref("collectionId")).add(ref("featureId")).add(ref("crs")).add(ref("f")));
        ArrayNode writeParams = params().add(ref("collectionId")).add(ref("featureId")).add(ref("If-Match"))
                .add(ref("Content-Crs")).add(ref("repair"));
        item.set("put", write("replaceFeature", "Replace a picture element (a new version)", true, writeParams));
        item.set("patch", write("updateFeature", "Update a picture element with a JSON merge patch", true, writeParams.deepCopy()));
        item.set("delete", write("deleteFeature", "End a picture element's validity (kept in history)", false,
                params().add(ref("collectionId")).add(ref("featureId")).add(ref("If-Match"))));
        paths.set("/collections/{collectionId}/items/{featureId}", item);

        ObjectNode parameters = doc.putObject("components").putObject("parameters");
        parameters.set("collectionId", param("collectionId", "path", true, "A collection id from /collections", string()));
        parameters.set("featureId", param("featureId", "path", true, "A feature id", string()));
        ObjectNode limit = Json.MAPPER.createObjectNode().put("type", "integer").put("minimum", 1)
                .put("maximum", OgcHandler.MAX_LIMIT).put("default", OgcHandler.DEFAULT_LIMIT);
        parameters.set("limit", form(param("limit", "query", false, "How many features a page holds", limit)));
        parameters.set("offset", param("offset", "query", false, "How many matching features to skip (used by the next links)",
                Json.MAPPER.createObjectNode().put("type", "integer").put("minimum", 0).put("default", 0)));
        parameters.set("after", param("after", "query", false, "Continue after this feature (the key that next links carry)", string()));
        ObjectNode bboxSchema = Json.MAPPER.createObjectNode().put("type", "array").put("minItems", 4).put("maxItems", 6);
        bboxSchema.putObject("items").put("type", "number");
        parameters.set("bbox", form(param("bbox", "query", false, "minX,minY,maxX,maxY in bbox-crs (default CRS84), or six numbers"
                + " with heights (ignored: the data is 2D); in CRS84 a west edge greater than the east edge crosses the antimeridian",
                bboxSchema)));
        parameters.set("bbox-crs", param("bbox-crs", "query", false, "The CRS of bbox", crsSchema()));
        parameters.set("crs", param("crs", "query", false, "The CRS of the geometry in the response", crsSchema()));
        parameters.set("datetime", form(param("datetime", "query", false, "An instant or interval (a/b, ../b, a/..): for incident"
                + " collections the map as it was then; for reference layers the time of last update", string())));
        ObjectNode f = string();
        f.putArray("enum").add("json").add("geojson");
        parameters.set("f", param("f", "query", false, "The format: GeoJSON", f));
        parameters.set("kind", param("kind", "query", false, "Incident collections: element kinds, comma-separated", string()));
        parameters.set("type", param("type", "query", false, "institutions: institution types, comma-separated", string()));
        parameters.set("region", param("region", "query", false, "Reference layers: safety-region code, e.g. VR13", string()));
        parameters.set("repair", param("repair", "query", false, "Repair an invalid polygon instead of rejecting it",
                Json.MAPPER.createObjectNode().put("type", "boolean").put("default", false)));
        parameters.set("If-Match", param("If-Match", "header", true, "The ETag of the version being changed", string()));
        parameters.set("Content-Crs", param("Content-Crs", "header", false, "The CRS of the geometry in the body", string()));
        return doc;
    }

    private static ArrayNode params() {
        return Json.MAPPER.createArrayNode();
    }

    private static ObjectNode ref(String name) {
        return Json.MAPPER.createObjectNode().put("$ref", "#/components/parameters/" + name);
    }

    private static ObjectNode string() {
        return Json.MAPPER.createObjectNode().put("type", "string");
    }

    private static ObjectNode crsSchema() {
        ObjectNode s = string().put("format", "uri").put("default", Crs.CRS84.uri());
        ArrayNode values = s.putArray("enum");
        Crs.URIS.forEach(values::add);
        return s;
    }

    /** Serialised as OGC API - Features requires for limit, bbox and datetime: {@code name=value}, a list comma-separated. */
    private static ObjectNode form(ObjectNode parameter) {
        return parameter.put("style", "form").put("explode", false);
    }

    private static ObjectNode param(String name, String in, boolean required, String description, ObjectNode schema) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("name", name).put("in", in).put("required", required)
                .put("description", description);
        p.set("schema", schema);
        return p;
    }

    private static ObjectNode get(String id, String summary, String mediaType, ArrayNode parameters) {
        ObjectNode path = Json.MAPPER.createObjectNode();
        ObjectNode op = path.putObject("get").put("operationId", id).put("summary", summary);
        op.set("parameters", parameters);
        ObjectNode responses = op.putObject("responses");
        responses.putObject("200").put("description", summary).putObject("content").putObject(mediaType);
        errors(responses);
        return path;
    }

    private static ObjectNode write(String id, String summary, boolean body, ArrayNode parameters) {
        ObjectNode op = Json.MAPPER.createObjectNode().put("operationId", id).put("summary", summary);
        op.set("parameters", parameters);
        if (body) {
            op.putObject("requestBody").put("required", true).putObject("content").putObject(FeatureCollectionWriter.GEOJSON)
                    .putObject("schema").put("type", "object");
        }
        ObjectNode responses = op.putObject("responses");
        responses.putObject(body ? "200" : "204").put("description", "Done");
        if (body) responses.putObject("201").put("description", "Created; Location names the new feature");
        responses.putObject("412").put("description", "If-Match names an older version; the body holds the current one");
        responses.putObject("428").put("description", "If-Match is missing");
        errors(responses);
        return op;
    }

    private static void errors(ObjectNode responses) {
        responses.putObject("400").put("description", "Invalid parameter or body (application/problem+json)");
        responses.putObject("404").put("description", "Not found (application/problem+json)");
    }
}
