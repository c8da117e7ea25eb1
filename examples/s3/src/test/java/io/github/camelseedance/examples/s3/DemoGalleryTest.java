package io.github.camelseedance.examples.s3;

import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.examples.gallery.Mp4Files;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelseedance.examples.gallery.GalleryPages.assertLoadsNothingFromTheNetwork;
import static io.github.camelseedance.examples.gallery.GalleryPages.card;
import static io.github.camelseedance.examples.gallery.GalleryPages.parameters;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo writes index.html beside the videos it downloaded: one card per image with the request as sent, or the
 * reason it failed, readable after the S3 server and the emulator have stopped.
 */
class DemoGalleryTest {

    private static final Path SHIPPED_SAMPLES = Path.of("samples").toAbsolutePath();
    private static final String LIGHTHOUSE = "The lighthouse beam sweeps across a calm sea";
    private static final String SUNSET = "The sun sinks below the horizon";
    private static final String HOSTILE_PROMPT = "</p><script>alert('prompt')</script> & <img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    @Test
    void theDemoWritesAGalleryWithACardPerImage() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        Files.copy(SHIPPED_SAMPLES.resolve("lighthouse.png"), samples.resolve("lighthouse.png"));
        Files.copy(SHIPPED_SAMPLES.resolve("sunset.png"), samples.resolve("night & <day>.png"));
        Files.copy(SHIPPED_SAMPLES.resolve("snowy-forest.png"), samples.resolve("no-prompt.png"));
        Files.copy(SHIPPED_SAMPLES.resolve("sunset.png"), samples.resolve("sunset.png"));
        Map<String, String> prompts = Map.of(
                "demo/lighthouse.png", LIGHTHOUSE,
                "demo/night & <day>.png", HOSTILE_PROMPT,
                "demo/sunset.png", SUNSET);
        Properties file = new Properties();
        prompts.forEach((key, prompt) -> file.setProperty(key.substring("demo/".length()), prompt));
        try (Writer writer =
                Files.newBufferedWriter(samples.resolve(DemoSamples.PROMPTS_FILE), StandardCharsets.UTF_8)) {
            file.store(writer, null);
        }
        Path output = dir.resolve("output");

        DemoRun.Outcome outcome;
        String refusedKey;
        try (EmbeddedS3 s3 = EmbeddedS3.start();
                EmulatorFallback target = EmulatorFallback.choose(Map.of())) {
            SeedanceEmulator emulator = target.emulator().orElseThrow();
            Map<String, String> properties = new HashMap<>(target.overrideProperties());
            properties.putAll(s3.overrideProperties());
            properties.put("s3demo.samples-dir", samples.toString());
            properties.put("s3demo.output-dir", output.toString());
            properties.put("s3.poll-delay", "100");
            // the API refuses the first image it is sent, whichever that is
            emulator.enqueue(EmulatorResponse.error(403, "Blocked by moderation", "moderation_blocked", null, 1301));

            outcome = new DemoRun(S3Application.createMain(properties)).execute();

            assertThat(emulator.violations()).isEmpty();
            List<String> sentPrompts = emulator.generationRequests().stream()
                    .map(RecordedRequest::json)
                    .map(json -> json.get("prompt").asText())
                    .toList();
            assertThat(sentPrompts)
                    .as("one POST per image with a prompt")
                    .containsExactlyInAnyOrderElementsOf(prompts.values());
            refusedKey = prompts.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(sentPrompts.get(0)))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
        }

        Path page = output.resolve("index.html");
        assertThat(outcome.gallery()).isEqualTo(page);
        List<String> summary = outcome.summary();
        assertThat(summary.get(summary.size() - 1)).isEqualTo("Gallery: " + page);
        assertThat(page).isAbsolute().isRegularFile();

        // read after the S3 server and the emulator stopped: nothing on the page needs them
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Document document = Jsoup.parse(html, page.toUri().toString());
        assertThat(document.select("article.card"))
                .extracting(card -> card.attr("data-input"))
                .containsExactly(
                        "demo/lighthouse.png", "demo/night & <day>.png", "demo/no-prompt.png", "demo/sunset.png");
        assertThat(document.select("video")).hasSize(2);

        for (Map.Entry<String, String> image : prompts.entrySet()) {
            Element card = card(document, image.getKey());
            assertThat(card.selectFirst("h2").text()).isEqualTo(image.getKey());
            assertThat(card.selectFirst("p.prompt").text())
                    .as("the prompt sent for " + image.getKey())
                    .isEqualTo(image.getValue());
            Map<String, String> parameters = parameters(card);
            assertThat(parameters)
                    .containsEntry("Model", "ByteDance-Seedance-1.5-pro")
                    .containsEntry("Resolution", "720p")
                    .containsEntry("Seconds", "5")
                    .containsEntry("Aspect ratio", "16:9");
            assertThat(parameters.get("Image"))
                    .as("the presigned URL sent, shown as text without its credential and signature")
                    .startsWith("http://127.0.0.1:")
                    .endsWith(".png")
                    .doesNotContain("?")
                    .doesNotContain("X-Amz-");
            if (image.getKey().equals(refusedKey)) {
                assertThat(card.hasClass("failed")).isTrue();
                assertThat(card.select("video")).isEmpty();
                assertThat(card.selectFirst("p.failure").text())
                        .contains("HTTP 403")
                        .contains("Blocked by moderation");
            } else {
                assertThat(card.hasClass("failed")).isFalse();
                assertThat(assertPlaysALocalVideo(card))
                        .isEqualTo(output.resolve(OutputKeys.videoKeyFor(image.getKey())));
            }
        }

        Element noPrompt = card(document, "demo/no-prompt.png");
        assertThat(noPrompt.hasClass("failed")).isTrue();
        assertThat(noPrompt.selectFirst("p.failure").text()).startsWith("no prompt");
        assertThat(noPrompt.select("p.prompt, dl")).as("no request was made").isEmpty();

        assertThat(document.select("script, img"))
                .as("text from requests stays text")
                .isEmpty();
        assertThat(html).doesNotContain("<script").doesNotContain("<day>");
        assertThat(html).as("no part of a presigned URL's query").doesNotContain("X-Amz-");
        assertLoadsNothingFromTheNetwork(document);
    }

    /** The card's video element, and the downloaded file it plays, relative to the page. */
    private static Path assertPlaysALocalVideo(Element card) throws Exception {
        Element video = card.selectFirst("video");
        assertThat(video).isNotNull();
        assertThat(video.hasAttr("controls")).isTrue();
        assertThat(video.attr("preload")).isEqualTo("metadata");
        assertThat(video.attr("src")).startsWith("./");
        Path file = Path.of(URI.create(video.absUrl("src")));
        Mp4Files.assertPlayable(file);
        return file;
    }
}
