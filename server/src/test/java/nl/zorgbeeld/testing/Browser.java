package nl.zorgbeeld.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Headless Chromium through Playwright for Java, for one test class (creating Playwright unpacks
 * its driver, about a second). It uses the machine's own Chromium and Node (Debian packages):
 * Playwright's browser download and its bundled Node are not available offline.
 *
 * <p>Tests get their page from {@link #screen}: the one place where a browser context and page are
 * made, what goes wrong in them is recorded, and {@link Screen#open} waits until the page says it
 * has loaded what it shows. Nothing here waits on time: every wait is for a condition, bounded by
 * Playwright's timeouts.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ZORGBEELD_CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    /**
     * How long an assertion waits for its condition. Only a failing test waits this long; a busy
     * machine (two cores, several builds) can take more than Playwright's default of 5 s.
     */
    private static final double ASSERTION_TIMEOUT_MS = 20_000;
    /**
     * The page's readiness: the reference layers are drawn (data-ready) and every part shows the
     * incident in the address (data-settled, see web/js/ready.js); or the page reported an error.
     */
    private static final String SETTLED = "() => { const z = window.zorgbeeld; if (z && z.error) return true;"
            + " const m = /(?:^|[#&])incident=(\\d+)/.exec(location.hash); const b = document.body;"
            + " return !!b && b.dataset.ready === 'true' && b.dataset.settled === (m ? m[1] : 'none'); }";
    /**
     * Records every toast and every text of the screen-reader announcer (#live-status) as it
     * appears: both are gone or overwritten after a while, so tests look them up here.
     */
    private static final String RECORDER = """
            (() => {
              const toasts = window.__zbToasts = [];
              const said = window.__zbAnnounced = [];
              const seen = new WeakSet();
              new MutationObserver(() => {
                const toast = document.getElementById('toast');
                if (toast && !seen.has(toast)) { seen.add(toast); toasts.push(toast.textContent); }
                const live = document.getElementById('live-status');
                if (live && live.textContent && said[said.length - 1] !== live.textContent) said.push(live.textContent);
              }).observe(document, { childList: true, subtree: true, characterData: true });
            })()""";

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium (./zorgbeeld test does this)");
        }
        if (System.getProperty("playwright.nodejs.path") == null) {
            System.setProperty("playwright.nodejs.path", node().toString());
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            // Without a user-data-dir argument Playwright gives each launch a fresh temporary profile.
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS)));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** One user's screen: a fresh context (its own cookies and storage) and page, in Dutch, Amsterdam time. */
    public Screen screen(int width, int height) {
        BrowserContext context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("nl-NL").setTimezoneId("Europe/Amsterdam"));
        try {
            context.addInitScript(RECORDER);
            return new Screen(context, context.newPage());
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** A context and its page, with what went wrong in them. Close it to close the context. */
    public static final class Screen implements AutoCloseable {
        private final BrowserContext context;
        private final Page page;
        private final List<String> problems = new CopyOnWriteArrayList<>();
        private final List<String> refused = new CopyOnWriteArrayList<>();
        private final List<String> requests = new CopyOnWriteArrayList<>();

        private Screen(BrowserContext context, Page page) {
            this.context = context;
            this.page = page;
            page.onConsoleMessage(m -> {
                // Chromium logs every refused request; those are in refused(), with the method and status.
                if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) problems.add("console: " + m.text());
            });
            page.onPageError(e -> problems.add("page: " + e));
            page.onRequest(r -> {
                requests.add(r.url());
                if (r.url().startsWith("data:") || r.url().startsWith("blob:")) return;
                if (!"127.0.0.1".equals(URI.create(r.url()).getHost())) problems.add("fetched from another host: " + r.url());
            });
            page.onResponse(r -> {
                if (r.status() >= 400) refused.add(r.request().method() + " " + r.status());
            });
        }

        public BrowserContext context() { return context; }

        public Page page() { return page; }

        /**
         * Goes to {@code url} and waits until the page has drawn the map and shows the incident of
         * the address ({@code #incident=ID}, or none); fails when the page reports an error.
         */
        public Page open(String url) {
            page.navigate(url);
            return settle();
        }

        /** Waits until the page shows the incident of its address (after a change of address, say). */
        public Page settle() {
            try {
                page.waitForFunction(SETTLED);
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError("the page did not settle: " + page.evaluate("() => ({ address: location.href,"
                        + " ready: document.body.dataset.ready, settled: document.body.dataset.settled })") + "; problems: " + problems, e);
            }
            Object error = page.evaluate("() => window.zorgbeeld && window.zorgbeeld.error || null");
            if (error != null) throw new AssertionError("the page reported an error: " + error);
            return page;
        }

        /** Console errors, uncaught errors and requests to other hosts, in order. */
        public List<String> problems() { return List.copyOf(problems); }

        /** Responses of 400 and up, as "POST 400". */
        public List<String> refused() { return List.copyOf(refused); }

        /** Every URL the page requested. */
        public List<String> requests() { return List.copyOf(requests); }

        /** Waits until a toast containing {@code text} has appeared (toasts leave after some seconds). */
        public void waitForToast(String text) {
            page.waitForFunction("t => window.__zbToasts.some(m => m.includes(t))", text);
        }

        /** Waits until the screen-reader announcer has said something containing {@code text}. */
        public void waitForAnnouncement(String text) {
            page.waitForFunction("t => window.__zbAnnounced.some(m => m.includes(t))", text);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** The machine's Node (20+), found on the PATH; Playwright's driver runs on it. */
    private static Path node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new IllegalStateException("node is not on the PATH: apt-get install -y nodejs (./zorgbeeld test does this)");
    }

    /** Where tests save screenshots: the build folder's screenshots/ (target/screenshots by default). */
    public static Path screenshotDir() {
        try {
            Path testClasses = Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = testClasses.getParent().resolve("screenshots");
            Files.createDirectories(dir);
            return dir;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot create the screenshot folder", e);
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
