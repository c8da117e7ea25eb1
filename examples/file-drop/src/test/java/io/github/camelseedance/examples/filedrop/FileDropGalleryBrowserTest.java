package io.github.camelseedance.examples.filedrop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.examples.gallery.HeadlessChromiumExtension;
import org.apache.camel.LoggingLevel;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The file-drop gallery opened from the file system in headless Chromium: each video plays at the size and for the
 * time its request asked for, and the failed input shows its reason.
 */
class FileDropGalleryBrowserTest {

    /** Seconds a video's duration may differ from the seconds asked for: the last frame's length, at most. */
    private static final double DURATION_TOLERANCE = 0.1;

    private record Asked(String input, String json, int width, int height, int seconds) {}

    // small sizes keep the run short; one 1080p and one 10 s video, both aspect ratios' orientations and audio on/off
    private static final List<Asked> VIDEOS = List.of(
            new Asked("wide-480.json", request("A paper boat on a pond", "480p", "16:9", 5, false), 854, 480, 5),
            new Asked("tall-480.json", request("A lighthouse in a storm", "480p", "9:16", 5, true), 480, 854, 5),
            new Asked("square-720.json", request("A fox in the snow", "720p", "1:1", 10, false), 720, 720, 10),
            new Asked("wide-1080.json", request("A city at night", "1080p", "16:9", 5, true), 1920, 1080, 5));
    private static final String INVALID = "seven.json";

    @RegisterExtension
    static final HeadlessChromiumExtension browser = new HeadlessChromiumExtension();

    @TempDir
    Path dir;

    @Test
    void everyVideoPlaysAtTheSizeAndLengthItsRequestAskedForAndTheFailedInputShowsItsReason() throws Exception {
        List<String> errorLines = new CopyOnWriteArrayList<>();
        Path page;
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start();
                FileDropRun run = FileDropRun.start(emulator, dir, Map.of())) {
            run.camelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
                if (logger.getLevel() == LoggingLevel.ERROR) {
                    errorLines.add(message);
                }
                return message;
            });
            for (Asked asked : VIDEOS) {
                FileDropRun.drop(run.input(), asked.input(), asked.json());
            }
            FileDropRun.drop(run.input(), INVALID, "{\"prompt\": \"A clock ticking\", \"seconds\": 7}");
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        assertThat(FileDropRun.inputs(run.input())).isEmpty();
                        assertThat(FileDropRun.files(run.input().resolve(FileDropRoutes.DONE_DIR)))
                                .hasSize(VIDEOS.size());
                        assertThat(run.inFlight()).isZero();
                    });
            assertThat(emulator.violations()).isEmpty();
            page = run.output().resolve("index.html");
        }
        assertThat(errorLines).singleElement().asString().startsWith(INVALID + " failed, moved to .error: ");
        String reason = errorLines.get(0).substring((INVALID + " failed, moved to .error: ").length());

        Map<String, Asked> askedByInput = VIDEOS.stream().collect(Collectors.toMap(Asked::input, Function.identity()));
        SoftAssertions media = new SoftAssertions();
        ChromeDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(page.toUri().toString());

        List<WebElement> cards = driver.findElements(By.cssSelector("article.card"));
        assertThat(cards).hasSize(VIDEOS.size() + 1);
        List<WebElement> videos = driver.findElements(By.tagName("video"));
        assertThat(videos).hasSize(VIDEOS.size());
        for (WebElement card : cards) {
            String input = card.getAttribute("data-input");
            if (input.equals(INVALID)) {
                assertThat(card.findElements(By.tagName("video"))).isEmpty();
                assertThat(card.findElement(By.cssSelector(".failure")).getText())
                        .isEqualTo(reason)
                        .contains("seconds");
                continue;
            }
            Asked asked = askedByInput.get(input);
            assertThat(asked).as("a card for an input dropped: " + input).isNotNull();
            WebElement video = card.findElement(By.tagName("video"));
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .withMessage("the metadata of " + input)
                    .until(d -> number(script(d, "return arguments[0].readyState", video)) >= 1);
            media.assertThat(script(driver, "return arguments[0].error", video))
                    .as("error of the video of " + input)
                    .isNull();
            media.assertThat(number(script(driver, "return arguments[0].videoWidth", video)))
                    .as("width of %s (%s)", input, asked.json().strip())
                    .isEqualTo(asked.width());
            media.assertThat(number(script(driver, "return arguments[0].videoHeight", video)))
                    .as("height of %s (%s)", input, asked.json().strip())
                    .isEqualTo(asked.height());
            media.assertThat(number(script(driver, "return arguments[0].duration", video)))
                    .as("duration of %s (%s)", input, asked.json().strip())
                    .isCloseTo(asked.seconds(), Offset.offset(DURATION_TOLERANCE));
        }

        showFirstSecond(driver, videos);
        fitWindowToPage(driver);
        browser.screenshot("file-drop-gallery.png");
        media.assertAll();
    }

    private static String request(String prompt, String resolution, String aspectRatio, int seconds, boolean audio) {
        return """
                {"prompt": "%s", "resolution": "%s", "aspect_ratio": "%s", "seconds": %d, "generate_audio": %s}
                """.formatted(prompt, resolution, aspectRatio, seconds, audio);
    }

    private static Object script(WebDriver driver, String script, WebElement element) {
        return ((JavascriptExecutor) driver).executeScript(script, element);
    }

    // WebDriver returns whole numbers as Long and others as Double
    private static double number(Object value) {
        assertThat(value).as("a number from the page").isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }

    /** Moves each video to its first second, so the screenshot shows a frame rather than a black box. */
    private static void showFirstSecond(ChromeDriver driver, List<WebElement> videos) {
        for (WebElement video : videos) {
            script(driver, "arguments[0].currentTime = 1", video);
        }
        for (WebElement video : videos) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> number(script(d, "return arguments[0].readyState", video)) >= 2
                                && Boolean.FALSE.equals(script(d, "return arguments[0].seeking", video)));
            } catch (TimeoutException e) {
                // only the picture is at stake: the checks above have their own waits
            }
        }
    }

    /** A window tall enough for every card, so the screenshot shows the whole page; the browser's own bars aside. */
    private static void fitWindowToPage(ChromeDriver driver) {
        long page = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        long bars = ((Number) driver.executeScript("return window.outerHeight - window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(page + bars + 20, 1000), 4000)));
    }
}
