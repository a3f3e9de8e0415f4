package nl.zorgbeeld.analysis;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The affected institutions as CSV for a spreadsheet (and as the printable fallback of the call list).
 * Dutch headers, semicolons and a byte-order mark, which is what a Dutch spreadsheet program expects;
 * distances in whole metres so that no decimal separator is involved. Coordinates are in the GeoJSON.
 */
public final class AffectedCsv {
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final String[] HEADERS = {
        "zone", "zone_omschrijving", "afstand_m", "instelling_id", "naam", "type", "organisatie", "aangesloten",
        "veiligheidsregio", "telefoon", "email", "adres", "status", "notitie", "nieuw_geraakt", "oorzaak"
    };
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(HEADERS).setRecordSeparator("\r\n").get();

    private AffectedCsv() {}

    public static void write(Writer out, List<Analysis.Item> items) throws IOException {
        out.write('\uFEFF');
        // Not closed here: the caller owns the stream.
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        for (Analysis.Item item : items) {
            Affected a = item.affected();
            Institution i = a.institution();
            Stakeholder s = item.status();
            csv.printRecord(a.zone().key(), a.zone().label(), Math.round(a.distance()), i.id(), i.name(), i.type(), i.organisation(),
                    yesNo(i.connected()), i.regionName() != null ? i.regionName() : i.regionCode(), i.phone(), i.email(), i.address(),
                    s.status().label(), s.note(), yesNo(item.newlyAffected()), cause(a.hazard()));
        }
        csv.flush();
    }

    private static String yesNo(boolean value) {
        return value ? "ja" : "nee";
    }

    /** "Effectgebied AGW (Pluim ammoniak)": the kind of element and its label. */
    private static String cause(Hazard h) {
        String kind = switch (h.kind()) {
            case Hazard.EFFECT -> "Effectgebied " + h.effectZone();
            case Hazard.AREA -> "Incidentgebied";
            default -> "Incidentlocatie";
        };
        return h.label() == null ? kind : kind + " (" + h.label() + ")";
    }
}
