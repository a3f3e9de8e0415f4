package nl.zorgbeeld.testing;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.sql.DataSource;
import nl.zorgbeeld.App;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.analysis.AnalysisModule;

/** The production app (same factory, same routes) on a random port against the test database. */
public final class TestServer implements AutoCloseable {
    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(Javalin app) {
        this.app = app;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** @param env extra configuration, as environment variables would give it */
    public static TestServer start(Map<String, String> env) {
        return start(env, TestDatabase.dataSource(), 0);
    }

    /** The app with a network analysis made by the test (its own recomputation executor or hook). */
    public static TestServer start(AnalysisModule analysis) {
        return start(Map.of(), TestDatabase.dataSource(), 0, analysis);
    }

    /**
     * @param dataSource the connections the app uses (a {@link GatedDataSource} lets a test cut them off)
     * @param port       0 for a free one, or a given one (a server restarted on the port its clients know)
     */
    public static TestServer start(Map<String, String> env, DataSource dataSource, int port) {
        return start(env, dataSource, port, AnalysisModule.create(dataSource));
    }

    private static TestServer start(Map<String, String> env, DataSource dataSource, int port, AnalysisModule analysis) {
        var values = new java.util.HashMap<>(env);
        values.put("DATABASE_URL", System.getenv("ZORGBEELD_TEST_DATABASE_URL"));
        values.put("ZORGBEELD_PORT", "0");
        Config config = Config.fromEnvironment(values);
        Javalin app = App.create(config, dataSource, TestDatabase.get().postgisVersion(), analysis);
        app.start("127.0.0.1", port);
        return new TestServer(app);
    }

    public int port() { return app.port(); }

    public String url(String path) { return "http://127.0.0.1:" + port() + path; }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /** GET as JSON, whatever the status (for /health, which answers 503 with a body). */
    public com.fasterxml.jackson.databind.JsonNode json(String path) {
        return nl.zorgbeeld.common.Json.tree(get(path).body());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() { app.stop(); }
}
