package nl.zorgbeeld;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgbeeld.auth.AuthModule;
import nl.zorgbeeld.auth.DemoUsers;
import nl.zorgbeeld.auth.FirstAdministrator;
import nl.zorgbeeld.auth.ProductionCheck;
import nl.zorgbeeld.auth.TokenScope;
import nl.zorgbeeld.auth.TokenStore;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.common.Coded;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.snapshot.RestoreService;
import nl.zorgbeeld.snapshot.SnapshotModule;
import nl.zorgbeeld.db.Database;
import nl.zorgbeeld.importer.ImportException;
import nl.zorgbeeld.importer.ImportReport;
import nl.zorgbeeld.importer.Importer;
import nl.zorgbeeld.importer.InitialLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code serve} runs the app, {@code import SOURCE...} loads reference layers,
 * {@code snapshot INCIDENT [--at TIME] [--out FILE]} writes an incident's snapshot ZIP and
 * {@code restore SNAPSHOT.zip [--as archive|handover]} loads one as a new incident (operator commands on
 * the server: no login), {@code token LOGIN} prints a new API token, {@code demo-code} the demo users'
 * current TOTP code.
 */
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
                case "snapshot" -> System.exit(snapshot(config, Arrays.asList(args).subList(1, args.length)));
                case "restore" -> System.exit(restore(config, Arrays.asList(args).subList(1, args.length)));
                case "token" -> System.exit(token(config, Arrays.asList(args).subList(1, args.length), System.out));
                case "demo-code" -> System.out.println(DemoUsers.currentCode(Clock.systemUTC()));
                case "admin" -> System.exit(admin(config, Arrays.asList(args).subList(1, args.length), System.out));
                default -> {
                    System.err.println("usage: zorgbeeld serve | import SOURCE... | snapshot INCIDENT [--at TIME] [--out FILE]"
                            + " | restore SNAPSHOT.zip [--as archive|handover] [--region VRnn] | token LOGIN [read|read-write] [DAYS]"
                            + " | demo-code | admin LOGIN NAME ORGANISATION REGION");
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
        if (config.auth().production()) {
            refuseUnsafeProduction(config, db);
        } else {
            new DemoUsers(db.dataSource()).seed();
        }
        Javalin app = App.create(config, db.dataSource(), db.postgisVersion());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            app.stop();
            db.close();
        }, "shutdown"));
        app.start("0.0.0.0", config.port());
        LOG.info("Zorgbeeld is running on http://localhost:{}{}", config.port(),
                config.auth().publicUrl() == null ? "" : " (users reach it at " + config.auth().publicUrl() + ")");
    }

    /** Production needs TLS in front of the app and no demo users (whose password is public). */
    private static void refuseUnsafeProduction(Config config, Database db) {
        List<String> problems = ProductionCheck.problems(config.auth(), db.dataSource());
        if (!problems.isEmpty()) {
            db.close();
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /** Creates a beheerder (LOGIN NAME ORGANISATION REGION) and prints its password and one-time enrolment code. */
    public static int admin(Config config, List<String> args, PrintStream out) {
        if (args.size() != 4) {
            System.err.println("usage: zorgbeeld admin LOGIN \"Display name\" \"Organisation\" REGION");
            return 2;
        }
        try (Database db = Database.open(config.databaseUrl())) {
            FirstAdministrator.Created created = FirstAdministrator.create(db.dataSource(), args.get(0), args.get(1), args.get(2), args.get(3));
            out.println("Administrator " + created.login() + " created. Log in at the login page with:");
            out.println("  password:        " + created.password());
            out.println("  enrolment code:  " + created.enrolmentCode() + " (valid until " + created.codeExpires() + ")");
            out.println("Both are shown only now.");
            return 0;
        }
    }

    /** Prints a new API token for a user (LOGIN [read|read-write] [DAYS]); the token is the last line of the output. */
    public static int token(Config config, List<String> args, PrintStream out) {
        if (args.isEmpty() || args.size() > 3) {
            System.err.println("usage: zorgbeeld token LOGIN [read|read-write] [DAYS]");
            return 2;
        }
        TokenScope scope = args.size() > 1 ? Coded.find(TokenScope.class, args.get(1)).orElseThrow(() ->
                new IllegalArgumentException("the scope must be read or read-write, not '" + args.get(1) + "'")) : TokenScope.READ_WRITE;
        int days;
        try {
            days = args.size() > 2 ? Integer.parseInt(args.get(2)) : 30;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DAYS must be a whole number, not '" + args.get(2) + "'");
        }
        if (days < 1 || days > config.auth().tokenMaxDays()) {
            throw new IllegalArgumentException("DAYS must be between 1 and " + config.auth().tokenMaxDays());
        }
        try (Database db = Database.open(config.databaseUrl())) {
            TokenStore.Created created = AuthModule.create(db.dataSource(), config.auth(), () -> null).tokens()
                    .createFor(args.get(0), "./zorgbeeld token", scope, days);
            out.println("API token for " + args.get(0) + " (scope " + scope.code() + ", expires " + created.token().expiresAt()
                    + "); send it as 'Authorization: Bearer <token>':");
            out.println(created.secret());
            return 0;
        }
    }

    private static final String SNAPSHOT_USAGE = "usage: zorgbeeld snapshot INCIDENT [--at 2026-11-23T10:15:00+01:00] [--out FILE.zip]";
    private static final String RESTORE_USAGE = "usage: zorgbeeld restore SNAPSHOT.zip [--as archive|handover] [--region VRnn]";

    private static int snapshot(Config config, List<String> args) {
        Map<String, String> options = options(args, Set.of("--at", "--out"));
        if (options == null || args.isEmpty() || args.get(0).startsWith("--") || !args.get(0).matches("\\d{1,18}")) {
            System.err.println(SNAPSHOT_USAGE);
            return 2;
        }
        OffsetDateTime at;
        try {
            at = options.containsKey("--at") ? OffsetDateTime.parse(options.get("--at")) : null;
        } catch (DateTimeParseException e) {
            System.err.println("--at must be an ISO 8601 time with offset, e.g. 2026-11-23T10:15:00+01:00");
            return 2;
        }
        try (Database db = Database.open(config.databaseUrl())) {
            Path out = options.containsKey("--out") ? Path.of(options.get("--out")) : null;
            Path written = SnapshotModule.standalone(db.dataSource(), config).writeSnapshot(Long.parseLong(args.get(0)), at, out);
            LOG.info("snapshot of incident {} written to {}", args.get(0), written.toAbsolutePath());
            return 0;
        } catch (ApiException e) {
            LOG.error("{}", e.detail());
            return 1;
        } catch (IOException e) {
            LOG.error("the snapshot could not be written: {}", e.getMessage());
            return 1;
        }
    }

    private static int restore(Config config, List<String> args) {
        Map<String, String> options = options(args, Set.of("--as", "--region"));
        if (options == null || args.isEmpty() || args.get(0).startsWith("--")) {
            System.err.println(RESTORE_USAGE);
            return 2;
        }
        Path file = Path.of(args.get(0));
        if (!Files.isRegularFile(file)) {
            LOG.error("{} is not a file", file);
            return 1;
        }
        try (Database db = Database.open(config.databaseUrl())) {
            RestoreService restore = SnapshotModule.standalone(db.dataSource(), config).restore();
            String mode = RestoreService.mode(options.get("--as"), "--as");
            String region = RestoreService.region(options.get("--region"), "--region");
            // An operator command on the server, no login: the audit trail names the system account that ran it.
            Actor operator = new Actor("zorgbeeld restore", "opdrachtregel", "operator:" + System.getProperty("user.name"), null, null,
                    List.of());
            Incident incident = restore.restore(file, mode, region, operator);
            LOG.info("snapshot {} restored as incident {} ({}, {}, region {})", file, incident.id(), incident.state().title(),
                    incident.readOnly() ? "read-only archive" : "hand-over", incident.state().regionCode());
            System.out.println(incident.id());
            return 0;
        } catch (ApiException e) {
            LOG.error("the snapshot was not restored (nothing was stored): {}", e.detail());
            return 1;
        }
    }

    /** The "--name value" options after the first argument; null when one is unknown or lacks its value. */
    private static Map<String, String> options(List<String> args, Set<String> allowed) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 1; i < args.size(); i += 2) {
            if (!allowed.contains(args.get(i)) || i + 1 >= args.size()) return null;
            options.put(args.get(i), args.get(i + 1));
        }
        return options;
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
