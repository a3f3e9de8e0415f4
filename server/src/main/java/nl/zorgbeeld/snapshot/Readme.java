package nl.zorgbeeld.snapshot;

/** LEESMIJ.txt: what the snapshot holds, for whoever opens the ZIP without the app. */
final class Readme {
    private Readme() {}

    static String text(Snapshot s) {
        return "Momentopname uit Zorgbeeld\r\n"
                + "==========================\r\n\r\n"
                + (s.incident().state().exercise() ? "OEFENING: dit beeld betreft geen echt incident.\r\n\r\n" : "")
                + "Incident " + s.incident().id() + ": " + s.incident().state().title() + "\r\n"
                + "Toont de situatie van " + DutchTime.full(s.shows()) + " (Nederlandse tijd).\r\n"
                + "Gemaakt op " + DutchTime.full(s.exportedAt()) + ".\r\n\r\n"
                + "index.html          het hele beeld met kaart; opent in een browser zonder server en zonder internet\r\n"
                + "picture.pdf         hetzelfde om af te drukken (A4)\r\n"
                + "picture.json        het beeld als gegevens; ./zorgbeeld restore leest dit bestand in een andere Zorgbeeld in\r\n"
                + "lagen/*.geojson     elke kaartlaag als GeoJSON (WGS84)\r\n"
                + "lagen.gpkg          alle kaartlagen in een GeoPackage (RD New, EPSG:28992), voor QGIS en ArcGIS\r\n"
                + "netwerkanalyse.csv  de geraakte zorginstellingen\r\n"
                + "belronde.csv        de instellingen die nog gebeld moeten worden\r\n"
                + "leaflet/            de kaartbibliotheek Leaflet 1.9.4 (BSD-2-Clause) voor index.html\r\n";
    }
}
