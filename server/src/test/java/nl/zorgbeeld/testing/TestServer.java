package nl.zorgbeeld.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.zorgbeeld.App;
import nl.zorgbeeld.Config;
import nl.zorgbeeld.analysis.AnalysisModule;
import nl.zorgbeeld.testing.TestUsers.TestUser;

/**
 * The production app (same factory, same routes, same access control) on a random port against the
 * test database. {@link #get} and {@link #send} act as the standard test user
 * ({@link TestUsers#standard()}) unless the request carries its own credentials; the
 * {@code ...Anonymous} variants send nothing.
 */
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

    public Javalin app() { return app; }

    public int port() { return app.port(); }

    public String url(String path) { return "http://127.0.0.1:" + port() + path; }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /** GET as JSON, whatever the status (for /health, which answers 503 with a body). */
    public com.fasterxml.jackson.databind.JsonNode json(String path) {
        return nl.zorgbeeld.common.Json.tree(get(path).body());
    }

    public HttpResponse<String> getAnonymous(String path) {
        return sendAnonymous(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /** Sends the request as the standard test user, unless it has an Authorization or Cookie header of its own. */
    public HttpResponse<String> send(HttpRequest request) {
        if (request.headers().firstValue("Authorization").isPresent() || request.headers().firstValue("Cookie").isPresent()) {
            return sendAnonymous(request);
        }
        return sendAnonymous(HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + TestUsers.standard().token()).build());
    }

    /** Sends the request exactly as it is. */
    public HttpResponse<String> sendAnonymous(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs a browser context in as the standard test user (a session cookie, as after a real login). */
    public void logIn(BrowserContext context) {
        logIn(context, TestUsers.standard());
    }

    public void logIn(BrowserContext context, TestUser user) {
        context.addCookies(List.of(new Cookie("zb_session", TestUsers.session(user)).setUrl(url("/")).setHttpOnly(true)
                .setSameSite(SameSiteAttribute.STRICT)));
    }

    @Override
    public void close() { app.stop(); }
}
