package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.LoggingLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The output folder's index.html: a card per input, rewritten whole as each one ends, kept across restarts. */
class FileDropGalleryTest {

    private static final String HARBOUR = "Fishing boats returning to a harbour at sunset";
    private static final String GLACIER = "A glacier calving into a turquoise bay";
    private static final String HOSTILE =
            "<script>document.title='pwned'</script><img src=x onerror=\"alert(1)\"> & \"quotes\"";

    @TempDir
    Path dir;

    private SeedanceEmulator emulator;
    private FileDropRun run;
    private final List<String> errorLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = SeedanceEmulator.builder().build().start();
    }

    @AfterEach
    void stopAll() {
        if (run != null) {
            run.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void thePageShowsEachInputWithTheRequestAsSentAndEachFailureWithItsReason() throws Exception {
        start(Map.of());
        FileDropRun.drop(run.input(), "harbour.txt", HARBOUR);
        FileDropRun.drop(run.input(), "glacier.json", """
                {"model": "SIRAYA-Seedance-2.0", "prompt": "%s", "seconds": 10, "resolution": "480p",
                 "aspect_ratio": "9:16", "seed": 42, "generate_audio": true}
                """.formatted(GLACIER));
        FileDropRun.drop(run.input(), "hostile.txt", HOSTILE);
        FileDropRun.drop(run.input(), "seven.json", """
                {"prompt": "A clock ticking", "seconds": 7}
                """);
        FileDropRun.drop(run.input(), "bold.json", """
                {"prompt": "A clock ticking", "resolution": "<b>4k</b>"}
                """);
        FileDropRun.drop(run.input(), "empty.txt", "");
        awaitSettled(6);

        GalleryPage page = GalleryPage.read(run.output());
        assertThat(page.inputs())
                .containsExactlyInAnyOrder(
                        "harbour.txt", "glacier.json", "hostile.txt", "seven.json", "bold.json", "empty.txt");

        // a text input shows the request as sent: its prompt with the defaults of application.properties
        GalleryPage.Card harbour = page.card("harbour.txt");
        assertThat(harbour.video()).isEqualTo("./harbour.mp4");
        assertThat(harbour.failure()).isNull();
        assertThat(harbour.prompt()).isEqualTo(HARBOUR);
        assertThat(harbour.parameters())
                .containsExactly(
                        Map.entry("Model", "ByteDance-Seedance-1.5-pro"),
                        Map.entry("Resolution", "720p"),
                        Map.entry("Aspect ratio", "16:9"),
                        Map.entry("Seconds", "5"));
        GalleryPage.Card glacier = page.card("glacier.json");
        assertThat(glacier.video()).isEqualTo("./glacier.mp4");
        assertThat(glacier.prompt()).isEqualTo(GLACIER);
        assertThat(glacier.parameters())
                .containsExactly(
                        Map.entry("Model", "SIRAYA-Seedance-2.0"),
                        Map.entry("Resolution", "480p"),
                        Map.entry("Aspect ratio", "9:16"),
                        Map.entry("Seconds", "10"),
                        Map.entry("Seed", "42"),
                        Map.entry("Audio", "true"));

        // text from a request or an error is shown as text, never read as markup
        assertThat(page.card("hostile.txt").prompt()).isEqualTo(HOSTILE);
        assertThat(page.card("hostile.txt").video()).isEqualTo("./hostile.mp4");
        assertThat(page.document().select("script, img, b")).isEmpty();
        assertThat(page.document().select("[onerror]")).isEmpty();

        // a failed input shows the reason its ERROR line gives, and its request as far as it was read
        assertThat(errorLines).hasSize(3);
        for (String input : List.of("seven.json", "bold.json", "empty.txt")) {
            GalleryPage.Card card = page.card(input);
            assertThat(card.video()).isNull();
            assertThat(errorLines).contains(input + " failed, moved to .error: " + card.failure());
        }
        assertThat(page.card("seven.json").failure()).contains("seconds", "7");
        assertThat(page.card("seven.json").prompt()).isEqualTo("A clock ticking");
        assertThat(page.card("seven.json").parameters()).containsEntry("Seconds", "7");
        assertThat(page.card("bold.json").failure()).contains("<b>4k</b>");
        assertThat(page.card("empty.txt").failure()).containsIgnoringCase("prompt");
        assertThat(page.card("empty.txt").prompt()).isNull();
        assertThat(page.card("empty.txt").parameters()).isEmpty();

        assertNoTemporaryFiles(6);
    }

    @Test
    void aPromptKeepsItsLineBreaksAndRunsOfSpacesOnThePage() throws Exception {
        start(Map.of());
        FileDropRun.drop(run.input(), "two-lines.txt", "A harbour at dawn,\nthen   the boats leave\n");
        awaitSettled(1);

        GalleryPage page = GalleryPage.read(run.output());
        assertThat(page.card("two-lines.txt").prompt()).isEqualTo("A harbour at dawn,\nthen   the boats leave");
        assertThat(emulator.generationRequests().get(0).json().get("prompt").asText())
                .as("the prompt as sent")
                .isEqualTo("A harbour at dawn,\nthen   the boats leave");
    }

    @Test
    void thePageIsRewrittenWholeAsEachInputEndsWhileSeveralEndAtOnce() throws Exception {
        start(Map.of("filedrop.concurrency", "4"));
        FileDropRun.drop(run.input(), "first.txt", "A first light over the sea");
        awaitSettled(1);
        assertThat(GalleryPage.read(run.output()).inputs()).containsExactly("first.txt");
        FileDropRun.drop(run.input(), "second.txt", "A second wave breaking");
        awaitSettled(2);
        assertThat(GalleryPage.read(run.output()).inputs())
                .as("the latest first")
                .containsExactly("second.txt", "first.txt");

        // several generations ending together, while a reader keeps reading the page
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get() && readFailure.get() == null) {
                try {
                    seen.add(GalleryPage.read(run.output()).cards().size());
                } catch (NoSuchFileException e) {
                    readFailure.set(new AssertionError("the page was missing for a moment", e));
                } catch (Throwable e) {
                    readFailure.set(e);
                }
            }
        });
        reader.start();
        emulator.setLatency(Duration.ofMillis(500));
        for (int i = 1; i <= 6; i++) {
            FileDropRun.drop(run.input(), "wave-" + i + ".txt", "Wave number " + i + " rolling in");
        }
        FileDropRun.drop(run.input(), "broken.json", "{\"prompt\": ");
        awaitSettled(9);
        reading.set(false);
        reader.join();

        assertThat(readFailure.get()).as("every read saw a whole page").isNull();
        assertThat(seen)
                .as("reads")
                .isNotEmpty()
                .isSorted()
                .allSatisfy(count -> assertThat(count).isBetween(2, 9));
        GalleryPage page = GalleryPage.read(run.output());
        assertThat(page.inputs())
                .hasSize(9)
                .containsAll(List.of("broken.json", "first.txt", "second.txt", "wave-1.txt", "wave-6.txt"));
        assertThat(page.card("broken.json").failure()).isNotBlank();
        assertNoTemporaryFiles(9);
    }

    @Test
    void aRestartKeepsTheEarlierCardsAndAFixedInputReplacesItsFailure() throws Exception {
        start(Map.of());
        FileDropRun.drop(run.input(), "harbour.txt", HARBOUR);
        FileDropRun.drop(run.input(), "moved.txt", "A video its owner will move away");
        FileDropRun.drop(run.input(), "seven.json", """
                {"prompt": "A clock ticking", "seconds": 7}
                """);
        awaitSettled(3);
        run.close();
        assertThat(GalleryPage.read(run.output()).inputs())
                .containsExactlyInAnyOrder("harbour.txt", "moved.txt", "seven.json");
        Files.move(run.output().resolve("moved.mp4"), dir.resolve("moved.mp4"));

        start(Map.of());
        FileDropRun.drop(run.input(), "glacier.txt", GLACIER);
        FileDropRun.drop(run.input(), "seven.json", """
                {"prompt": "A clock ticking", "seconds": 5}
                """);
        awaitSettled(5);

        GalleryPage page = GalleryPage.read(run.output());
        assertThat(page.inputs())
                .as("the earlier run's video, this run's two; none for the video moved away")
                .containsExactlyInAnyOrder("harbour.txt", "glacier.txt", "seven.json");
        assertThat(page.card("harbour.txt").video()).isEqualTo("./harbour.mp4");
        assertThat(page.card("harbour.txt").prompt()).isEqualTo(HARBOUR);
        assertThat(page.card("seven.json").video()).isEqualTo("./seven.mp4");
        assertThat(page.card("seven.json").parameters()).containsEntry("Seconds", "5");
        assertThat(page.cards()).noneSatisfy(card -> assertThat(card.failure()).isNotNull());
    }

    private void start(Map<String, String> overrides) {
        run = FileDropRun.start(emulator, dir, overrides);
        run.camelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            if (logger.getLevel() == LoggingLevel.ERROR) {
                errorLines.add(message);
            }
            return message;
        });
    }

    /** Until this many inputs in all have ended in .done or .error, and nothing is in flight. */
    private void awaitSettled(int ended) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(FileDropRun.inputs(run.input())).isEmpty();
                    assertThat(FileDropRun.files(run.input().resolve(FileDropRoutes.DONE_DIR))
                                            .size()
                                    + FileDropRun.files(run.input().resolve(FileDropRoutes.ERROR_DIR))
                                            .size())
                            .isEqualTo(ended);
                    assertThat(run.inFlight()).isZero();
                });
    }

    /** The page and the videos in the output folder, one record per card in .gallery, and no temporary file. */
    private void assertNoTemporaryFiles(int records) throws IOException {
        List<String> output = new ArrayList<>();
        try (Stream<Path> listing = Files.list(run.output())) {
            listing.map(p -> p.getFileName().toString()).forEach(output::add);
        }
        assertThat(output)
                .contains("index.html", GalleryRecords.DIR)
                .allSatisfy(name -> assertThat(name).matches("index\\.html|\\.gallery|[^.].*\\.mp4"));
        assertThat(FileDropRun.files(run.output().resolve(GalleryRecords.DIR)))
                .hasSize(records)
                .allSatisfy(name -> assertThat(name).matches("[0-9a-f]{64}\\.json"));
    }
}
