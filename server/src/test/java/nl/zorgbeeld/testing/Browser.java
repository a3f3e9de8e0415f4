package nl.zorgbeeld.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium through Playwright for Java, for one test class (creating Playwright unpacks
 * its driver, about a second). It uses the machine's own Chromium and Node (Debian packages):
 * Playwright's browser download and its bundled Node are not available offline.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ZORGBEELD_CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

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

    /** A fresh context (its own cookies and storage) with a wide-screen viewport, in Dutch. */
    public BrowserContext newContext(int width, int height) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("nl-NL").setTimezoneId("Europe/Amsterdam"));
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
