package nl.zorgbeeld.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.zorgbeeld.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md shows the rights table generated from AccessRules, so the document cannot drift
 * from what the app enforces. To regenerate it after changing a rule:
 * {@code ./zorgbeeld test -Dtest=SecurityDocTest -Dzb.writeDocs=true}.
 */
class SecurityDocTest {

    @Test
    void theRightsTableInTheDocsIsTheOneTheRulesGenerate() throws Exception {
        Path doc = TestDatabase.projectDir().resolve("docs/security.md");
        String text = Files.readString(doc);
        int start = text.indexOf(AccessTable.START);
        int end = text.indexOf(AccessTable.END);
        assertTrue(start >= 0 && end > start, "docs/security.md needs the markers " + AccessTable.START + " and " + AccessTable.END);
        String current = text.substring(start + AccessTable.START.length(), end).strip();
        String generated = AccessTable.markdown().strip();
        if (Boolean.getBoolean("zb.writeDocs")) {
            Files.writeString(doc, text.substring(0, start + AccessTable.START.length()) + "\n" + generated + "\n" + text.substring(end));
            return;
        }
        assertEquals(generated, current, "the rights table in docs/security.md is out of date: run"
                + " ./zorgbeeld test -Dtest=SecurityDocTest -Dzb.writeDocs=true");
    }
}
