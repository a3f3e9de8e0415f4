package nl.zorgbeeld.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The picture elements do not depend on the network analysis: the analysis listens to element changes
 * ({@link ElementListener}), not the other way round. Checked in the compiled classes, where every
 * class a class refers to is named in its constant pool (imports or not), and in the sources.
 */
class ElementDependenciesTest {
    private static final String ANALYSIS = "nl/zorgbeeld/analysis/";

    @Test
    void noElementClassRefersToTheAnalysis() throws IOException, URISyntaxException {
        Path classes = Path.of(ElementService.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("nl/zorgbeeld/element");
        List<Path> files;
        try (Stream<Path> walk = Files.list(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() >= 8, "found the element classes in " + classes + ": " + files.size());
        List<String> offending = files.stream().filter(ElementDependenciesTest::refersToAnalysis).map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of(), offending);
    }

    @Test
    void noElementSourceNamesTheAnalysis() throws IOException {
        Path sources = Path.of(System.getProperty("zb.project.dir", ".")).resolve("server/src/main/java/nl/zorgbeeld/element");
        List<Path> files;
        try (Stream<Path> walk = Files.list(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() >= 8, "found the element sources in " + sources);
        for (Path file : files) {
            String text = Files.readString(file);
            assertTrue(!text.contains("nl.zorgbeeld.analysis"), file.getFileName() + " names the analysis package");
        }
    }

    private static boolean refersToAnalysis(Path classFile) {
        try {
            // Class names are stored as modified UTF-8, which is plain ASCII for these names.
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(ANALYSIS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
