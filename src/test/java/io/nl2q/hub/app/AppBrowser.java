package io.nl2q.hub.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real headless Chromium (Debian's chromium and /usr/bin/chromedriver, as the widget's browser test
 * drives it), at a laptop's window size, downloading into a folder of its own. Screenshots go to
 * target/app-screenshots, or to the folder named by -Dapp.screenshots (docs/app for the README's).
 */
public final class AppBrowser implements AutoCloseable {
    public final WebDriver driver;
    public final Path downloads;
    private final String base;

    public AppBrowser(int port) {
        try {
            downloads = Files.createTempDirectory("app-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--lang=en-US",
                    "--user-data-dir=" + Files.createTempDirectory("app-chromium"));
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1366, 900));
            base = "http://localhost:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return base;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens /app/ afresh (a new page: signed out, since credentials live in the page's memory only). */
    public void open() {
        driver.get(base + "/app/");
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    public void signInWithKey(String key) {
        open();
        driver.findElement(By.id("api-key")).sendKeys(key);
        driver.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("page-ask")));
    }

    public void ask(String question) {
        WebElement box = driver.findElement(By.id("question"));
        box.clear();
        box.sendKeys(question);
        String before = answerMarker();
        driver.findElement(By.id("ask-button")).click();
        waitForNewAnswer(before);
    }

    /** Something that changes with every answer or refusal shown. */
    public String answerMarker() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const a = document.querySelector('#answer > article');"
                        + " if (!a) return 'none'; a.dataset.seen = a.dataset.seen || String(Math.random());"
                        + " return a.dataset.seen;"));
    }

    public void waitForNewAnswer(String before) {
        waiting().until(d -> !answerMarker().equals(before) && !"none".equals(answerMarker()));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public void screenshot(String name) {
        Path folder = Path.of(System.getProperty("app.screenshots", "target/app-screenshots"));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
