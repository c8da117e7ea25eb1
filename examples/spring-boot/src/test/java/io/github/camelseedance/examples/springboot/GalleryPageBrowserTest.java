package io.github.camelseedance.examples.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.examples.gallery.HeadlessChromiumExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The page at {@code /} in headless Chromium against the application and its emulator: a prompt typed in the form
 * becomes a card whose video plays, and a request the server refuses shows the field it names, beside the form.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        useMainMethod = UseMainMethod.ALWAYS,
        properties = "SEEDANCE_API_KEY=")
class GalleryPageBrowserTest {

    /** An upper bound for a slow, loaded machine; the emulator answers at once. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** Markup in the prompt must show as text and run nothing. */
    private static final String PROMPT = "A red kite over the dunes <img src=x onerror=\"document.title='pwned'\">";

    @RegisterExtension
    static final HeadlessChromiumExtension browser = new HeadlessChromiumExtension();

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private EmulatorFallback target;

    private SeedanceEmulator emulator;
    private WebDriver driver;

    @BeforeEach
    void openThePage() {
        emulator = target.emulator().orElseThrow();
        emulator.reset();
        driver = browser.driver();
        // 127.0.0.1, not localhost: the browser resolves no host name at all
        driver.get("http://127.0.0.1:" + port + "/");
        assertThat(driver.getTitle()).isEqualTo(GalleryPage.TITLE);
    }

    @Test
    void thePagesOwnStylesApplyUnderItsContentSecurityPolicyInStandardsMode() throws Exception {
        assertThat(script("return document.compatMode")).isEqualTo("CSS1Compat");
        // one rule from the gallery's styles and one from the page's: the policy lets both inline blocks apply
        assertThat(script("return getComputedStyle(document.getElementById('cards')).display"))
                .isEqualTo("grid");
        assertThat(script("return getComputedStyle(document.getElementById('video-form')).display"))
                .isEqualTo("grid");
        browser.screenshot("spring-boot-page-styles.png");
    }

    @Test
    void aPromptTypedInTheFormBecomesACardWhoseVideoPlays() throws Exception {
        int cardsBefore = cards().size();
        driver.findElement(By.name("prompt")).sendKeys(PROMPT);
        choose("model", "SIRAYA-Seedance-2.0-fast");
        choose("resolution", "480p");
        choose("aspect_ratio", "9:16");
        choose("seconds", "10");
        driver.findElement(By.cssSelector("#video-form button[type=submit]")).click();

        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        WebElement card = wait.until(page -> cards().stream()
                .filter(c -> !c.findElements(By.cssSelector(".prompt")).isEmpty())
                .filter(c -> c.findElement(By.cssSelector(".prompt")).getText().equals(PROMPT))
                .findFirst()
                .orElse(null));
        WebElement video = card.findElement(By.tagName("video"));
        wait.until(
                page -> (Boolean) script("return arguments[0].readyState >= 1 || arguments[0].error !== null", video));
        browser.screenshot("spring-boot-page.png");

        @SuppressWarnings("unchecked")
        Map<String, Object> media = (Map<String, Object>) script(
                "const v = arguments[0]; return {readyState: v.readyState, error: v.error && v.error.message,"
                        + " duration: v.duration, width: v.videoWidth, height: v.videoHeight}",
                video);
        assertThat(media.get("error")).as("the video's error").isNull();
        assertThat(((Number) media.get("readyState")).intValue()).isGreaterThanOrEqualTo(1);
        // the emulator's video follows the request: 480p at 9:16 is 480x854, and it lasts the 10 s asked for
        assertThat(((Number) media.get("duration")).doubleValue()).isCloseTo(10.0, within(0.1));
        assertThat(((Number) media.get("width")).intValue()).isEqualTo(480);
        assertThat(((Number) media.get("height")).intValue()).isEqualTo(854);
        assertThat(video.getAttribute("src")).startsWith(emulator.baseUrl());

        assertThat(card.getAttribute("class")).doesNotContain("failed");
        assertThat(card.findElements(By.cssSelector(".parameters dd")).stream().map(WebElement::getText))
                .contains("SIRAYA-Seedance-2.0-fast", "480p", "9:16", "10");
        assertThat(cards()).hasSize(cardsBefore + 1);
        assertThat(driver.findElements(By.cssSelector("#pending li"))).isEmpty();
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(driver.getTitle()).isEqualTo(GalleryPage.TITLE);

        // what the form sent, as the provider received it
        assertThat(emulator.generationCount()).isEqualTo(1);
        JsonNode sent = emulator.generationRequests().get(0).json();
        assertThat(sent.get("prompt").asText()).isEqualTo(PROMPT);
        assertThat(sent.get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0-fast");
        assertThat(sent.get("resolution").asText()).isEqualTo("480p");
        assertThat(sent.get("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(sent.get("seconds").asInt()).isEqualTo(10);
        assertThat(emulator.violations()).isEmpty();
    }

    @Test
    void aBlankPromptIsRefusedByTheServerWhichNamesTheFieldBesideTheForm() throws Exception {
        int cardsBefore = cards().size();
        driver.findElement(By.name("prompt")).clear();
        driver.findElement(By.cssSelector("#video-form button[type=submit]")).click();

        WebElement error = awaitFormError();
        browser.screenshot("spring-boot-page-refused.png");

        assertThat(error.findElement(By.tagName("strong")).getText()).isEqualTo("prompt");
        // the component's own words: the browser checked nothing (novalidate), the server refused it
        assertThat(error.getText()).startsWith("prompt: Missing prompt");
        assertThat(driver.findElement(By.name("prompt")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertRefused(cardsBefore);
    }

    @Test
    void aValueOutsideTheChoicesIsRefusedByTheServerNamingTheField() throws Exception {
        int cardsBefore = cards().size();
        WebElement seconds = driver.findElement(By.name("seconds"));
        // a value the select does not offer, as a hand-edited page or another client could send it
        script(
                "const o = document.createElement('option'); o.value = '7'; o.textContent = '7';"
                        + " arguments[0].append(o);",
                seconds);
        driver.findElement(By.name("prompt")).sendKeys("A fox in the snow");
        choose("seconds", "7");
        driver.findElement(By.cssSelector("#video-form button[type=submit]")).click();

        WebElement error = awaitFormError();
        browser.screenshot("spring-boot-page-refused-seconds.png");

        assertThat(error.findElement(By.tagName("strong")).getText()).isEqualTo("seconds");
        assertThat(error.getText()).contains("allowed values are 5, 10");
        assertThat(seconds.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.name("prompt")).getAttribute("value")).isEqualTo("A fox in the snow");
        assertRefused(cardsBefore);
    }

    private void assertRefused(int cardsBefore) {
        assertThat(cards()).hasSize(cardsBefore);
        assertThat(driver.findElements(By.cssSelector("#pending li"))).isEmpty();
        assertThat(emulator.generationCount()).isZero();
    }

    private WebElement awaitFormError() {
        return new WebDriverWait(driver, PATIENCE)
                .until(page -> page.findElements(By.id("form-error")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    private List<WebElement> cards() {
        return driver.findElements(By.cssSelector("main#cards > article.card"));
    }

    private void choose(String field, String value) {
        new Select(driver.findElement(By.name(field))).selectByValue(value);
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }
}
