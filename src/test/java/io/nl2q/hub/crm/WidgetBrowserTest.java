package io.nl2q.hub.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import io.nl2q.hub.warehouse.WarehouseRegistry;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HCP widget in a real headless Chromium (Debian's chromium and /usr/bin/chromedriver), framed by an outer page
 * on another origin that records what the widget posts to it.
 */
@HubTest
class WidgetBrowserTest {
    private static WebDriver browser;
    @LocalServerPort
    int port;
    @Autowired
    WarehouseRegistry warehouses;
    @Autowired
    WidgetLinks links;

    @BeforeAll
    static void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("widget-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String crmId(String tenant) {
        return new JdbcTemplate(warehouses.forTenant(tenant).writer()).queryForObject("SELECT MIN(crm_account_id)"
                + " FROM " + tenant + ".hcp WHERE crm_account_id IS NOT NULL", String.class);
    }

    private String outerPage(String widgetPath) {
        FakeSalesforce outer = SharedFakeSalesforce.get();
        outer.testPages.put("/__test/veeva.html", "<!doctype html><html><body><h1>Veeva account</h1>"
                + "<iframe id=\"nl2q\" width=\"600\" height=\"700\" src=\"http://localhost:" + port + widgetPath
                + "\"></iframe><pre id=\"received\"></pre><script>window.addEventListener('message', function (e) {"
                + " document.getElementById('received').textContent = e.origin + ' ' + JSON.stringify(e.data); });"
                + "</script></body></html>");
        return outer.url() + "/__test/veeva.html";
    }

    @Test
    void rendersTheHcpInsideAVeevaPageAndPostsTheInsightToIt() {
        String id = crmId("initrode");
        var issued = new HubHttp(port).post("/api/v1/crm/widget-links", "initrode-demo-key",
                "{\"crmAccountId\":\"" + id + "\"}");
        assertThat(issued.status()).isEqualTo(200);
        String url = issued.json().path("url").asText();

        browser.get(outerPage(url));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.switchTo().frame("nl2q");
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#chart polyline"))
                .getAttribute("data-weeks"))).isGreaterThan(10);
        assertThat(browser.findElement(By.id("name")).getText()).isNotBlank();
        browser.findElement(By.id("send")).click();
        browser.switchTo().defaultContent();
        wait.until(d -> d.findElement(By.id("received")).getText().contains("nl2q.insight"));
        assertThat(browser.findElement(By.id("received")).getText())
                .startsWith("http://localhost:" + port).contains(id);
    }

    @Test
    void refusesAnotherTenantsHcp() {
        String foreign = crmId("globex");
        var issued = new HubHttp(port).post("/api/v1/crm/widget-links", "initrode-demo-key",
                "{\"crmAccountId\":\"" + foreign + "\"}");
        assertThat(issued.status()).isEqualTo(404);

        // a link of tenant initrode, even validly signed, does not open a globex HCP
        String token = links.token(links.issue("initrode", foreign, "rep@initrode"));
        browser.get(outerPage("/widget/hcp/" + foreign + "?t=" + token));
        browser.switchTo().frame("nl2q");
        assertThat(browser.findElement(By.id("refused")).getText()).contains("not available");
        browser.switchTo().defaultContent();

        // an initrode link with the path changed to the globex HCP fails its signature check
        String own = links.token(links.issue("initrode", crmId("initrode"), "rep@initrode"));
        browser.get("http://localhost:" + port + "/widget/hcp/" + foreign + "?t=" + own);
        assertThat(browser.findElement(By.id("refused")).getText()).contains("not available");
    }
}
