package nl.zorgbeeld.web;

import nl.zorgbeeld.testing.Browser;
import org.junit.jupiter.api.Test;

class ScratchPlaywrightTest {
    @Test
    void works() {
        try (Browser b = Browser.launch(); var ctx = b.newContext(800, 600)) {
            var page = ctx.newPage();
            page.setContent("<button onclick=\"this.textContent='klik'\">x</button>");
            page.click("button");
            System.out.println("TEXT=" + page.textContent("button"));
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(Browser.screenshotDir().resolve("scratch.png")));
        }
    }
}
