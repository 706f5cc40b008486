package io.nl2q.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 item 8: a platform operator signs in through Hawtio's own login form in a real headless Chromium (Debian's
 * chromium and /usr/bin/chromedriver), reads the Camel routes and finds the dead-letter store in the JMX tree; a
 * tenant's key is refused on the same form.
 * Each test has a browser of its own, so no session carries over.
 */
@HubTest
class HawtioBrowserTest {
    private WebDriver browser;
    @LocalServerPort
    int port;

    @BeforeEach
    void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("hawtio-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPlatformOperatorSignsInAndReadsTheCamelRoutes() throws Exception {
        signIn("platform-demo-key");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        waitOrDump(wait, () -> browser.findElements(By.id("pf-login-username-id")).isEmpty(), "signed-in");
        browser.get(console("/camel/routes"));
        waitOrDump(wait, () -> text().contains("ops-dead-letter") && text().contains("query-run-sql"), "routes");
        assertThat(text()).contains("boast-inbound").contains("ops-dead-letters-list");
        assertThat(text()).doesNotContain("Invalid login credentials");
        // the dead-letter store beside them, in the JMX tree (io.nl2q.hub:type=DeadLetters)
        browser.get(console("/jmx"));
        waitOrDump(wait, () -> text().contains("io.nl2q.hub"), "jmx-tree");
    }

    @Test
    void aTenantKeyIsRefusedOnTheSameForm() throws Exception {
        signIn("acme-demo-key");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        waitOrDump(wait, () -> text().contains("Invalid login credentials"), "refused");
        browser.get(console("/camel/routes"));
        waitOrDump(wait, () -> !browser.findElements(By.id("pf-login-username-id")).isEmpty(), "login-again");
        assertThat(text()).doesNotContain("query-run-sql");
    }

    private void signIn(String key) throws Exception {
        browser.get(console("/camel/routes"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        waitOrDump(wait, () -> !browser.findElements(By.id("pf-login-username-id")).isEmpty(), "login-form");
        browser.findElement(By.id("pf-login-username-id")).sendKeys("ops");
        browser.findElement(By.id("pf-login-password-id")).sendKeys(key);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String console(String path) {
        return "http://localhost:" + port + "/actuator/hawtio" + path;
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Waits; on a timeout keeps a screenshot and the page's text under target/ to show what the browser saw. */
    private void waitOrDump(WebDriverWait wait, java.util.function.BooleanSupplier done, String step)
            throws Exception {
        try {
            wait.until(d -> done.getAsBoolean());
        } catch (TimeoutException e) {
            Path dir = Files.createDirectories(Path.of("target", "hawtio-browser"));
            Files.write(dir.resolve(step + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(step + ".txt"), browser.getCurrentUrl() + "\n" + text());
            throw new AssertionError("Hawtio did not reach '" + step + "' at " + browser.getCurrentUrl()
                    + "; the page said: " + text().substring(0, Math.min(2000, text().length())), e);
        }
    }
}
