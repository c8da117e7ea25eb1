package io.github.camelseedance.examples.filedrop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelseedance.emulator.SeedanceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A prompt file is sent as written or not at all, and its name cannot break a log line. */
class FileDropTextInputTest {

    private static final String NAME = "café\nERROR forged line.txt";

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotUtf8IsMovedToErrorWithoutACallAndItsNameStaysOnOneLogLine() throws Exception {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start();
                FileDropRun run = FileDropRun.start(emulator, dir, Map.of())) {
            List<String> lines = new CopyOnWriteArrayList<>();
            run.camelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
                lines.add(message);
                return message;
            });

            Files.createDirectories(run.input());
            Path hidden = run.input().resolve(".latin1.tmp");
            Files.write(hidden, "Un café au lait".getBytes(StandardCharsets.ISO_8859_1));
            // dated back, so that the consumer's readLockMinAge does not hold it up
            Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
            Files.move(hidden, run.input().resolve(NAME), StandardCopyOption.ATOMIC_MOVE);

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        assertThat(FileDropRun.files(run.input().resolve(FileDropRoutes.ERROR_DIR)))
                                .containsExactly(NAME);
                        assertThat(run.inFlight()).isZero();
                    });

            assertThat(emulator.generationCount()).as("POSTs").isZero();
            assertThat(lines)
                    .as("the route's log lines")
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
            assertThat(lines)
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("café\\nERROR forged line.txt failed")
                            .contains("not valid UTF-8", "byte offset 6"));
        }
    }
}
