package nl.zorgbeeld.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads a register as CSV with a header row: WGS84 columns (lat/lon) or RD New columns (x/y).
 * The delimiter (comma, semicolon or tab) is taken from the header; a decimal comma is accepted.
 */
public final class CsvRecords implements RecordSource {
    static final List<String> LAT = List.of("lat", "latitude", "breedtegraad");
    static final List<String> LON = List.of("lon", "lng", "long", "longitude", "lengtegraad");
    static final List<String> X = List.of("x", "rd_x", "x_rd", "xcoord");
    static final List<String> Y = List.of("y", "rd_y", "y_rd", "ycoord");

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final String name;
    private final String location;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final String latColumn;
    private final String lonColumn;
    private final int srid;

    public CsvRecords(String name, String location, InputStream in) {
        this.name = name;
        this.location = location;
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.mark(64 * 1024);
            String header = reader.readLine();
            if (header == null) throw new ImportException(location + ": the file is empty");
            reader.reset();
            char delimiter = delimiterOf(header);
            this.parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get().parse(reader);
            List<String> columns = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
            String lat = column(columns, LAT);
            String lon = column(columns, LON);
            String x = column(columns, X);
            String y = column(columns, Y);
            if (lat != null && lon != null) {
                latColumn = lat;
                lonColumn = lon;
                srid = 4326;
            } else if (x != null && y != null) {
                latColumn = y;
                lonColumn = x;
                srid = 28992;
            } else {
                throw new ImportException(location + ": no coordinate columns: the header needs lat and lon (WGS84) or x and y (RD New, EPSG:28992); found " + columns);
            }
            this.rows = parser.iterator();
        } catch (IOException e) {
            throw new ImportException(location + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static char delimiterOf(String header) {
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) return '\t';
        return semicolons > commas ? ';' : ',';
    }

    private static String column(List<String> columns, List<String> candidates) {
        for (String c : columns) {
            if (candidates.contains(c.trim().toLowerCase(Locale.ROOT))) return c;
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportException(location + ": cannot read after line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        CSVRecord row = rows.next();
        String where = "line " + (row.getRecordNumber() + 1);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : row.toMap().entrySet()) {
            properties.put(e.getKey().replace("\uFEFF", ""), e.getValue());
        }
        String latText = row.isMapped(latColumn) && row.isSet(latColumn) ? row.get(latColumn) : "";
        String lonText = row.isMapped(lonColumn) && row.isSet(lonColumn) ? row.get(lonColumn) : "";
        if (latText.isBlank() || lonText.isBlank()) {
            return new SourceRecord(where, properties, null, srid, "missing coordinates");
        }
        try {
            double northing = number(latText);
            double easting = number(lonText);
            return new SourceRecord(where, properties, GEOMETRY.createPoint(new Coordinate(easting, northing)), srid, null);
        } catch (NumberFormatException e) {
            return new SourceRecord(where, properties, null, srid,
                    "coordinates are not numbers: '" + lonText + "', '" + latText + "'");
        }
    }

    private static double number(String text) {
        return Double.parseDouble(text.trim().replace(',', '.'));
    }

    @Override
    public String name() { return name; }

    @Override
    public String location() { return location; }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Closing a file we only read cannot lose data.
        }
    }
}
