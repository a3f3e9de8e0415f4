package nl.zorgbeeld.web;

import nl.zorgbeeld.testing.TestDatabase;

/**
 * A small, known reference set for the browser tests: two provinces, two safety regions, three
 * municipalities (rectangles around Amsterdam and Utrecht) and five institutions of three types.
 * Geometry is written in WGS84 and stored in RD New, as the importer stores it.
 */
final class ReferenceFixtures {
    private ReferenceFixtures() {}

    static void load() {
        TestDatabase.execute("""
            INSERT INTO province (code, name, source, geom) VALUES
              ('PV27', 'Noord-Holland', 'provincies_test.geojson', %s),
              ('PV26', 'Utrecht', 'provincies_test.geojson', %s);
            INSERT INTO safety_region (code, name, source, geom) VALUES
              ('VR13', 'Amsterdam-Amstelland', 'veiligheidsregios_test.geojson', %s),
              ('VR09', 'Utrecht', 'veiligheidsregios_test.geojson', %s);
            INSERT INTO municipality (code, name, region_code, province_code, source, geom) VALUES
              ('GM0363', 'Amsterdam', 'VR13', 'PV27', 'gemeenten_test.geojson', %s),
              ('GM0362', 'Amstelveen', 'VR13', 'PV27', 'gemeenten_test.geojson', %s),
              ('GM0344', 'Utrecht', 'VR09', 'PV26', 'gemeenten_test.geojson', %s);
            """.formatted(box(4.5, 52.2, 5.3, 53.0), box(4.8, 51.9, 5.6, 52.2),
                box(4.7, 52.25, 5.1, 52.45), box(4.8, 51.9, 5.6, 52.2),
                box(4.75, 52.31, 5.05, 52.43), box(4.8, 52.26, 4.92, 52.31), box(5.0, 52.02, 5.2, 52.15)));
        TestDatabase.execute("""
            INSERT INTO institution (id, type, name, organisation, street, house_number, postcode, city, phone,
                                     emergency_department, nicu, connected, region_code, municipality_code, source, geom) VALUES
              ('test-1', 'ziekenhuis', 'Testziekenhuis Amsterdam Zuid', 'Test UMC', 'De Boelelaan', '1117', '1081 HV', 'Amsterdam',
               '020 123 4567', true, true, true, 'VR13', 'GM0363', 'zorg_test.csv', %s),
              ('test-2', 'ziekenhuis', 'Testziekenhuis Utrecht', 'Stichting Testzorg', 'Lundlaan', '6', '3584 EA', 'Utrecht',
               null, false, null, true, 'VR09', 'GM0344', 'zorg_test.csv', %s),
              ('test-3', 'vvt', 'Verpleeghuis De Linde', 'Lindezorg', 'Lindenlaan', '3', '1022 AB', 'Amsterdam',
               null, null, null, false, 'VR13', 'GM0363', 'zorg_test.csv', %s),
              ('test-4', 'vvt', 'Zorgcentrum Het Anker', 'Ankerzorg', null, '12', '3561 AA', 'Utrecht',
               null, null, null, false, 'VR09', 'GM0344', 'zorg_test.csv', %s),
              ('test-5', 'ambulancepost', 'Ambulancepost Amstelveen', 'RAV Amsterdam-Amstelland', 'Startbaan', '1', '1185 XR', 'Amstelveen',
               null, null, null, true, 'VR13', 'GM0362', 'zorg_test.csv', %s);
            """.formatted(point(4.86, 52.334), point(5.18, 52.087), point(4.95, 52.37), point(5.08, 52.10), point(4.86, 52.28)));
        TestDatabase.execute("""
            INSERT INTO reference_source (layer, source, attribution, licence, features) VALUES
              ('provinces', 'provincies_test.geojson', '© CBS, Kadaster (CC BY 4.0)', 'CC BY 4.0', 2),
              ('safety-regions', 'veiligheidsregios_test.geojson', '© CBS, Kadaster (CC BY 4.0)', 'CC BY 4.0', 2),
              ('municipalities', 'gemeenten_test.geojson', '© CBS, Kadaster (CC BY 4.0)', 'CC BY 4.0', 3),
              ('institutions', 'zorg_test.csv', 'Testbron Zorg', 'CC0', 5);
            """);
    }

    private static String box(double minLon, double minLat, double maxLon, double maxLat) {
        return "ST_Multi(ST_Transform(ST_MakeEnvelope(%s, %s, %s, %s, 4326), 28992))".formatted(minLon, minLat, maxLon, maxLat);
    }

    private static String point(double lon, double lat) {
        return "ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), 28992)".formatted(lon, lat);
    }
}
