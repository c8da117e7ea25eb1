package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole application against its embedded emulator: files in, videos out, inputs sorted into .done and .error. */
class FileDropFlowTest {

    private static final String HARBOUR = "Fishing boats returning to a harbour at sunset, gulls overhead";
    private static final String DESERT = "Wind shaping sand dunes in a desert, aerial view";
    private static final String GLACIER = "A glacier calving into a turquoise bay";

    @TempDir
    Path dir;

    private Path input;
    private Path output;
    private EmulatorFallback target;
    private SeedanceEmulator emulator;
    private Main main;
    private final List<String> errorLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startApplication() {
        input = dir.resolve("input");
        output = dir.resolve("output");
        // an environment without SEEDANCE_API_KEY, whatever the machine running the test has
        target = EmulatorFallback.choose(Map.of());
        emulator = target.emulator().orElseThrow();
        Map<String, String> properties = new HashMap<>(target.overrideProperties());
        properties.put("filedrop.input-dir", input.toString());
        properties.put("filedrop.output-dir", output.toString());
        properties.put("filedrop.poll-delay", "100");
        main = FileDropApplication.createMain(properties);
        main.start();
        main.getCamelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            if (logger.getLevel() == LoggingLevel.ERROR) {
                errorLines.add(message);
            }
            return message;
        });
    }

    @AfterEach
    void stopApplication() {
        if (main != null) {
            main.stop();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void validInputsBecomeVideosAndInvalidOnesAreMovedToError() throws Exception {
        drop("harbour.txt", HARBOUR + "\n");
        drop("desert.TXT", DESERT);
        drop("glacier.json", """
                {"model": "SIRAYA-Seedance-2.0", "prompt": "%s", "seconds": 10, "resolution": "480p",
                 "aspect_ratio": "9:16",
                 "input_references": [{"type": "image", "url": "https://example.com/ice.png", "role": "reference_image"}]}
                """.formatted(GLACIER));
        drop("seven-seconds.json", """
                {"prompt": "A clock ticking", "seconds": 7}
                """);
        drop("empty.txt", "");
        drop("broken.json", "{\"prompt\": ");
        drop("notes.md", "not an input");

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(input.resolve(".done"))
                            .isDirectoryContaining("glob:**/harbour.txt")
                            .isDirectoryContaining("glob:**/desert.TXT")
                            .isDirectoryContaining("glob:**/glacier.json");
                    assertThat(input.resolve(".error"))
                            .isDirectoryContaining("glob:**/seven-seconds.json")
                            .isDirectoryContaining("glob:**/empty.txt")
                            .isDirectoryContaining("glob:**/broken.json");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        for (String video : List.of("harbour.mp4", "desert.mp4", "glacier.mp4")) {
            Mp4Files.assertPlayable(output.resolve(video));
        }
        try (var listing = Files.list(output)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .as("only finished videos and their page, no partial files")
                    .containsExactlyInAnyOrder(
                            "harbour.mp4", "desert.mp4", "glacier.mp4", "index.html", GalleryRecords.DIR);
        }
        assertThat(input.resolve("notes.md"))
                .as("not a txt or json: left alone")
                .exists();

        assertThat(emulator.violations()).isEmpty();
        assertThat(emulator.generationRequests())
                .extracting(RecordedRequest::method)
                .containsOnly("POST");
        assertThat(emulator.generationRequests())
                .extracting(r -> r.json().get("prompt").asText())
                .as("one POST per valid input, none for the invalid ones")
                .containsExactlyInAnyOrder(HARBOUR, DESERT, GLACIER);
        JsonNode glacier = emulator.generationRequests().stream()
                .map(RecordedRequest::json)
                .filter(json -> json.get("prompt").asText().equals(GLACIER))
                .findFirst()
                .orElseThrow();
        assertThat(glacier.get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0");
        assertThat(glacier.get("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(glacier.get("input_references")).hasSize(1);

        assertThat(errorLines).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        assertThat(errorLines)
                .anySatisfy(
                        line -> assertThat(line).contains("seven-seconds.json").contains("seconds"));
        assertThat(errorLines)
                .anySatisfy(line -> assertThat(line).contains("empty.txt").containsIgnoringCase("prompt"));
        assertThat(errorLines).anySatisfy(line -> assertThat(line).startsWith("broken.json failed"));
        assertThat(errorLines).noneSatisfy(line -> assertThat(line).contains(emulator.apiKey()));
    }

    @Test
    void aKeyTheApiEchoesInJsonEscapesNeverReachesTheErrorLine() throws Exception {
        String escaped = unicodeEscaped(emulator.apiKey());
        emulator.enqueue(EmulatorResponse.json(
                401,
                "{\"error\": {\"message\": \"Incorrect API key provided: " + escaped
                        + "\", \"type\": \"authentication_error\", \"code\": \"invalid_api_key\"}}"));
        drop("echo.txt", "A lighthouse in fog");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(input.resolve(".error")).isDirectoryContaining("glob:**/echo.txt");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        // a 401 is not retried: one POST, and one ERROR line with the key redacted
        assertThat(emulator.generationRequests()).hasSize(1);
        assertThat(errorLines)
                .singleElement()
                .asString()
                .startsWith("echo.txt failed")
                .contains("HTTP 401", "Incorrect API key provided: [redacted]")
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
    void aDownloadThatBreaksOnceIsTakenUpAgainWithoutANewGeneration() throws Exception {
        emulator.breakNextDownloads(1);
        drop("torn.txt", "A kite torn loose in a gale");

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(input.resolve(".done")).isDirectoryContaining("glob:**/torn.txt");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        assertThat(emulator.downloads()).as("the break, then the rest").hasSize(2);
        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(1);
        assertThat(FileDropRun.files(output)).containsExactly("index.html", "torn.mp4");
        Mp4Files.assertPlayable(output.resolve("torn.mp4"));
        assertThat(errorLines).isEmpty();
    }

    @Test
    void twoInputsForOneVideoNameMakeOneVideoAndTheOtherIsRefusedBeforeAnyCall() throws Exception {
        // a generation that takes a while, so the second input mostly arrives while the first is at the provider
        emulator.setLatency(Duration.ofSeconds(3));
        drop("fox.txt", "A fox crossing a snowy field");
        drop("fox.json", """
                {"prompt": "A fox asleep in its den"}
                """);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(FileDropRun.inputs(input)).isEmpty();
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(1);
        List<String> done = FileDropRun.files(input.resolve(".done"));
        List<String> refused = FileDropRun.files(input.resolve(".error"));
        assertThat(done).hasSize(1);
        assertThat(refused).hasSize(1);
        assertThat(List.of(done.get(0), refused.get(0))).containsExactlyInAnyOrder("fox.txt", "fox.json");
        assertThat(emulator.generationRequests().get(0).json().get("prompt").asText())
                .isEqualTo(done.get(0).equals("fox.txt") ? "A fox crossing a snowy field" : "A fox asleep in its den");
        assertThat(FileDropRun.files(output)).as("videos").containsExactly("fox.mp4", "index.html");
        Mp4Files.assertPlayable(output.resolve("fox.mp4"));
        assertThat(errorLines)
                .singleElement()
                .asString()
                .startsWith(refused.get(0) + " failed, moved to .error: its video fox.mp4 ");
    }

    @Test
    void anInputWhoseVideoAlreadyExistsIsRefusedBeforeAnyCallAndTheVideoIsKept() throws Exception {
        Files.createDirectories(output);
        Files.writeString(output.resolve("harbour.mp4"), "an earlier video, paid for");
        drop("harbour.txt", HARBOUR);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(input.resolve(".error")).isDirectoryContaining("glob:**/harbour.txt");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });

        assertThat(emulator.generationCount()).as("POSTs").isZero();
        assertThat(FileDropRun.files(output)).as("videos").containsExactly("harbour.mp4", "index.html");
        assertThat(output.resolve("harbour.mp4")).hasContent("an earlier video, paid for");
        assertThat(errorLines)
                .singleElement()
                .asString()
                .isEqualTo("harbour.txt failed, moved to .error: its video harbour.mp4 already exists in the output "
                        + "folder; move that video away or rename harbour.txt to generate it again");
    }

    // written under a dot-name and renamed, as a careful producer of input files would
    private void drop(String name, String content) throws IOException {
        Files.createDirectories(input);
        Path hidden = input.resolve("." + name + ".tmp");
        Files.writeString(hidden, content, StandardCharsets.UTF_8);
        Files.move(hidden, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
