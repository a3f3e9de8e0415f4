package nl.zorgbeeld.status;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.status.StatusContent.BedCount;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The regional overview as CSV for a spreadsheet: Dutch headers, semicolons and a byte-order mark,
 * as a Dutch spreadsheet program expects (like the network analysis CSV). An unknown value is an
 * empty cell, never 0. Times in Europe/Amsterdam.
 */
final class StatusCsv {
    static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';')
            .setHeader(headers()).setRecordSeparator("\r\n").get();

    private StatusCsv() {}

    private static String[] headers() {
        List<String> h = new ArrayList<>(List.of("instelling_id", "naam", "type", "veiligheidsregio", "status", "seh", "seh_reden",
                "gemeld_op", "leeftijd_min", "verouderd"));
        for (BedType type : BedType.values()) {
            h.add("bedden_" + type.code() + "_vrij");
            h.add("bedden_" + type.code() + "_totaal");
        }
        h.addAll(List.of("ontvangen_t1", "ontvangen_t2", "ontvangen_t3", "ontvangen_dood", "ontvangen_onbekend", "decontaminatie",
                "decontaminatie_per_uur", "personeel", "knelpunt_stroom", "knelpunt_water", "knelpunt_ict", "knelpunt_personeel",
                "knelpunt_voorraden", "behoeften", "toelichting", "gemeld_door", "organisatie", "versie"));
        return h.toArray(String[]::new);
    }

    static void write(Writer out, List<StatusItem> items) throws IOException {
        out.write('\uFEFF');
        // Not closed here: the caller owns the stream.
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        for (StatusItem item : items) {
            InstitutionRef i = item.institution();
            StatusReport r = item.report();
            List<Object> row = new ArrayList<>(List.of(i.id(), i.name(), i.type(), i.regionCode() == null ? "" : i.regionCode()));
            if (r == null) {
                row.addAll(List.of("geen melding", "", ""));
                while (row.size() < FORMAT.getHeader().length) row.add("");
                csv.printRecord(row);
                continue;
            }
            StatusContent c = r.content();
            row.add(code(c.operationalStatus()));
            row.add(code(c.emergencyDepartment().status()));
            row.add(text(c.emergencyDepartment().reason()));
            row.add(TIME.format(r.reportedAt()));
            row.add(item.ageSeconds() / 60);
            row.add(item.stale() ? "ja" : "nee");
            for (BedType type : BedType.values()) {
                BedCount bed = c.beds().get(type.code());
                row.add(number(bed == null ? null : bed.available()));
                row.add(number(bed == null ? null : bed.total()));
            }
            var received = c.received();
            for (Integer n : new Integer[] {received.t1(), received.t2(), received.t3(), received.dead(), received.unknown()}) row.add(number(n));
            row.add(code(c.decontamination().status()));
            row.add(number(c.decontamination().capacityPerHour()));
            row.add(code(c.staffing()));
            var k = c.continuity();
            for (Coded level : new Coded[] {k.power(), k.water(), k.ict(), k.staff(), k.supplies()}) row.add(code(level));
            row.add(text(c.needs()));
            row.add(text(c.remarks()));
            row.add(r.author());
            row.add(r.organisation());
            row.add(r.version());
            csv.printRecord(row);
        }
        csv.flush();
    }

    private static String code(Coded value) {
        return value == null ? "" : value.code();
    }

    private static Object number(Integer value) {
        return value == null ? "" : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
