package io.github.camelseedance.examples.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.examples.gallery.Mp4Files;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The YAML routes end to end on Camel Main, against the embedded S3 server and the Seedance emulator: images with
 * prompts in, videos out, images sorted into done/ and error/.
 */
class S3FlowTest {

    private static final String INPUT = "test-input";
    private static final String OUTPUT = "test-output";
    private static final String LIGHTHOUSE = "The lighthouse beam sweeps across a calm sea as night falls";

    @TempDir
    Path dir;

    private EmbeddedS3 s3;
    private EmulatorFallback target;
    private SeedanceEmulator emulator;
    private Main main;
    private TestBuckets buckets;
    private final List<String> errorLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startApplication() {
        s3 = EmbeddedS3.start();
        // an environment without SEEDANCE_API_KEY, whatever the machine running the test has
        target = EmulatorFallback.choose(Map.of());
        emulator = target.emulator().orElseThrow();
        Map<String, String> properties = new HashMap<>(target.overrideProperties());
        properties.putAll(s3.overrideProperties());
        properties.put("s3.input-bucket", INPUT);
        properties.put("s3.output-bucket", OUTPUT);
        properties.put("s3.poll-delay", "100");
        main = S3Application.createMain(properties);
        main.start();
        main.getCamelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            if (logger.getLevel() == LoggingLevel.ERROR) {
                errorLines.add(message);
            }
            return message;
        });
        buckets = new TestBuckets(s3);
    }

    @AfterEach
    void stopApplication() {
        if (buckets != null) {
            buckets.close();
        }
        if (main != null) {
            main.stop();
        }
        if (target != null) {
            target.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void anImageWithAPromptBecomesAVideoAndOneWithoutIsMovedToError() throws Exception {
        byte[] lighthouse = Files.readAllBytes(Path.of("samples/lighthouse.png"));
        // already handled by an earlier run, and not an image: neither may be picked up
        buckets.put(INPUT, "done/coast/archived.png", lighthouse, Map.of("prompt", "An earlier video"));
        buckets.put(
                INPUT,
                "coast/notes.md",
                "not an image".getBytes(StandardCharsets.UTF_8),
                Map.of("prompt", "Not an image"));
        // a nested key with a space: it has to survive the presigned URL, the copy and the delete
        buckets.put(INPUT, "coast/north/light house.png", lighthouse, Map.of("prompt", LIGHTHOUSE));
        buckets.put(INPUT, "coast/sunset.png", Files.readAllBytes(Path.of("samples/sunset.png")), Map.of());

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(buckets.keys(INPUT))
                            .doesNotContain("coast/north/light house.png", "coast/sunset.png")
                            .contains("done/coast/north/light house.png", "error/coast/sunset.png");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        // the video, stored under the image's key with .mp4
        assertThat(buckets.keys(OUTPUT)).containsExactly("coast/north/light house.mp4");
        assertThat(buckets.contentType(OUTPUT, "coast/north/light house.mp4")).isEqualTo("video/mp4");
        Path video = dir.resolve("lighthouse.mp4");
        buckets.download(OUTPUT, "coast/north/light house.mp4", video);
        Mp4Files.assertPlayable(video);

        // the images, moved with their metadata; the failed one with its reason beside it
        assertThat(buckets.keys(INPUT))
                .containsExactly(
                        "coast/notes.md",
                        "done/coast/archived.png",
                        "done/coast/north/light house.png",
                        "error/coast/sunset.png",
                        "error/coast/sunset.png.error.txt");
        assertThat(buckets.bytes(INPUT, "done/coast/north/light house.png")).isEqualTo(lighthouse);
        assertThat(buckets.metadata(INPUT, "done/coast/north/light house.png")).containsEntry("prompt", LIGHTHOUSE);
        assertThat(new String(buckets.bytes(INPUT, "error/coast/sunset.png.error.txt"), StandardCharsets.UTF_8))
                .contains("no prompt")
                .contains("x-amz-meta-prompt");

        // one generation, for the valid image only, handed a presigned URL of that image
        assertThat(emulator.violations()).isEmpty();
        assertThat(emulator.generationRequests()).hasSize(1);
        RecordedRequest request = emulator.generationRequests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        JsonNode json = request.json();
        assertThat(json.get("prompt").asText()).isEqualTo(LIGHTHOUSE);
        String imageUrl = json.get("image_url").asText();
        assertThat(imageUrl)
                .startsWith(s3.endpoint() + "/" + INPUT + "/coast/north/light%20house.png?")
                .containsAnyOf("X-Amz-Signature=", "Signature=");
        assertThat(emulator.downloads()).hasSize(1);

        // one ERROR line for the failed image, naming it and the reason; never the API key
        assertThat(errorLines).hasSize(1).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        assertThat(errorLines.get(0)).startsWith("coast/sunset.png failed, moved to error/: no prompt");
        assertThat(errorLines).noneSatisfy(line -> assertThat(line).contains(emulator.apiKey()));
    }

    @Test
    void anImageTheApiRejectsIsMovedToErrorWithTheApisReason() {
        emulator.enqueue(EmulatorResponse.error(
                403, "The image was blocked by moderation", "moderation_blocked", "image_url", 1301));
        buckets.put(INPUT, "blocked.JPG", "jpeg bytes".getBytes(StandardCharsets.UTF_8), Map.of("prompt", "A city"));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(buckets.keys(INPUT))
                            .contains("error/blocked.JPG")
                            .doesNotContain("blocked.JPG");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        assertThat(emulator.generationRequests()).hasSize(1);
        assertThat(buckets.keys(OUTPUT)).isEmpty();
        assertThat(new String(buckets.bytes(INPUT, "error/blocked.JPG.error.txt"), StandardCharsets.UTF_8))
                .contains("403")
                .contains("The image was blocked by moderation");
        assertThat(errorLines)
                .singleElement()
                .asString()
                .startsWith("blocked.JPG failed, moved to error/:")
                .contains("403")
                .doesNotContain(emulator.apiKey());
    }

    @Test
    void twoImagesForOneVideoKeyMakeOneVideoAndTheOtherIsRefusedBeforeAnyCall() throws Exception {
        // a generation that takes a while, so the second image mostly arrives while the first is at the provider
        emulator.setLatency(Duration.ofSeconds(3));
        byte[] png = Files.readAllBytes(Path.of("samples/lighthouse.png"));
        buckets.put(INPUT, "pets/cat.png", png, Map.of("prompt", "The cat stretches in the sun"));
        buckets.put(INPUT, "pets/cat.jpg", png, Map.of("prompt", "The cat chases a leaf"));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(buckets.keys(INPUT)).doesNotContain("pets/cat.png", "pets/cat.jpg");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(1);
        assertThat(buckets.keys(OUTPUT)).as("videos").containsExactly("pets/cat.mp4");
        String generated = buckets.keys(INPUT).contains("done/pets/cat.png") ? "pets/cat.png" : "pets/cat.jpg";
        String refused = generated.equals("pets/cat.png") ? "pets/cat.jpg" : "pets/cat.png";
        assertThat(buckets.keys(INPUT))
                .containsExactlyInAnyOrder("done/" + generated, "error/" + refused, "error/" + refused + ".error.txt");
        assertThat(emulator.generationRequests().get(0).json().get("prompt").asText())
                .isEqualTo(buckets.metadata(INPUT, "done/" + generated).get("prompt"));
        String reason = new String(buckets.bytes(INPUT, "error/" + refused + ".error.txt"), StandardCharsets.UTF_8);
        assertThat(reason).startsWith("its video pets/cat.mp4 ");
        assertThat(errorLines)
                .singleElement()
                .asString()
                .isEqualTo(refused + " failed, moved to error/: " + reason.strip());
    }

    @Test
    void anImageWhoseVideoExistsIsRefusedBeforeAnyCallAndTheVideoIsKept() throws Exception {
        byte[] earlier = "an earlier video, paid for".getBytes(StandardCharsets.UTF_8);
        buckets.put(OUTPUT, "pets/cat.mp4", earlier, Map.of());
        buckets.put(
                INPUT,
                "pets/cat.png",
                Files.readAllBytes(Path.of("samples/lighthouse.png")),
                Map.of("prompt", "The cat stretches in the sun"));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(buckets.keys(INPUT))
                            .contains("error/pets/cat.png")
                            .doesNotContain("pets/cat.png");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        assertThat(emulator.generationCount()).as("POSTs").isZero();
        assertThat(buckets.keys(OUTPUT)).as("videos").containsExactly("pets/cat.mp4");
        assertThat(buckets.bytes(OUTPUT, "pets/cat.mp4")).isEqualTo(earlier);
        assertThat(new String(buckets.bytes(INPUT, "error/pets/cat.png.error.txt"), StandardCharsets.UTF_8).strip())
                .isEqualTo("its video pets/cat.mp4 already exists in the output bucket; move that video away or upload "
                        + "the image under another name to generate it again");
        assertThat(errorLines)
                .singleElement()
                .asString()
                .startsWith("pets/cat.png failed, moved to error/: its video pets/cat.mp4 already exists");
    }

    @Test
    void aKeyTheApiEchoesInJsonEscapesIsNeitherInTheErrorObjectNorInTheLog() {
        String escaped = unicodeEscaped(emulator.apiKey());
        emulator.enqueue(EmulatorResponse.json(
                401,
                "{\"error\": {\"message\": \"Incorrect API key provided: " + escaped
                        + "\", \"type\": \"authentication_error\", \"code\": \"invalid_api_key\"}}"));
        buckets.put(INPUT, "echo.png", "png bytes".getBytes(StandardCharsets.UTF_8), Map.of("prompt", "A city"));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(buckets.keys(INPUT)).contains("error/echo.png.error.txt");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        // a 401 is not retried: one POST, and the key redacted from the reason beside the image and from the log
        assertThat(emulator.generationRequests()).hasSize(1);
        assertThat(new String(buckets.bytes(INPUT, "error/echo.png.error.txt"), StandardCharsets.UTF_8))
                .contains("HTTP 401", "Incorrect API key provided: [redacted]")
                .doesNotContain(emulator.apiKey())
                .doesNotContain(escaped);
        assertThat(errorLines)
                .singleElement()
                .asString()
                .contains("Incorrect API key provided: [redacted]")
                .doesNotContain(emulator.apiKey())
                .doesNotContain(escaped);
    }

    /** Every character as a JSON unicode escape, as a provider's serializer may write it. */
    private static String unicodeEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(String.format("\\u%04x", (int) c));
        }
        return escaped.toString();
    }

    @Test
    void theImageLinkServesTheImageWithoutCredentialsUntilItExpires() throws Exception {
        byte[] image = Files.readAllBytes(Path.of("samples/sunset.png"));
        // under done/, so the route leaves it alone while the link is made through the route's own endpoint
        buckets.put(INPUT, "done/link-check.png", image, Map.of());
        String link;
        try (ProducerTemplate template = main.getCamelContext().createProducerTemplate()) {
            link = template.requestBodyAndHeaders(
                    "aws2-s3:{{s3.input-bucket}}?operation=createDownloadLink",
                    null,
                    Map.of("CamelAwsS3Key", "done/link-check.png", "CamelAwsS3DowloadLinkExpirationTime", 3_600_000L),
                    String.class);
        }

        assertThat(link).contains("X-Amz-Expires=3600");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> response =
                http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(image);
        // the signature covers the key: the same link for another object is refused
        HttpResponse<byte[]> tampered = http.send(
                HttpRequest.newBuilder(URI.create(link.replace("link-check.png", "archived.png")))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tampered.statusCode()).isEqualTo(403);
    }
}
