package io.github.camelseedance.examples.gallery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The page in a real browser, opened from the file system: hostile text shows as text and runs nothing. */
class GalleryBrowserTest {

    private static final String HOSTILE =
            "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

    private static HeadlessChromium browser;

    @TempDir
    Path folder;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(HeadlessChromium.available(), "Chromium and chromedriver are not installed");
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void hostileTextFromARequestAndAnErrorShowsAsTextAndRunsNothing() throws Exception {
        VideoGenerationRequest request = VideoGenerationRequest.builder()
                .model("SIRAYA-Seedance-2.0")
                .prompt(HOSTILE)
                .build();
        Path page = GalleryFile.write(
                folder, "Videos", List.of(GalleryCard.failed("prompt.txt", request, "refused: " + HOSTILE)));

        browser.driver().get(page.toUri().toString());

        assertThat(browser.driver().getTitle()).isEqualTo("Videos");
        WebElement card = browser.driver().findElement(By.cssSelector("article.card.failed"));
        assertThat(card.findElement(By.cssSelector(".prompt")).getText()).isEqualTo(HOSTILE);
        assertThat(card.findElement(By.cssSelector(".failure")).getText()).isEqualTo("refused: " + HOSTILE);
        assertThat(browser.driver().findElements(By.tagName("img"))).isEmpty();
        Path shot = browser.screenshot(Path.of("target", "screenshots", "gallery-escaping.png"));
        assertThat(Files.size(shot)).isPositive();
    }
}
