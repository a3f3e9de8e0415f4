package nl.zorgbeeld.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Certainty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Reading request bodies: each mistake is named with the field where it is. */
class JsonBodyTest {
    private static final Set<String> FIELDS = Set.of("text", "n", "when", "certainty", "nested", "items");

    private static String where(Executable read) {
        ApiException e = assertThrows(ApiException.class, read);
        assertEquals(400, e.status());
        return e.where();
    }

    @Test
    void fieldsAreReadWithTheirTypes() {
        JsonBody body = JsonBody.parse("{\"text\": \"  Brand \", \"n\": 3, \"when\": \"2026-03-01T14:05:00+01:00\", \"certainty\": \"mening\"}", FIELDS);
        assertEquals("Brand", body.text("text", 10));
        assertEquals(3, body.integer("n", 0, 5));
        assertEquals("2026-03-01T13:05Z", body.instant("when").toInstant().toString().replace(":00Z", "Z"));
        assertEquals(Certainty.MENING, body.code("certainty", Certainty.class));
        assertNull(body.text("nested", 10));
        assertFalse(body.has("items"));
    }

    @Test
    void mistakesNameTheirField() {
        assertEquals("body", where(() -> JsonBody.parse("{\"text\": ", FIELDS)));
        assertEquals("body", where(() -> JsonBody.parse("{} {}", FIELDS)));
        assertEquals("body", where(() -> JsonBody.parse("{\"n\": 1, \"n\": 2}", FIELDS)));
        assertEquals("colour", where(() -> JsonBody.parse("{\"colour\": 1}", FIELDS)));
        assertEquals("text", where(() -> JsonBody.parse("{\"text\": 1}", FIELDS).text("text", 10)));
        assertEquals("text", where(() -> JsonBody.parse("{\"text\": \"elf tekens!\"}", FIELDS).text("text", 10)));
        assertEquals("n", where(() -> JsonBody.parse("{\"n\": 6}", FIELDS).integer("n", 0, 5)));
        assertEquals("n", where(() -> JsonBody.parse("{\"n\": true}", FIELDS).integer("n", 0, 5)));
        assertEquals("when", where(() -> JsonBody.parse("{\"when\": \"2026-03-01 14:05\"}", FIELDS).instant("when")));
        assertEquals("certainty", where(() -> JsonBody.parse("{\"certainty\": \"zeker\"}", FIELDS).code("certainty", Certainty.class)));
        assertEquals("nested.x", where(() -> JsonBody.parse("{\"nested\": {\"x\": 1}}", FIELDS).object("nested", Set.of("y"))));
        assertEquals("items[1]", where(() -> JsonBody.parse("{\"items\": [1, \"2\"]}", FIELDS).longList("items")));
    }

    @Test
    void textIsPlainAndItsLengthIsInCharacters() {
        assertEquals("text", where(() -> JsonBody.parse("{\"text\": \"a\\u0007b\"}", FIELDS).text("text", 10)));
        assertEquals("regel 1\nregel 2", JsonBody.parse("{\"text\": \"regel 1\\nregel 2\"}", FIELDS).text("text", 20));
        assertEquals("😷😷😷", JsonBody.parse("{\"text\": \"😷😷😷\"}", FIELDS).text("text", 3), "three characters, six UTF-16 units");
        assertTrue(JsonBody.parse("{\"text\": null}", FIELDS).isNull("text"));
    }
}
