package nl.zorgbeeld.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.zorgbeeld.analysis.AffectedCsv;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.AnalysisService;
import nl.zorgbeeld.analysis.Rings;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Json;
import nl.zorgbeeld.common.TimeFilter;
import nl.zorgbeeld.element.ElementHandler;
import nl.zorgbeeld.element.ElementQuery;
import nl.zorgbeeld.element.ElementService;
import nl.zorgbeeld.geo.Crs;
import nl.zorgbeeld.geo.FeatureCollectionWriter;
import nl.zorgbeeld.geo.StreamedPage;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.IncidentDetail;
import nl.zorgbeeld.incident.IncidentService;
import nl.zorgbeeld.picture.PictureService;
import nl.zorgbeeld.picture.PictureView;

/**
 * Snapshots of an incident: {@link #collect} reads the whole picture at one moment from the
 * services that own it (incident, picture, elements, analysis), {@link #write} turns it into the
 * ZIP: the offline page, the PDF, the picture as JSON (the source for a restore), every layer as
 * GeoJSON and as one GeoPackage, and the analysis and call list as CSV.
 */
public final class SnapshotService {
    /** The Leaflet files the offline page loads, from the same WebJar the app serves. */
    private static final String LEAFLET = "/META-INF/resources/webjars/leaflet/1.9.4/dist/";
    private static final List<String> LEAFLET_FILES = List.of("leaflet.js", "leaflet.css", "images/layers.png",
            "images/layers-2x.png", "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png");

    private final IncidentService incidents;
    private final PictureService pictures;
    private final ElementService elements;
    private final AnalysisService analysis;
    private final SnapshotStore store;
    private final Clock clock;

    SnapshotService(IncidentService incidents, PictureService pictures, ElementService elements, AnalysisService analysis,
                    SnapshotStore store, Clock clock) {
        this.incidents = incidents;
        this.pictures = pictures;
        this.elements = elements;
        this.analysis = analysis;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Reads the incident's whole picture at {@code at} (null: now). 404 for an unknown incident; 400
     * naming {@code at} for a moment before the incident started (or was registered) or in the future.
     */
    public Snapshot collect(long incidentId, OffsetDateTime at) {
        IncidentDetail detail = incidents.get(incidentId);
        Incident now = detail.incident();
        OffsetDateTime requested = at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
        if (requested != null) {
            OffsetDateTime start = now.state().startedAt().isAfter(now.createdAt()) ? now.state().startedAt() : now.createdAt();
            if (requested.isBefore(start)) {
                throw ApiException.badParameter("at", "at (" + requested + ") is before the incident: it started at "
                        + now.state().startedAt() + " and was registered at " + now.createdAt());
            }
        }
        OffsetDateTime exportedAt = OffsetDateTime.now(clock);
        PictureView picture = pictures.view(incidentId, requested);
        OffsetDateTime shows = picture.evaluatedAt();
        JsonNode rd = elements(incidentId, requested, Crs.RD_NEW);
        JsonNode wgs84 = elements(incidentId, requested, Crs.CRS84);
        Analysis result = analysis.analyse(incidentId, Rings.DEFAULT, requested);
        SnapshotStore.Region region = store.region(picture.incident().state().regionCode()).orElse(null);
        return new Snapshot(exportedAt, requested, shows, picture,
                detail.regieHistory().stream().filter(r -> !r.since().isAfter(shows)).toList(), rd,
                analysis.statuses(incidentId, requested), result, SnapshotLayers.of(rd, wgs84, result, region), region);
    }

    /** "momentopname-incident-12-20261123-101500.zip". */
    public static String fileName(Snapshot snapshot) {
        return "momentopname-incident-" + snapshot.incident().id() + "-" + DutchTime.stamp(snapshot.shows()) + ".zip";
    }

    private JsonNode elements(long incidentId, OffsetDateTime at, Crs crs) {
        TimeFilter time = at == null ? null : TimeFilter.at(at.toInstant());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (FeatureCollectionWriter writer = new FeatureCollectionWriter(buffer)) {
            int offset = 0;
            StreamedPage page;
            do {
                page = elements.stream(new ElementQuery(incidentId, time, Set.of(), null, Crs.CRS84, crs,
                        ElementHandler.MAX_LIMIT, offset, null), writer);
                offset += page.returned();
            } while (page.more());
            writer.finish("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.tree(buffer.toString(StandardCharsets.UTF_8));
    }

    /**
     * Writes the ZIP to {@code out} (left open). The PDF and the GeoPackage are made first, so that
     * a failure there still reaches the client as an error rather than as a cut-off ZIP.
     */
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfPicture.write(snapshot, pdf);
        Path gpkg = Files.createTempFile("zorgbeeld-snapshot-", ".gpkg");
        try {
            GeoPackageFile.write(snapshot.layers(), gpkg);
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            entry(zip, "index.html", o -> HtmlPage.write(snapshot, Basemap.wgs84Json(), o));
            for (String file : LEAFLET_FILES) {
                entry(zip, "leaflet/" + file, o -> {
                    try (InputStream in = SnapshotService.class.getResourceAsStream(LEAFLET + file)) {
                        if (in == null) throw new IllegalStateException("Leaflet's " + file + " is missing from the WebJar");
                        in.transferTo(o);
                    }
                });
            }
            entry(zip, "picture.pdf", pdf::writeTo);
            entry(zip, "picture.json", o -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(o, SnapshotDocument.of(snapshot)));
            for (Layer layer : snapshot.layers()) {
                entry(zip, "lagen/" + layer.name() + ".geojson", o -> GeoJsonLayer.write(layer, o));
            }
            entry(zip, "lagen.gpkg", o -> Files.copy(gpkg, o));
            entry(zip, "netwerkanalyse.csv", o -> csv(o, snapshot.analysis().items()));
            entry(zip, "belronde.csv", o -> csv(o, snapshot.analysis().callList()));
            entry(zip, "LEESMIJ.txt", o -> o.write(Readme.text(snapshot).getBytes(StandardCharsets.UTF_8)));
            zip.finish();
            zip.flush();
        } finally {
            Files.deleteIfExists(gpkg);
        }
    }

    private static void csv(OutputStream o, List<Analysis.Item> items) throws IOException {
        Writer writer = new OutputStreamWriter(o, StandardCharsets.UTF_8);
        AffectedCsv.write(writer, items);
        writer.flush();
    }

    @FunctionalInterface
    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, String name, Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        // Writers that close their stream must not close the ZIP.
        content.write(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        zip.closeEntry();
    }
}
