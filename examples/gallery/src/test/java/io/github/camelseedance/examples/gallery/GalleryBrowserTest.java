package io.github.camelseedance.examples.gallery;

import java.nio.file.Path;
import java.util.List;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The page in a real browser, opened from the file system: hostile text shows as text and runs nothing. */
class GalleryBrowserTest {

    private static final String HOSTILE =
            "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

    @RegisterExtension
    static final HeadlessChromiumExtension browser = new HeadlessChromiumExtension();

    @TempDir
    Path folder;

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
        browser.screenshot("gallery-escaping.png");
    }

    @Test
    void lineBreaksAndRunsOfSpacesInAPromptAndAReasonShowAsWritten() throws Exception {
        VideoGenerationRequest request = VideoGenerationRequest.builder()
                .model("SIRAYA-Seedance-2.0")
                .prompt("line one\nline   two")
                .build();
        Path page = GalleryFile.write(
                folder, "Videos", List.of(GalleryCard.failed("prompt.txt", request, "refused:\n  first\n  second")));

        browser.driver().get(page.toUri().toString());

        WebElement card = browser.driver().findElement(By.cssSelector("article.card.failed"));
        assertThat(card.findElement(By.cssSelector(".prompt")).getText()).isEqualTo("line one\nline   two");
        assertThat(card.findElement(By.cssSelector(".failure")).getText()).isEqualTo("refused:\n  first\n  second");
        browser.screenshot("gallery-line-breaks.png");
    }
}
