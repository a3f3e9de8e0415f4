package nl.zorgbeeld.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import nl.zorgbeeld.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database at start-up: from ZORGBEELD_DATA when set; otherwise from the official
 * source of the boundaries (PDOK); when that cannot be reached (a closed network), with the bundled
 * outline and a clearly labelled synthetic demo set.
 */
public final class InitialLoad {
    private static final Logger LOG = LoggerFactory.getLogger(InitialLoad.class);
    public static final String HOW_TO_LOAD = "load real data with: ./zorgbeeld import <folder, file or OGC API collection URL>"
            + " (boundaries: " + Config.DEFAULT_OFFICIAL_SOURCE + "; institutions: your GHOR register as GeoJSON or CSV,"
            + " see data/examples/)";

    private final DataSource dataSource;
    private final Config config;

    public InitialLoad(DataSource dataSource, Config config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public void loadIfEmpty() {
        Importer importer = new Importer(dataSource, Duration.ofSeconds(5));
        importer.ensureLandOutline();
        if (!isEmpty()) return;
        if (config.dataDir() != null) {
            LOG.info("empty database: loading reference data from ZORGBEELD_DATA={}", config.dataDir());
            importer.importSource(config.dataDir().toString());
        } else {
            loadOfficial(importer);
        }
        if (count("institution") == 0 || count("safety_region") == 0) {
            LOG.warn("no real reference data could be loaded: starting with a SYNTHETIC DEMO SET; {}", HOW_TO_LOAD);
            new DemoData(dataSource).generate();
        }
    }

    private void loadOfficial(Importer importer) {
        SourceManifest manifest = SourceManifest.load();
        String base = config.officialSourceUrl().toString().replaceAll("/+$", "");
        String filter = "?jaarcode=" + config.boundaryYear();
        List<String> urls = List.of("safety-regions", "municipalities", "provinces").stream()
                .map(layer -> base + "/collections/" + manifest.officialCollection(layer) + "/items" + filter).toList();
        LOG.info("empty database and no ZORGBEELD_DATA: trying the official boundaries at {}", base);
        ImportReport report = importer.importUrls(urls);
        if (!report.failures().isEmpty()) {
            LOG.warn("the official source could not be read ({}); working offline", report.failures().get(0));
        }
    }

    private boolean isEmpty() {
        return count("institution") == 0 && count("safety_region") == 0 && count("municipality") == 0;
    }

    private long count(String table) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting " + table + " failed", e);
        }
    }
}
