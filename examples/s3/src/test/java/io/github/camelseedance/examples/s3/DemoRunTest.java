package io.github.camelseedance.examples.s3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.examples.gallery.Mp4Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRunTest {

    private static final Path SHIPPED_SAMPLES = Path.of("samples").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void waitsUntilNothingIsInFlightEvenWhenEveryImageHasMoved() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        DemoTally moved = DemoTally.of(Set.of(), Set.of("done/a.png"), List.of("a.png"));

        DemoTally tally =
                DemoRun.awaitSettled(() -> moved, () -> polls.incrementAndGet() < 3 ? 1 : 0, Duration.ofMinutes(1));

        assertThat(tally.succeeded()).isTrue();
        assertThat(polls).hasValue(3);
    }

    @Test
    void givesUpAtTheTimeoutAndReportsWhatIsPending() throws Exception {
        DemoTally stuck = DemoTally.of(Set.of("a.png"), Set.of("a.png"), List.of("a.png"));

        DemoTally tally = DemoRun.awaitSettled(() -> stuck, () -> 0, Duration.ZERO);

        assertThat(tally.pending()).containsExactly("a.png");
        assertThat(tally.succeeded()).isFalse();
    }

    @Test
    void everyShippedSampleBecomesADownloadedVideo() throws Exception {
        Path output = dir.resolve("output");
        try (EmbeddedS3 s3 = EmbeddedS3.start();
                EmulatorFallback target = EmulatorFallback.choose(Map.of())) {
            SeedanceEmulator emulator = target.emulator().orElseThrow();
            Map<String, String> properties = new HashMap<>(target.overrideProperties());
            properties.putAll(s3.overrideProperties());
            properties.put("s3demo.samples-dir", SHIPPED_SAMPLES.toString());
            properties.put("s3demo.output-dir", output.toString());
            properties.put("s3.poll-delay", "100");

            int exitCode = new DemoRun(S3Application.createMain(properties)).run();

            List<DemoSamples.Sample> samples = DemoSamples.read(SHIPPED_SAMPLES, "demo/");
            assertThat(exitCode).isZero();
            assertThat(emulator.violations()).isEmpty();
            assertThat(emulator.generationCount()).isEqualTo(samples.size());
            for (DemoSamples.Sample sample : samples) {
                Mp4Files.assertPlayable(output.resolve(OutputKeys.videoKeyFor(sample.key())));
            }
            assertThat(output.resolve("index.html")).content().contains(samples.size() + " videos, 0 failed");
        }
    }
}
