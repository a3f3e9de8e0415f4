package nl.zorgbeeld;

import io.javalin.Javalin;
import java.util.Arrays;
import java.util.List;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.importer.ImportException;
import nl.zorgbeeld.importer.ImportReport;
import nl.zorgbeeld.importer.Importer;
import nl.zorgbeeld.importer.InitialLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Entry point: {@code serve} runs the app, {@code import SOURCE...} loads reference layers. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            Config config = Config.fromEnvironment(System.getenv());
            switch (command) {
                case "serve" -> serve(config);
                case "import" -> System.exit(importSources(config, Arrays.asList(args).subList(1, args.length)));
                default -> {
                    System.err.println("usage: zorgbeeld serve | import SOURCE...");
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | ImportException e) {
            LOG.error("{}", e.getMessage());
            System.exit(1);
        }
    }

    private static void serve(Config config) {
        Database db = Database.open(config.databaseUrl());
        new InitialLoad(db.dataSource(), config).loadIfEmpty();
        Javalin app = App.create(config, db.dataSource(), db.postgisVersion());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            app.stop();
            db.close();
        }, "shutdown"));
        app.start("0.0.0.0", config.port());
        LOG.info("Zorgbeeld is running on http://localhost:{}", config.port());
    }

    private static int importSources(Config config, List<String> sources) {
        if (sources.isEmpty()) {
            System.err.println("usage: zorgbeeld import SOURCE... (a folder, a GeoJSON/CSV file, or an OGC API - Features collection URL)");
            return 2;
        }
        try (Database db = Database.open(config.databaseUrl())) {
            Importer importer = new Importer(db.dataSource());
            boolean anyFailed = false;
            for (String source : sources) {
                ImportReport report = importer.importSource(source);
                anyFailed |= !report.failures().isEmpty();
            }
            // Rejected records are reported in the log; only a source that could not be read fails the command.
            return anyFailed ? 1 : 0;
        }
    }
}
