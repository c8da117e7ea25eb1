package io.github.camelseedance.examples.filedrop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelseedance.emulator.SeedanceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the application with generations or downloads under way: their inputs stay for the next run, nothing is
 * half-written, and a video paid for is downloaded, not generated, on the next run.
 */
class FileDropShutdownTest {

    @TempDir
    Path dir;

    @Test
    void inputsCutShortByShutdownStayInTheInputFolderAndAreDoneOnTheNextRun() throws Exception {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .latency(Duration.ofMinutes(10))
                .build()
                .start()) {
            // one generation at a time: one input is in flight at the provider, the other waits for its turn
            try (FileDropRun run = FileDropRun.start(
                    emulator, dir, Map.of("filedrop.concurrency", "1", "camel.main.shutdown-timeout", "1"))) {
                FileDropRun.drop(run.input(), "glacier.txt", "A glacier moving, filmed for a century");
                FileDropRun.drop(run.input(), "candle.txt", "A candle burning down");
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> emulator.generationCount() == 1 && run.inFlight() == 2);

                run.stop();

                assertThat(FileDropRun.inputs(run.input())).containsExactly("candle.txt", "glacier.txt");
                assertThat(FileDropRun.files(run.input().resolve(FileDropRoutes.DONE_DIR)))
                        .isEmpty();
                assertThat(FileDropRun.files(run.input().resolve(FileDropRoutes.ERROR_DIR)))
                        .isEmpty();
                assertThat(FileDropRun.files(run.input()))
                        .as("no read-lock marker left behind")
                        .containsExactly("candle.txt", "glacier.txt");
                assertThat(FileDropRun.files(run.output())).isEmpty();
                assertThat(emulator.generationCount())
                        .as("the waiting one was never sent")
                        .isEqualTo(1);
            }

            emulator.setLatency(Duration.ZERO);
            try (FileDropRun next = FileDropRun.start(emulator, dir, Map.of())) {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .untilAsserted(() -> {
                            assertThat(FileDropRun.files(next.input().resolve(FileDropRoutes.DONE_DIR)))
                                    .containsExactly("candle.txt", "glacier.txt");
                            assertThat(next.inFlight()).isZero();
                        });
                assertThat(FileDropRun.files(next.output())).containsExactly("candle.mp4", "glacier.mp4", "index.html");
            }
        }
    }

    @Test
    void anInputWhoseVideoWasDownloadingWhenStoppedStaysKeepsItsUrlAndIsDownloadedWithoutANewGeneration()
            throws Exception {
        // the fixed clip, so that a whole video is one known size
        try (SeedanceEmulator emulator =
                SeedanceEmulator.builder().fixedClip().build().start()) {
            // the video host sends half the video, then nothing: the write waits for bytes that never come
            emulator.stallNextDownloads(1);
            Path records;
            try (FileDropRun run = FileDropRun.start(emulator, dir, Map.of("camel.main.shutdown-timeout", "1"))) {
                records = run.input().resolve(PaidVideos.DIR);
                FileDropRun.drop(run.input(), "glacier.txt", "A glacier moving, filmed for a century");
                Path partial = run.output().resolve(FileDropRoutes.TEMP_PREFIX + "glacier.mp4");
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> emulator.downloadsInFlight() == 1 && Files.exists(partial));

                run.stop();

                // the stop failed the download, which the file write was waiting on, and its connection
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .untilAsserted(() -> {
                            assertThat(FileDropRun.files(run.output())).isEmpty();
                            assertThat(emulator.downloadsInFlight()).isZero();
                            assertThat(FileDropRun.files(records))
                                    .as("the paid video's URL, kept")
                                    .singleElement()
                                    .asString()
                                    .endsWith(".url");
                        });
                assertThat(FileDropRun.files(run.input())).containsExactly("glacier.txt");
                assertThat(FileDropRun.files(run.input().resolve(FileDropRoutes.DONE_DIR)))
                        .isEmpty();
                assertThat(FileDropRun.files(run.input().resolve(FileDropRoutes.ERROR_DIR)))
                        .isEmpty();
                assertThat(emulator.generationCount()).isEqualTo(1);
                assertThat(Files.readString(
                                records.resolve(FileDropRun.files(records).get(0))))
                        .startsWith(emulator.baseUrl() + "/videos/");
            }

            try (FileDropRun next = FileDropRun.start(emulator, dir, Map.of())) {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .untilAsserted(() -> {
                            assertThat(FileDropRun.files(next.input().resolve(FileDropRoutes.DONE_DIR)))
                                    .containsExactly("glacier.txt");
                            assertThat(next.inFlight()).isZero();
                        });
                assertThat(FileDropRun.files(next.output())).containsExactly("glacier.mp4", "index.html");
                assertThat(Files.size(next.output().resolve("glacier.mp4"))).isEqualTo(emulator.videoSize());
                assertThat(emulator.generationCount())
                        .as("downloaded from its kept URL on the next run, not generated again")
                        .isEqualTo(1);
                assertThat(FileDropRun.files(records))
                        .as("the record, once its video is written")
                        .isEmpty();
            }
        }
    }
}
