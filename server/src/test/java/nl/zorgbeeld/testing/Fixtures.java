package nl.zorgbeeld.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the fixture files the project writes itself (server/src/test/resources/fixtures). */
public final class Fixtures {
    private Fixtures() {}

    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) throw new IllegalArgumentException("no fixture " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pathText(String name) {
        return path(name).toString();
    }

    /**
     * Empties the reference layers and loads the small fixture set: 2 safety regions, 3 municipalities,
     * 5 institutions (plus the rows the fixtures reject on purpose).
     */
    public static void loadReferenceSet() {
        TestDatabase.clearReferenceData();
        nl.zorgbeeld.importer.Importer importer = new nl.zorgbeeld.importer.Importer(TestDatabase.dataSource());
        for (String file : new String[] {"veiligheidsregios_test.geojson", "gemeenten_test.geojson", "instellingen_test.geojson",
                "instellingen_rd.csv"}) {
            importer.importSource(pathText("reference/" + file));
        }
    }
}
