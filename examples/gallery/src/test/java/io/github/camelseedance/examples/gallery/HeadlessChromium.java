package io.github.camelseedance.examples.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's headless Chromium driven by its own chromedriver, both named by path so Selenium Manager never runs, and
 * started so the browser makes no connection of its own: no proxy, and every host name but loopback fails to resolve.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path BROWSER = Path.of("/usr/bin/chromium");

    static final List<String> ARGUMENTS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pings",
            "--no-first-run",
            // a proxy named by http_proxy or all_proxy would resolve names the rule below fails, and get them fetched
            "--no-proxy-server",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--window-size=1280,1000");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /**
     * True when the browser and its driver are installed; false where they are missing, except on CI (env {@code
     * CI=true}), where the test fails: there a missing browser is a broken setup, not a reason to skip.
     */
    public static boolean available() {
        boolean present = Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("Chromium is missing: CI installs it (apt-get install -y chromium chromium-driver)");
        }
        return present;
    }

    public static HeadlessChromium start() {
        return start(Map.of());
    }

    /** Started with these variables added to the environment the driver and the browser inherit. */
    static HeadlessChromium start(Map<String, String> environment) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(environment)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(ARGUMENTS);
        try {
            return new HeadlessChromium(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the page shows now as a PNG, creating the folder. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        return Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
