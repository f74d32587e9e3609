package lino.linod.it.pages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lino.linod.it.RunningLinod;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for all page tests of a JVM, driven through the system chromedriver; Selenium Manager is
 * kept offline, since this network refuses downloads and the browser's own background connections. Each test
 * starts signed out ({@link #signedOut}) and signs in as the user it needs.
 */
final class Chromium {

    static final Duration WAIT = Duration.ofSeconds(15);

    private static ChromeDriver driver;

    private Chromium() {
    }

    static synchronized ChromeDriver driver() {
        if (driver == null) {
            System.setProperty("SE_OFFLINE", "true");
            Path target = Path.of(System.getProperty("linod.itDir", "target"));
            try {
                Files.createDirectories(target);
                Path profile = Files.createTempDirectory(target, "chromium-profile-");
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(System.getProperty("linod.chromedriver",
                                "/usr/bin/chromedriver")))
                        .usingAnyFreePort()
                        .withLogFile(target.resolve("chromedriver.log").toFile())
                        .build();
                ChromeOptions options = new ChromeOptions();
                options.setBinary(System.getProperty("linod.chromium", "/usr/bin/chromium"));
                options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
                // The console, where the browser reports each Content-Security-Policy violation: cspViolations().
                options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
                ChromeDriver started = new ChromeDriver(service, options);
                started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
                started.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
                Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
                driver = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return driver;
    }

    /** The driver on linod's origin with no cookies: not signed in. */
    static ChromeDriver signedOut() {
        ChromeDriver d = driver();
        d.get(url("signin.xhtml"));
        d.manage().deleteAllCookies();
        return d;
    }

    /** Signs in through the sign-in page and waits for the system tasks page. */
    static ChromeDriver signedIn(String user, String password) {
        ChromeDriver d = signedOut();
        d.get(url("signin.xhtml"));
        d.findElement(By.id("name")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("signin")).click();
        waitFor("the system tasks page after signing in as " + user,
                x -> x.getCurrentUrl().contains("tasks.xhtml") && !x.findElements(By.id("tasks-table")).isEmpty());
        return d;
    }

    static ChromeDriver staff() {
        return signedIn(RunningLinod.ADMIN, RunningLinod.ADMIN_PASSWORD);
    }

    static ChromeDriver viewer(Api api) {
        api.ensureViewer();
        return signedIn(Api.VIEWER, Api.VIEWER_PASSWORD);
    }

    static String url(String page) {
        return RunningLinod.base().resolve(page).toString();
    }

    static String origin() {
        URI base = RunningLinod.base();
        return base.getScheme() + "://" + base.getAuthority();
    }

    /** Waits for a condition with a deadline; the message says what was awaited and shows the page. */
    static <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return waitFor(what, WAIT, condition);
    }

    static <T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver(), timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> what + "; page " + driver().getCurrentUrl() + ":\n" + text(driver())
                + "\nserver output:\n" + RunningLinod.output());
        return wait.until(condition);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /** The page's visible text, shortened for a failure message. */
    static String text(WebDriver d) {
        try {
            String body = d.findElement(By.tagName("body")).getText();
            return body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
        } catch (RuntimeException e) {
            return "(no body: " + e.getMessage() + ")";
        }
    }

    /** The Content-Security-Policy violations the browser reported on its console since the last call. */
    static List<String> cspViolations() {
        return driver().manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    static List<WebElement> all(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    /** Saves what the browser shows as {@code screenshots/NAME.png} under the build folder. */
    static synchronized void screenshot(String name) {
        if (driver == null) {
            return;
        }
        try {
            Path folder = Path.of(System.getProperty("linod.itDir", "target"), "screenshots");
            Files.createDirectories(folder);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
