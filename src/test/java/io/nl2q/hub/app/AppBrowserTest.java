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
        browser.waiting().until(d -> d.findElement(By.id("answer")).getAttribute("data-render-ms") != null);
        assertThat(browser.find("#answer").getAttribute("data-render-ms")).as("measured; AnswerRenderBench prints it")
                .matches("\\d+");
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
        // typing offers completions from the tenant's model
        browser.find("#question").clear();
        browser.find("#question").sendKeys("TRx by region for Tiro");
        browser.waiting().until(d -> d.findElements(By.cssSelector("#question-suggestions option")).stream()
                .anyMatch(o -> "TRx by region for Tirosint".equals(o.getAttribute("value"))));
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

        browser.find("#download-xlsx").click();
        Path xlsx = browser.downloads.resolve("top-10-prescribers-by-trx-for-tirosint-in-q4-2024.xlsx");
        browser.waiting().until(d -> Files.exists(xlsx) && size(xlsx) > 0);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("a header and 10 rows").isEqualTo(10);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo(api.path("columns").get(1)
                    .path("name").asText());
            int trx = api.path("columns").size() - 1;
            var cell = sheet.getRow(1).getCell(trx);
            assertThat(cell.getCellType()).as("numbers are typed cells").isEqualTo(
                    org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).isEqualTo(api.path("rows").get(0).get(trx).asDouble());
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    private static long size(Path p) {
        try (Stream<Path> partial = Files.list(p.getParent())) {
            return partial.anyMatch(f -> f.toString().endsWith(".crdownload")) ? 0 : Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void savesAnAnswerSchedulesItAndSeesTheScheduleAndItsRunAgainstTheReportsApi() {
        browser.signInWithKey("acme-demo-key");
        browser.ask(TOP_PRESCRIBERS);
        WebElement name = browser.find("#save-name");
        assertThat(name.getAttribute("value")).as("an identifier made from the question")
                .matches("[A-Za-z][A-Za-z0-9_]*").startsWith("top_10_prescribers");
        String saved = "browser_top_" + System.nanoTime();
        name.clear();
        name.sendKeys(saved);
        browser.find("#save-button").click();
        browser.waiting().until(d -> d.findElement(By.id("save-result")).getText().contains("Saved as " + saved));

        HubHttp http = new HubHttp(port);
        var savedRow = java.util.stream.StreamSupport.stream(http.get("/api/v1/saved-questions", "acme-demo-key")
                .json().spliterator(), false).filter(s -> s.path("name").asText().equals(saved)).findFirst();
        assertThat(savedRow).as("saved through the API").isPresent();
        long id = savedRow.get().path("id").asLong();
        assertThat(savedRow.get().path("question").asText()).isEqualTo(TOP_PRESCRIBERS);

        browser.find("#nav a[data-page=saved]").click();
        String card = "#saved-list article[data-saved-id='" + id + "']";
        browser.waiting().until(d -> !d.findElements(By.cssSelector(card)).isEmpty());
        browser.find(card + " details summary").click();
        new org.openqa.selenium.support.ui.Select(browser.find("#s" + id + "-cron")).selectByValue("0 0 7 ? * MON");
        new org.openqa.selenium.support.ui.Select(browser.find("#s" + id + "-zone")).selectByValue("America/New_York");
        new org.openqa.selenium.support.ui.Select(browser.find("#s" + id + "-format")).selectByValue("xlsx");
        new org.openqa.selenium.support.ui.Select(browser.find("#s" + id + "-destination-type")).selectByValue("email");
        browser.find("#s" + id + "-destination").sendKeys("brand@acme.example, ops@acme.example");
        browser.find("#s" + id + "-schedule button[type=submit]").click();
        browser.waiting().until(d -> d.findElement(By.id("s" + id + "-schedule-result")).getText()
                .startsWith("Scheduled (id "));
        browser.screenshot("saved");

        var schedule = java.util.stream.StreamSupport.stream(http.get("/api/v1/schedules", "acme-demo-key").json()
                .spliterator(), false).filter(s -> s.path("savedQuestion").asLong() == id).findFirst().orElseThrow();
        assertThat(schedule.path("cron").asText()).isEqualTo("0 0 7 ? * MON");
        assertThat(schedule.path("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(schedule.path("format").asText()).isEqualTo("xlsx");
        assertThat(schedule.path("destination").path("type").asText()).isEqualTo("email");
        assertThat(schedule.path("destination").path("to").toString())
                .isEqualTo("[\"brand@acme.example\",\"ops@acme.example\"]");

        long scheduleId = schedule.path("id").asLong();
        browser.find("#nav a[data-page=schedules]").click();
        String listed = "#schedule-list article[data-schedule-id='" + scheduleId + "']";
        browser.waiting().until(d -> !d.findElements(By.cssSelector(listed)).isEmpty());
        assertThat(browser.find(listed + " h3").getText()).isEqualTo(saved);
        assertThat(browser.find(listed + " .schedule-summary").getText()).contains("0 0 7 ? * MON (America/New_York)",
                "xlsx", "email brand@acme.example, ops@acme.example");
        browser.find(listed + " button.run-now").click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector(listed + " .runs li[data-run-id]")).isEmpty());
        String runId = browser.find(listed + " .runs li[data-run-id]").getAttribute("data-run-id");
        assertThat(runId).as("the run id the API gave").matches("\\d+");

        // paused through the page, as the API shows it; after a reload the run is listed from the API's runs
        browser.find(listed + " button.pause").click();
        String run = listed + " .runs li[data-run-id='" + runId + "']";
        browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(listed + " button.pause")).getText().equals("Resume")
                        && !d.findElements(By.cssSelector(run)).isEmpty());
        assertThat(http.get("/api/v1/schedules/" + scheduleId, "acme-demo-key").json().path("paused").asBoolean())
                .isTrue();
        assertThat(browser.find(run).getAttribute("data-status")).as("the run as the API lists it")
                .isIn("running", "delivered", "failed", "parked");
        browser.screenshot("schedules");
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
