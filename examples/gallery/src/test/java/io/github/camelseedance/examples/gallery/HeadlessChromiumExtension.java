package io.github.camelseedance.examples.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One {@link HeadlessChromium} for a test class, registered as a static {@code @RegisterExtension} field: the class is
 * skipped where Chromium is missing, and each test that saved no screenshot of its own gets one when it ends.
 */
public final class HeadlessChromiumExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium browser;
    private boolean screenshotSaved;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(HeadlessChromium.available(), "Chromium and chromedriver are not installed");
        browser = HeadlessChromium.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        screenshotSaved = false;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (browser != null && !screenshotSaved) {
            screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + ".png");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    public ChromeDriver driver() {
        return browser().driver();
    }

    /** Saves what the page shows now as {@code target/screenshots/<name>}, checks it is not empty, and returns it. */
    public Path screenshot(String name) throws IOException {
        Path shot = browser().screenshot(SCREENSHOTS.resolve(name));
        assertThat(Files.size(shot)).as("size of the screenshot " + shot).isPositive();
        screenshotSaved = true;
        return shot;
    }

    private HeadlessChromium browser() {
        if (browser == null) {
            throw new IllegalStateException("No browser: register the extension on a static field");
        }
        return browser;
    }
}
