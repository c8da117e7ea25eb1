package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRunTest {

    private static final Path SHIPPED_SAMPLES = Path.of("samples").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void copiesOnlyInputFilesAndClearsLeftoversOfAnEarlierRun() throws IOException {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        Files.writeString(samples.resolve("a.txt"), "A prompt");
        Files.writeString(samples.resolve("b.JSON"), "{}");
        Files.writeString(samples.resolve("README.md"), "not an input");
        Files.writeString(samples.resolve(".hidden.txt"), "not an input");
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        Files.createDirectories(input.resolve(".done"));
        Files.createDirectories(output);
        Files.writeString(input.resolve(".done/a.txt"), "old");
        Files.writeString(output.resolve("a.mp4"), "old");

        List<String> names = DemoRun.copySamples(samples, input, output);

        assertThat(names).containsExactly("a.txt", "b.JSON");
        assertThat(input.resolve("a.txt")).hasContent("A prompt");
        assertThat(input.resolve(".done/a.txt")).doesNotExist();
        assertThat(output.resolve("a.mp4")).doesNotExist();
        try (Stream<Path> listing = Files.list(input)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(".done", "a.txt", "b.JSON");
        }
    }

    @Test
    void namesNoGalleryWhenThereIsNone() {
        assertThat(DemoRun.galleryLine(dir)).isEmpty();
    }

    @Test
    void waitsUntilNothingIsInFlightEvenWhenEveryInputHasMoved() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve(".done"));
        Files.writeString(input.resolve(".done/a.txt"), "x");
        AtomicInteger polls = new AtomicInteger();

        DemoTally tally = DemoRun.awaitSettled(
                input, List.of("a.txt"), () -> polls.incrementAndGet() < 3 ? 1 : 0, Duration.ofMinutes(1));

        assertThat(tally.succeeded()).isTrue();
        assertThat(polls).hasValue(3);
    }

    @Test
    void givesUpAtTheTimeoutAndReportsWhatIsPending() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("stuck.txt"), "x");

        DemoTally tally = DemoRun.awaitSettled(input, List.of("stuck.txt"), () -> 1, Duration.ZERO);

        assertThat(tally.pending()).containsExactly("stuck.txt");
        assertThat(tally.succeeded()).isFalse();
    }

    @Test
    void everyShippedSampleBecomesAVideo() throws Exception {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        try (EmulatorFallback target = EmulatorFallback.choose(Map.of())) {
            SeedanceEmulator emulator = target.emulator().orElseThrow();
            Map<String, String> properties = new HashMap<>(target.overrideProperties());
            properties.put("filedrop.input-dir", input.toString());
            properties.put("filedrop.output-dir", output.toString());
            properties.put("filedrop.demo.samples-dir", SHIPPED_SAMPLES.toString());
            properties.put("filedrop.poll-delay", "100");

            int exitCode = new DemoRun(FileDropApplication.createMain(properties)).run();

            List<String> samples;
            try (Stream<Path> listing = Files.list(SHIPPED_SAMPLES)) {
                samples = listing.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
            assertThat(exitCode).isZero();
            assertThat(emulator.violations()).isEmpty();
            assertThat(emulator.generationCount()).isEqualTo(samples.size());
            for (String sample : samples) {
                assertThat(input.resolve(".done").resolve(sample)).exists();
                assertThat(output.resolve(sample.substring(0, sample.lastIndexOf('.')) + ".mp4"))
                        .isNotEmptyFile();
            }
            GalleryPage page = GalleryPage.read(output);
            assertThat(page.inputs()).containsExactlyInAnyOrderElementsOf(samples);
            assertThat(page.cards())
                    .allSatisfy(card -> assertThat(card.video())
                            .isEqualTo("./"
                                    + card.input().substring(0, card.input().lastIndexOf('.')) + ".mp4"));
            assertThat(DemoRun.galleryLine(output))
                    .hasValue("Gallery:          " + output.resolve("index.html")
                            + " (open it in a browser; it works offline)");
        }
    }
}
