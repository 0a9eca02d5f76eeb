package org.ssoplatform.e2e.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser, as a person uses the platform: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) with a fresh profile, so one cookie jar per browser and nothing carried
 * over between tests. Every step can be kept as a screenshot under {@code target/screenshots/<name>/},
 * numbered in the order taken, to look at what the person saw. {@link #driver()} gives the whole
 * WebDriver for flows this class has no shortcut for.
 */
public final class Browser implements AutoCloseable {

    /** How long a page may take to appear: a sign-in crosses three processes on a loaded machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000");

    private final ChromeDriver driver;

    private final Path profile;

    private final Path screenshots;

    private int shots;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /**
     * Starts a browser whose screenshots go to {@code <e2e.screenshots>/<name>/} (emptied first).
     * Chromium and its driver are taken from {@code CHROMIUM} and {@code CHROMEDRIVER} if set, else
     * from {@code /usr/bin}.
     */
    public static Browser open(String name) {
        Path binary = Path.of(setting("CHROMIUM", "/usr/bin/chromium"));
        Path driverBinary = Path.of(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
        for (Path required : List.of(binary, driverBinary)) {
            if (!Files.isExecutable(required)) {
                throw new IllegalStateException(required + " is missing: apt-get install -y chromium chromium-driver "
                        + "(or set CHROMIUM and CHROMEDRIVER)");
            }
        }
        Path screenshots = emptied(Path.of(System.getProperty("e2e.screenshots", "target/screenshots")).resolve(name));
        Path profile;
        try {
            profile = Files.createTempDirectory("e2e-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        return new Browser(driver, profile, screenshots);
    }

    public Browser visit(String url) {
        driver.get(url);
        return this;
    }

    /** The element, once it is on the page and visible. */
    public WebElement find(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public Browser click(By locator) {
        waiting().until(ExpectedConditions.elementToBeClickable(locator)).click();
        return this;
    }

    /** Replaces the field's text, keystroke by keystroke as a person types (page scripts see each one). */
    public Browser type(By locator, String text) {
        WebElement field = find(locator);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Waits until the address bar shows a URL {@code expected} accepts; fails with where it stopped. */
    public Browser waitForUrl(String description, Predicate<String> expected) {
        try {
            waiting().until(browser -> expected.test(browser.getCurrentUrl()));
            return this;
        }
        catch (TimeoutException ex) {
            screenshot("stuck");
            throw new AssertionError("The browser never reached " + description + "; it is at " + url() + " showing:\n"
                    + text(), ex);
        }
    }

    /** Waits until the page's visible text contains {@code expected}. */
    public Browser waitForText(String expected) {
        try {
            waiting().until(browser -> text().contains(expected));
            return this;
        }
        catch (TimeoutException ex) {
            screenshot("stuck");
            throw new AssertionError("The page at " + url() + " never showed \"" + expected + "\"; it shows:\n" + text(), ex);
        }
    }

    /**
     * Runs {@code opening} (a click that opens a popup, e.g. an OAuth sign-in) and continues in the new
     * window; returns the handle of the window it came from.
     */
    public String followPopup(Runnable opening) {
        String origin = driver.getWindowHandle();
        java.util.Set<String> before = driver.getWindowHandles();
        opening.run();
        String popup = waiting().until(browser -> browser.getWindowHandles().stream()
            .filter(handle -> !before.contains(handle))
            .findFirst()
            .orElse(null));
        driver.switchTo().window(popup);
        return origin;
    }

    /** Waits until every window but {@code window} has closed (a popup closing itself), then works in it. */
    public Browser returnTo(String window) {
        try {
            waiting().until(browser -> browser.getWindowHandles().size() == 1);
        }
        catch (TimeoutException ex) {
            screenshot("popup-stuck");
            throw new AssertionError("The popup never closed; it is at " + url() + " showing:\n" + text(), ex);
        }
        driver.switchTo().window(window);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Keeps what the browser shows now as {@code NN-label.png}. */
    public Path screenshot(String label) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, label));
        try {
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot.toPath());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return target;
    }

    /** Waits up to {@link #PATIENCE}; a page replaced while being read (after a form's submit) is read again. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            deleteTree(profile);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path emptied(Path dir) {
        deleteTree(dir);
        try {
            return Files.createDirectories(dir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ex) {
            System.err.println("e2e: could not delete " + dir + ": " + ex);
        }
    }
}
