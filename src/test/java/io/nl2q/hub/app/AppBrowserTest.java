package io.nl2q.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nl2q.hub.HubHttp;
import io.nl2q.hub.HubTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The analysts' web app at /app/ against the running hub, in headless Chromium. */
@HubTest
class AppBrowserTest {
    private static final String TOP_PRESCRIBERS = "top 10 prescribers by TRx for Tirosint in Q4 2024";
    private static AppBrowser browser;
    @LocalServerPort
    int port;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = new AppBrowser(port);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private List<String> headers() {
        return browser.driver.findElements(By.cssSelector("#result-table th")).stream().map(WebElement::getText)
                .map(t -> t.replace("▲", "").replace("▼", "").trim()).toList();
    }

    @Test
    void signsInWithAKeyAndShowsTenantAndRolesAndASignedOutUserSeesOnlyTheSignIn() {
        browser.open();
        assertThat(browser.find("#page-signin").isDisplayed()).isTrue();
        assertThat(browser.find("#page-ask").isDisplayed()).isFalse();
        assertThat(browser.find("#nav").isDisplayed()).isFalse();
        browser.screenshot("sign-in");

        browser.open();
        browser.find("#api-key").sendKeys("not-a-key");
        browser.find("#key-form button[type=submit]").click();
        browser.waiting().until(d -> d.findElement(By.id("status")).getText().contains("Sign-in failed"));
        assertThat(browser.find("#page-ask").isDisplayed()).isFalse();

        browser.signInWithKey("acme-demo-key");
        assertThat(browser.find("#who-tenant").getText()).isEqualTo("acme");
        assertThat(browser.find("#who-roles").getText()).contains("admin", "analyst", "viewer", "operator");
        assertThat(browser.find("#nav a[data-page=admin]").isDisplayed()).isTrue();
        Object stored = ((JavascriptExecutor) browser.driver).executeScript(
                "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;");
        assertThat(String.valueOf(stored)).doesNotContain("acme-demo-key");

        browser.find("#sign-out").click();
        assertThat(browser.find("#page-signin").isDisplayed()).isTrue();
        assertThat(browser.find("#who").isDisplayed()).isFalse();
    }

    @Test
    void asksAndShowsTableChartExplanationEngineAndSql() {
        browser.signInWithKey("acme-demo-key");
        browser.ask(TOP_PRESCRIBERS);
        assertThat(headers()).contains("full_name", "trx");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#result-table tbody tr"));
        assertThat(rows).hasSize(10);
        String firstTrx = browser.find("#result-table tbody tr td.num:last-child").getText();
        assertThat(firstTrx).matches("[\\d,]+");
        browser.waiting().until(d -> "true".equals(d.findElement(By.id("chart")).getAttribute("data-drawn")));
        assertThat(browser.find("#chart").getAttribute("data-type")).isEqualTo("bar");
        assertThat(browser.find("#chart canvas").isDisplayed()).isTrue();
        assertThat(browser.find("#explanation").getText()).isNotBlank();
        assertThat(Integer.parseInt(browser.find("#answer").getAttribute("data-render-ms")))
                .as("on screen within 100 ms of the API's reply").isLessThan(100);
        assertThat(browser.find("#engine").getAttribute("data-engine")).isIn("semantic", "verified", "llm");
        assertThat(browser.find("#as-of").getText()).isNotBlank();
        assertThat(browser.find("#sql").isDisplayed()).as("SQL starts collapsed").isFalse();
        browser.find("details.sql summary").click();
        assertThat(browser.find("#sql").getText()).containsIgnoringCase("select").contains("full_name");
        browser.screenshot("answer");

        browser.find("#view-line").click();
        browser.waiting().until(d -> "line".equals(d.findElement(By.id("chart")).getAttribute("data-type")));
        browser.find("#view-table").click();
        assertThat(browser.driver.findElements(By.id("chart"))).isEmpty();

        // sorting by trx ascending puts the smallest first
        browser.find("#result-table button[data-column=trx]").click();
        List<Long> trx = browser.driver.findElements(By.cssSelector("#result-table tbody tr td:last-child")).stream()
                .map(td -> Long.parseLong(td.getText().replace(",", ""))).toList();
        assertThat(trx).isSorted();
        assertThat(browser.find("#result-table th[aria-sort=ascending]").getText()).contains("trx");
    }

    @Test
    void aRefusalShowsItsReasonAndClickingASuggestionAnswersIt() {
        browser.signInWithKey("acme-demo-key");
        browser.ask("what will the weather be tomorrow");
        assertThat(browser.find("#refusal-reason").getText()).contains("UNANSWERABLE");
        List<WebElement> suggestions = browser.driver.findElements(By.cssSelector("#refusal button.suggestion"));
        assertThat(suggestions).isNotEmpty();
        browser.screenshot("refusal");
        List<String> offered = browser.driver.findElements(By.cssSelector("#question-suggestions option")).stream()
                .map(o -> o.getAttribute("value")).toList();
        assertThat(offered).as("suggestions while typing").contains(suggestions.get(0).getText());
        String suggestion = suggestions.get(0).getText();
        String before = browser.answerMarker();
        suggestions.get(0).click();
        browser.waitForNewAnswer(before);
        assertThat(browser.driver.findElements(By.id("refusal"))).isEmpty();
        assertThat(browser.find("#answer-card h3").getText()).isEqualTo(suggestion);
        assertThat(browser.find("#question").getAttribute("value")).isEqualTo(suggestion);
        assertThat(browser.driver.findElements(By.cssSelector("#result-table tbody tr"))).isNotEmpty();
    }

    @Test
    void thumbsDownWithCorrectedSqlMakesTheSameQuestionAnswerAsVerified() {
        String question = "TRx by region for Flector in 2025";
        browser.signInWithKey("initrode-demo-key");
        browser.ask(question);
        assertThat(browser.find("#engine").getAttribute("data-engine")).isNotEqualTo("verified");
        browser.find("#thumbs-down").click();
        WebElement sql = browser.find("#corrected-sql");
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(sql);
        sql.clear();
        sql.sendKeys("SELECT region, COUNT(*) AS territories FROM territory GROUP BY region ORDER BY region");
        browser.find("#send-correction").click();
        browser.waiting().until(d -> d.findElement(By.id("feedback-result")).getText().contains("verified"));

        browser.ask(question);
        assertThat(browser.find("#engine").getAttribute("data-engine")).isEqualTo("verified");
        assertThat(browser.find("#engine").getText()).contains("verified by an analyst");
        assertThat(headers()).containsExactly("region", "territories");
        browser.screenshot("verified");
    }

    @Test
    void downloadsTheAnswerAsCsv() throws IOException {
        browser.signInWithKey("acme-demo-key");
        browser.ask(TOP_PRESCRIBERS);
        browser.find("#download-csv").click();
        Path csv = browser.downloads.resolve("top-10-prescribers-by-trx-for-tirosint-in-q4-2024.csv");
        browser.waiting().until(d -> Files.exists(csv) && size(csv) > 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("full_name").contains("trx");
        assertThat(lines).hasSize(11);
        var api = new HubHttp(port).ask("acme-demo-key", TOP_PRESCRIBERS).json();
        assertThat(lines.get(1)).contains(api.path("rows").get(0).get(1).asText());
    }

    private static long size(Path p) {
        try (Stream<Path> partial = Files.list(p.getParent())) {
            return partial.anyMatch(f -> f.toString().endsWith(".crdownload")) ? 0 : Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void aViewerSeesNoAdminPageAndNoPiiColumns() {
        browser.signInWithKey("acme-viewer-key");
        assertThat(browser.find("#who-roles").getText()).isEqualTo("viewer");
        assertThat(browser.find("#nav a[data-page=admin]").isDisplayed()).isFalse();
        assertThat(browser.find("#nav a[data-page=audit]").isDisplayed()).isFalse();
        browser.ask(TOP_PRESCRIBERS);
        assertThat(headers()).contains("trx").doesNotContain("full_name", "npi", "first_name", "last_name");
        assertThat(browser.find("#explanation").getText()).contains("hidden for your role");
        assertThat(browser.driver.findElements(By.id("thumbs-down"))).as("feedback is for analysts").isEmpty();
        browser.screenshot("viewer");

        // typing the admin page's address does not show it either
        browser.driver.navigate().to(browser.base() + "/app/#admin");
        assertThat(browser.find("#page-admin").isDisplayed()).isFalse();
    }

    @Test
    void asksWithTheKeyboardOnly() {
        browser.open();
        var keys = browser.driver.switchTo();
        assertThat(keys.activeElement().getAttribute("id")).isEqualTo("api-key");
        keys.activeElement().sendKeys("acme-demo-key", Keys.ENTER);
        browser.waiting().until(d -> "question".equals(d.switchTo().activeElement().getAttribute("id")));
        String before = browser.answerMarker();
        keys.activeElement().sendKeys("how many prescribers are there", Keys.ENTER);
        browser.waitForNewAnswer(before);
        assertThat(keys.activeElement().getText()).as("focus moves to the answer").contains("how many prescribers");
        // Tab onwards reaches the answer's controls in reading order: the table's sort buttons, then the download
        keys.activeElement().sendKeys(Keys.TAB);
        assertThat(keys.activeElement().getAttribute("data-column")).as("first stop: a sort button").isNotNull();
        for (int i = 0; i < 10 && !"download-csv".equals(keys.activeElement().getAttribute("id")); i++) {
            keys.activeElement().sendKeys(Keys.TAB);
        }
        assertThat(keys.activeElement().getAttribute("id")).isEqualTo("download-csv");
        keys.activeElement().sendKeys(Keys.SHIFT, Keys.TAB);
        assertThat(keys.activeElement().getAttribute("data-column")).isNotNull();
        assertThat(browser.find("#explanation").getText()).isNotBlank();
    }

    @Test
    void historyListsRecentQuestionsAndAsksOneAgainAndTheLayoutFitsALaptop() {
        browser.signInWithKey("globex-demo-key");
        browser.ask("how many prescribers are there");
        browser.ask("list the reps in the West");
        browser.find("#nav a[data-page=history]").click();
        List<WebElement> items = browser.driver.findElements(By.cssSelector("#history-list button"));
        assertThat(items.stream().map(WebElement::getText).toList())
                .startsWith("list the reps in the West", "how many prescribers are there");
        String before = browser.answerMarker();
        items.get(1).click();
        browser.waitForNewAnswer(before);
        assertThat(browser.find("#page-ask").isDisplayed()).isTrue();
        assertThat(browser.find("#answer-card h3").getText()).isEqualTo("how many prescribers are there");

        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 768));
        try {
            browser.ask("TRx by region for Flector in 2025");
            Object overflow = ((JavascriptExecutor) browser.driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("no sideways scrolling at 1024 px").isLessThanOrEqualTo(0);
            browser.screenshot("laptop-1024");
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
    }

    @Test
    void adminPagesCreateAndRevokeAKeyVerifyTheAuditChainAndShowTheReport() {
        browser.signInWithKey("acme-demo-key");
        browser.find("#nav a[data-page=admin]").click();
        browser.waiting().until(d -> d.findElement(By.id("key-label")).isDisplayed());
        browser.find("#key-label").sendKeys("browser-test key");
        browser.find("#key-create button[type=submit]").click();
        browser.waiting().until(d -> !d.findElements(By.id("new-key")).isEmpty());
        String key = browser.find("#new-key").getText();
        assertThat(new HubHttp(port).ask(key, "how many prescribers are there").status()).isEqualTo(200);
        browser.screenshot("admin-keys");
        browser.waiting().until(d -> !d.findElements(By.cssSelector("button[aria-label='Revoke key browser-test key']")).isEmpty());
        browser.find("button[aria-label='Revoke key browser-test key']").click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("button[aria-label='Revoke key browser-test key']")).isEmpty());
        assertThat(new HubHttp(port).ask(key, "how many prescribers are there").status()).isEqualTo(401);

        browser.find("#nav a[data-page=audit]").click();
        browser.find("#audit-verify").click();
        browser.waiting().until(d -> d.findElement(By.id("audit-verify-result")).getText().startsWith("Intact"));
        browser.find("#report-form button[type=submit]").click();
        browser.waiting().until(d -> !d.findElements(By.id("report-summary")).isEmpty());
        assertThat(browser.find("#report-summary").getText()).contains("Questions asked", "Audit chain");
        browser.screenshot("audit");
    }
}
