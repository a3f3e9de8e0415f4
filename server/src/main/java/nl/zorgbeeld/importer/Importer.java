package nl.zorgbeeld.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.zorgbeeld.reference.InstitutionTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads reference layers from a folder (recursively), a GeoJSON or CSV file, or an OGC API - Features
 * collection URL. Each source is stored in its own transaction: a source that cannot be read is not
 * stored at all, while single bad records are rejected with their reason and the rest is loaded.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    private static final String BUNDLED_OUTLINE = "/data/basemap/ne_10m_countries_nl_be_de_lu.geojson";
    private static final String BUNDLED_OUTLINE_NAME = "Natural Earth 1:10m (bundled)";

    private final DataSource dataSource;
    private final InstitutionTypes types = InstitutionTypes.load();
    private final SourceManifest manifest = SourceManifest.load();
    private final Duration httpTimeout;

    public Importer(DataSource dataSource) {
        this(dataSource, Duration.ofSeconds(10));
    }

    public Importer(DataSource dataSource, Duration httpTimeout) {
        this.dataSource = dataSource;
        this.httpTimeout = httpTimeout;
    }

    /** A source to open: its name for layer detection and a way to read it. */
    private record Opener(String name, String location, Supplier<RecordSource> open) {}

    /**
     * A source recognised as a layer, kept open with its first record already read, so that loading
     * goes on where recognising stopped (an OGC API source is not asked for its first page twice).
     */
    private record Planned(Opener opener, LayerKind kind, boolean hasStatcode, SourceRecord first, RecordSource records) {}

    public ImportReport importSource(String source) {
        return importAll(openers(source));
    }

    /** Loads the given OGC API collection URLs as one import (areas first, then what lies in them). */
    public ImportReport importUrls(List<String> urls) {
        return importAll(urls.stream().map(this::urlOpener).toList());
    }

    private ImportReport importAll(List<Opener> openers) {
        ImportReport report = new ImportReport();
        ensureLandOutline();
        List<Planned> plan = new ArrayList<>();
        try {
            for (Opener opener : openers) {
                try {
                    plan(opener, report).ifPresent(plan::add);
                } catch (ImportException e) {
                    LOG.error("{}", e.getMessage());
                    report.fail(e.getMessage());
                }
            }
            plan.sort(Comparator.comparing(Planned::kind));
            boolean stored = false;
            for (Planned p : plan) {
                stored |= load(p, report);
            }
            if (stored) deriveSpatially();
        } finally {
            plan.forEach(p -> p.records().close());
        }
        LOG.info("import done: {} stored, {} rejected, {} sources failed",
                report.loaded().stream().mapToInt(l -> l.inserted() + l.updated()).sum(), report.rejectedCount(), report.failures().size());
        return report;
    }

    /** The source opened and recognised from its first record; it stays open only when it is a layer to load. */
    private Optional<Planned> plan(Opener opener, ImportReport report) {
        RecordSource records = opener.open().get();
        try {
            if (!records.hasNext()) {
                report.fail(opener.location() + ": no features or rows");
                LOG.warn("{}: no features or rows: skipped", opener.location());
                records.close();
                return Optional.empty();
            }
            SourceRecord first = records.next();
            Optional<LayerKind> kind = LayerDetector.detect(opener.name(), first);
            if (kind.isEmpty()) {
                LOG.info("{}: not a reference layer (the country outlines are bundled with the app): skipped", opener.location());
                records.close();
                return Optional.empty();
            }
            return Optional.of(new Planned(opener, kind.get(), first.text("statcode") != null, first, records));
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    private boolean load(Planned p, ImportReport report) {
        String location = p.opener().location();
        LOG.info("loading {} from {}", p.kind().label(), location);
        ImportReport own = new ImportReport();
        try (Connection c = dataSource.getConnection(); RecordSource records = p.records()) {
            c.setAutoCommit(false);
            try {
                RecordLoader loader = loader(c, p, location, own);
                loader.load(p.first());
                while (records.hasNext()) loader.load(records.next());
                loader.finish();
                if (p.kind() != LayerKind.HOSPITAL_FLAGS && loader.stored() > 0) recordSource(c, p, loader.stored());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            for (ImportReport.Rejection r : own.rejected()) LOG.warn("{} {}: rejected: {}", r.source(), r.where(), r.reason());
            own.loaded().forEach(l -> LOG.info("{}: {} {} stored ({} new, {} updated), {} rejected",
                    location, l.inserted() + l.updated(), p.kind().label(), l.inserted(), l.updated(), own.rejectedCount()));
            report.addAll(own);
            return true;
        } catch (ImportException e) {
            LOG.error("{} (nothing of this source was stored)", e.getMessage());
            report.fail(e.getMessage());
        } catch (SQLException e) {
            LOG.error("{}: storing failed, nothing of this source was stored: {}", location, e.getMessage());
            report.fail(location + ": storing failed: " + e.getMessage());
        }
        return false;
    }

    private RecordLoader loader(Connection c, Planned p, String location, ImportReport report) throws SQLException {
        return switch (p.kind()) {
            case INSTITUTION -> new InstitutionLoader(c, p.opener().name(), location, report, types);
            case HOSPITAL_FLAGS -> new HospitalFlagsLoader(c, location, report);
            default -> new AreaLoader(c, p.kind(), p.opener().name(), location, report);
        };
    }

    /** The source's row in reference_source, keyed by its name (never its path), with the manifest's attribution and licence. */
    private void recordSource(Connection c, Planned p, int features) throws SQLException {
        SourceManifest.Attribution a = manifest.attributionFor(p.opener().name(), p.hasStatcode());
        String layer = switch (p.kind()) {
            case LAND_OUTLINE -> "land-outline";
            case PROVINCE -> "provinces";
            case SAFETY_REGION -> "safety-regions";
            case MUNICIPALITY -> "municipalities";
            default -> "institutions";
        };
        try (PreparedStatement demo = c.prepareStatement("DELETE FROM reference_source WHERE layer = ? AND demo");
             PreparedStatement ps = c.prepareStatement("INSERT INTO reference_source (layer, source, attribution, licence, features)"
                     + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (layer, source) DO UPDATE SET attribution = EXCLUDED.attribution,"
                     + " licence = EXCLUDED.licence, features = EXCLUDED.features, demo = false, loaded_at = now()")) {
            demo.setString(1, layer);
            demo.executeUpdate();
            ps.setString(1, layer);
            ps.setString(2, p.opener().name());
            ps.setString(3, a.attribution());
            ps.setString(4, a.licence());
            ps.setInt(5, features);
            ps.executeUpdate();
        }
    }

    private void deriveSpatially() {
        try (Connection c = dataSource.getConnection()) {
            SpatialDerivation.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("deriving safety regions and municipalities failed", e);
        }
    }

    /** The bundled Natural Earth outline of the Netherlands, until a better one is imported. */
    public void ensureLandOutline() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM land_outline LIMIT 1")) {
            if (exists.executeQuery().next()) return;
            c.setAutoCommit(false);
            try (InputStream in = Importer.class.getResourceAsStream(BUNDLED_OUTLINE);
                 RecordSource records = new GeoJsonRecords("natural-earth", BUNDLED_OUTLINE, in)) {
                AreaLoader loader = new AreaLoader(c, LayerKind.LAND_OUTLINE, BUNDLED_OUTLINE_NAME, BUNDLED_OUTLINE, new ImportReport());
                while (records.hasNext()) {
                    SourceRecord r = records.next();
                    if ("NL".equals(r.text("iso_a2"))) loader.load(new SourceRecord(r.where(), java.util.Map.of("name", "Nederland"), r.geometry(), 4326, null));
                }
                loader.finish();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("loading the bundled land outline failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Opener> openers(String source) {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            return List.of(urlOpener(source));
        }
        Path path = Path.of(source);
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                List<Opener> openers = files.filter(Files::isRegularFile).filter(Importer::readable).sorted().map(this::fileOpener).toList();
                if (openers.isEmpty()) throw new ImportException(source + ": no .geojson, .json or .csv files in this folder");
                return openers;
            } catch (IOException e) {
                throw new ImportException(source + ": cannot list the folder: " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new ImportException(source + ": no such file or folder, and not an http(s) URL");
        }
        if (!readable(path)) {
            throw new ImportException(source + ": unsupported file type: use .geojson, .json or .csv");
        }
        return List.of(fileOpener(path));
    }

    private static boolean readable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".geojson") || name.endsWith(".json") || name.endsWith(".csv");
    }

    private Opener fileOpener(Path file) {
        String name = file.getFileName().toString();
        String location = file.toString();
        return new Opener(name, location, () -> {
            try {
                InputStream in = Files.newInputStream(file);
                return name.toLowerCase(Locale.ROOT).endsWith(".csv")
                        ? new CsvRecords(name, location, in) : new GeoJsonRecords(name, location, in);
            } catch (IOException e) {
                throw new ImportException(location + ": cannot open: " + e.getMessage(), e);
            }
        });
    }

    private Opener urlOpener(String url) {
        String collection = OgcApiRecords.itemsUri(url).getPath().replaceAll(".*/collections/([^/]+)/items$", "$1");
        return new Opener(collection, url, () -> new OgcApiRecords(url, httpTimeout));
    }
}
