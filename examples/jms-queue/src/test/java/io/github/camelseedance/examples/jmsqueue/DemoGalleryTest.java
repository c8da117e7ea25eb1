package io.github.camelseedance.examples.jmsqueue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.examples.gallery.Mp4Files;
import io.github.camelseedance.model.VideoGenerationRequest;
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
 * The demo leaves something to open after the emulator has stopped: each result's video in its output folder, named
 * after the request id, and index.html with one card per request id, the dead-lettered one with its reason.
 */
class DemoGalleryTest {

    private static final Path SHIPPED_SAMPLES = Path.of("samples").toAbsolutePath();
    private static final String HOSTILE_ID = "order-<b>1006</b> & \"x\"/../y";
    private static final String HOSTILE_PROMPT = "</p><script>alert('prompt')</script> & <img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    @Test
    void theDemoDownloadsEveryResultAndWritesAGalleryWithACardPerRequestId() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        for (String name : List.of(
                "order-1001-lighthouse.json", "order-1003-city.json", "invalid-order-1005-seven-seconds.json")) {
            Files.copy(SHIPPED_SAMPLES.resolve(name), samples.resolve(name));
        }
        Files.writeString(
                samples.resolve("order-1006-hostile.json"),
                RequestEnvelope.toJson(
                        HOSTILE_ID,
                        VideoGenerationRequest.builder().prompt(HOSTILE_PROMPT).build()),
                StandardCharsets.UTF_8);
        Path videos = dir.resolve("out/videos");

        DemoRun.Outcome outcome;
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start()) {
            Map<String, String> overrides = Map.of(
                    "demo.samples-dir", samples.toString(),
                    "demo.output-dir", videos.toString(),
                    "test.seedance.api-key", emulator.apiKey(),
                    "camel.component.seedance.api-key", "{{test.seedance.api-key}}",
                    "camel.component.seedance.base-url", emulator.baseUrl());

            outcome = new DemoRun(Map.of("SEEDANCE_API_KEY", emulator.apiKey()), overrides, dir.resolve("broker"))
                    .execute();

            assertThat(outcome.succeeded())
                    .as(String.join("\n", outcome.summary()))
                    .isTrue();
            assertThat(emulator.generationCount())
                    .as("one generation per valid request id; the downloads generate nothing")
                    .isEqualTo(3);
            assertThat(emulator.violations()).isEmpty();
        }

        Path page = videos.resolve("index.html");
        assertThat(outcome.gallery()).isEqualTo(page);
        List<String> summary = outcome.summary();
        assertThat(summary.get(summary.size() - 1)).isEqualTo("Gallery: " + page);
        assertThat(page).isAbsolute().isRegularFile();
        assertThat(summary).contains("  order-1001 -> order-1001.mp4 (ByteDance-Seedance-1.5-pro, by demo-worker)");

        try (Stream<Path> files = Files.list(videos)) {
            List<Path> mp4 =
                    files.filter(file -> file.toString().endsWith(".mp4")).toList();
            assertThat(mp4).as("one video per result").hasSize(3);
            for (Path video : mp4) {
                Mp4Files.assertPlayable(video);
            }
        }

        // read after the emulator stopped: nothing on the page needs it
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Document document = Jsoup.parse(html, page.toUri().toString());
        List<Element> cards = document.select("article.card");
        assertThat(cards)
                .extracting(card -> card.attr("data-input"))
                .containsExactlyInAnyOrder("order-1001", "order-1003", "order-1005", HOSTILE_ID);

        Element lighthouse = card(document, "order-1001");
        assertThat(lighthouse.selectFirst("p.prompt").text())
                .isEqualTo("A lighthouse on a cliff in a storm, waves breaking against the rocks, cinematic");
        assertThat(parameters(lighthouse))
                .containsEntry("Model", "ByteDance-Seedance-1.5-pro")
                .containsEntry("Resolution", "720p")
                .containsEntry("Seconds", "5");
        assertPlaysALocalVideo(lighthouse, videos);

        Element city = card(document, "order-1003");
        assertThat(parameters(city))
                .containsEntry("Model", "SIRAYA-Seedance-2.0-fast")
                .containsEntry("Resolution", "1080p")
                .containsEntry("Audio", "true");
        assertPlaysALocalVideo(city, videos);

        Element failed = card(document, "order-1005");
        assertThat(failed.hasClass("failed")).isTrue();
        assertThat(failed.select("video")).isEmpty();
        assertThat(failed.selectFirst("p.failure").text()).startsWith("Invalid seconds '7'");
        assertThat(failed.selectFirst("p.prompt").text()).isEqualTo("A clock ticking on a kitchen wall");

        Element hostile = card(document, HOSTILE_ID);
        assertThat(hostile.selectFirst("h2").text()).isEqualTo(HOSTILE_ID);
        assertThat(hostile.selectFirst("p.prompt").text()).isEqualTo(HOSTILE_PROMPT);
        Path hostileVideo = assertPlaysALocalVideo(hostile, videos);
        assertThat(hostileVideo.getParent())
                .as("a request id cannot leave the folder")
                .isEqualTo(videos);
        assertThat(document.select("script, img, b"))
                .as("text from requests stays text")
                .isEmpty();
        assertThat(html).doesNotContain("<script").doesNotContain("<b>1006");
        assertLoadsNothingFromTheNetwork(document);
    }

    /** The card's video element, and the file in the page's folder it plays. */
    private static Path assertPlaysALocalVideo(Element card, Path folder) throws Exception {
        Element video = card.selectFirst("video");
        assertThat(video).isNotNull();
        assertThat(video.hasAttr("controls")).isTrue();
        assertThat(video.attr("preload")).isEqualTo("metadata");
        assertThat(video.attr("src")).startsWith("./");
        Path file = Path.of(URI.create(video.absUrl("src")));
        assertThat(file).isRegularFile();
        assertThat(file.getParent()).isEqualTo(folder);
        Mp4Files.assertPlayable(file);
        return file;
    }
}
