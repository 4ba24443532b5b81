package io.rapport.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromium-driver (named explicitly, so Selenium never tries to
 * download a browser or a driver): what a person sees, as screenshots, and axe-core's accessibility findings, with
 * axe.min.js injected from the axe-core jar (no network).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Null when this machine has no chromium or chromium-driver: the reason to skip. */
    public static String missing() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return "Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install chromium chromium-driver";
        }
        return null;
    }

    public static Browser open(Path screenshots) throws IOException {
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String url) {
        driver.get(url);
    }

    /** Waits (up to 30 s) for the element, so a page still loading after a click is not taken for a missing element. */
    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                .until(d -> d.findElement(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element's text, read again should the page be replaced meanwhile (a form posted a moment ago). */
    public String text(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    public String page() {
        return text("body");
    }

    /** Waits until the element says exactly this (after a form's answer has loaded), else fails saying what it said. */
    public void expectText(String css, String expected, Duration patience) {
        try {
            waitFor(css + " to say " + expected, patience, d -> expected.equals(text(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(css + " says \"" + text(css) + "\", not \"" + expected + "\"; the page: " + page(), e);
        }
    }

    /** Waits until the page shows all of these. */
    public void expectPage(Duration patience, String... expected) {
        try {
            waitFor("the page to show " + String.join(", ", expected), patience, d -> {
                String page = page();
                return java.util.Arrays.stream(expected).allMatch(page::contains);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The page does not show " + String.join(", ", expected) + ": " + page(), e);
        }
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** For inputs a person fills with a picker (datetime-local): the value the picker would set. */
    public void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
    }

    public void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    public void submit(String formCss) {
        find(formCss + " button[type=submit]").click();
    }

    public void waitFor(String what, Duration patience, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, patience).withMessage(what).pollingEvery(Duration.ofMillis(250)).until(condition);
    }

    /** Presses Tab as a keyboard user would; returns the newly focused element. */
    public WebElement tab() {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        return driver.switchTo().activeElement();
    }

    /** Presses Enter on whatever has the focus. */
    public void enter() {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    }

    public Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public long scrollWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;")).longValue();
    }

    /**
     * What the page weighed over the wire: the document and every script, style and image it loaded (the
     * Resource Timing API's transfer sizes, so compressed where the server compressed).
     */
    public long pageWeightBytes() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .reduce(function (sum, entry) { return sum + (entry.transferSize || entry.encodedBodySize || 0); }, 0);
                """)).longValue();
    }

    /**
     * How long the server took to answer the page's document, in milliseconds: from the request sent to the first
     * byte of the answer (Navigation Timing), which on loopback is the web app's own time, its calls to the gateway
     * included.
     */
    public double serverMillis() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "var nav = performance.getEntriesByType('navigation')[0]; return nav.responseStart - nav.requestStart;"))
                .doubleValue();
    }

    /** axe-core's serious and critical WCAG 2.2 AA findings on the page as it is now: none expected. */
    public void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertThat(serious).as(page + ": axe-core findings " + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + ") on " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
