package nl.zorgbeeld.testing;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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
        return start(env, AnalysisModule.create(TestDatabase.dataSource()));
    }

    /** The app with a network analysis made by the test (its own recomputation executor or hook). */
    public static TestServer start(AnalysisModule analysis) {
        return start(Map.of(), analysis);
    }

    private static TestServer start(Map<String, String> env, AnalysisModule analysis) {
        var values = new java.util.HashMap<>(env);
        values.put("DATABASE_URL", System.getenv("ZORGBEELD_TEST_DATABASE_URL"));
        values.put("ZORGBEELD_PORT", "0");
        Config config = Config.fromEnvironment(values);
        Javalin app = App.create(config, TestDatabase.dataSource(), TestDatabase.get().postgisVersion(), analysis);
        app.start("127.0.0.1", 0);
        return new TestServer(app);
    }

    public int port() { return app.port(); }

    public String url(String path) { return "http://127.0.0.1:" + port() + path; }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
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
