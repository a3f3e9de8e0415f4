package nl.zorgbeeld.analysis;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.zorgbeeld.plume.ForecastReach;
import nl.zorgbeeld.plume.Threat;
import nl.zorgbeeld.plume.ZoneLevel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The affected institutions as CSV for a spreadsheet (and as the printable fallback of the call list).
 * Dutch headers, semicolons and a byte-order mark, which is what a Dutch spreadsheet program expects;
 * distances in whole metres so that no decimal separator is involved. Coordinates are in the GeoJSON.
 * The plume's columns (empty without a plume, or for an institution outside it): its zone there (or the
 * zone whose confidence area holds it), the estimated concentration and that on the plume's axis in
 * mg/m3 with a decimal comma, the arrival in whole minutes after the release began; the forecast's:
 * from which hour (in the Netherlands) it is reached, in which zone, and its worst zone and from when.
 */
public final class AffectedCsv {
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final String[] HEADERS = {
        "zone", "zone_omschrijving", "afstand_m", "instelling_id", "naam", "type", "organisatie", "aangesloten",
        "veiligheidsregio", "telefoon", "email", "adres", "status", "notitie", "nieuw_geraakt", "oorzaak",
        "pluim_zone", "pluim_marge_zone", "concentratie_mg_m3", "concentratie_hartlijn_mg_m3", "aankomst_min",
        "prognose_vanaf", "prognose_zone", "prognose_ergste_zone", "prognose_ergste_vanaf"
    };
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));
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
            Threat t = item.plume();
            ForecastReach r = item.forecast();
            csv.printRecord(a.zone().key(), a.zone().label(), Math.round(a.distance()), i.id(), i.name(), i.type(), i.organisation(),
                    yesNo(i.connected()), i.regionName() != null ? i.regionName() : i.regionCode(), i.phone(), i.email(), i.address(),
                    s.status().label(), s.note(), yesNo(item.newlyAffected()), cause(a.hazard()),
                    t == null ? null : code(t.zone()), t == null || t.zone() != null ? null : code(t.confidenceZone()),
                    t == null ? null : number(t.concentration()), t == null ? null : number(t.centreLine()),
                    t == null ? null : PlumeWords.minutes(t.arrivalSeconds()),
                    r == null ? null : HOUR.format(r.firstAffected()), r == null ? null : r.firstZone().code(),
                    r == null ? null : r.worstZone().code(), r == null ? null : HOUR.format(r.worstFrom()));
        }
        csv.flush();
    }

    private static String code(ZoneLevel level) {
        return level == null ? null : level.code();
    }

    private static String number(Double value) {
        return value == null ? null : PlumeWords.number(value);
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
