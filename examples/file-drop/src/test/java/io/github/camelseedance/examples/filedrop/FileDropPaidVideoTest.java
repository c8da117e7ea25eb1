package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelseedance.emulator.RecordedDownload;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.LoggingLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A video paid for but not written is downloaded, not generated again, the next time its request is dropped. */
class FileDropPaidVideoTest {

    private static final String KITE = "A kite torn loose in a gale";
    private static final int DOWNLOAD_ATTEMPTS = 2;

    @TempDir
    Path dir;

    private SeedanceEmulator emulator;
    private FileDropRun run;
    private final List<String> errorLines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startApplication() {
        // the fixed clip, so that a whole video is one known size
        emulator = SeedanceEmulator.builder().fixedClip().build().start();
        run = FileDropRun.start(
                emulator,
                dir,
                Map.of(
                        "camel.component.seedance.download-attempts",
                        String.valueOf(DOWNLOAD_ATTEMPTS),
                        "camel.component.seedance.retry-delay",
                        "10"));
        run.camelContext().getCamelContextExtension().addLogListener((exchange, logger, message) -> {
            if (logger.getLevel() == LoggingLevel.ERROR) {
                errorLines.add(message);
            }
            return message;
        });
    }

    @AfterEach
    void stopApplication() {
        if (run != null) {
            run.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aVideoWhoseDownloadKeepsBreakingKeepsItsUrlAndIsDownloadedWithoutANewGenerationNextTime() throws Exception {
        String url = failToDownload("kite.txt", KITE);

        assertThat(errorLines)
                .singleElement()
                .asString()
                .startsWith("kite.txt failed, moved to .error: ")
                .contains("the video was paid for and its URL is kept in .paid/")
                .doesNotContain(url);
        assertThat(FileDropRun.files(run.output()))
                .as("neither a video nor its temp file, only the page")
                .containsExactly("index.html");
        assertThat(GalleryPage.read(run.output()).card("kite.txt").failure())
                .contains("the video was paid for and its URL is kept in .paid/");

        FileDropRun.drop(run.input(), "kite.txt", KITE);
        awaitSettled("kite.txt", FileDropRoutes.DONE_DIR);

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(1);
        assertThat(emulator.downloads())
                .as("the kept URL fetched once more")
                .hasSize(DOWNLOAD_ATTEMPTS + 1)
                .last()
                .extracting(RecordedDownload::status)
                .isEqualTo(200);
        assertThat(FileDropRun.files(run.output())).containsExactly("index.html", "kite.mp4");
        assertMp4(run.output().resolve("kite.mp4"));
        assertThat(records()).as("the record, once its video is written").isEmpty();
        GalleryPage.Card card = GalleryPage.read(run.output()).card("kite.txt");
        assertThat(card.video())
                .as("the video downloaded from its kept URL, in place of the failure")
                .isEqualTo("./kite.mp4");
        assertThat(card.prompt()).isEqualTo(KITE);
    }

    @Test
    void anEditedPromptIsGeneratedAnewAndTheEarlierRecordStays() throws Exception {
        failToDownload("kite.txt", KITE);
        List<String> kept = records();

        FileDropRun.drop(run.input(), "kite.txt", KITE + ", at dusk");
        awaitSettled("kite.txt", FileDropRoutes.DONE_DIR);

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(2);
        assertThat(emulator.generationRequests().get(1).json().get("prompt").asText())
                .isEqualTo(KITE + ", at dusk");
        assertThat(FileDropRun.files(run.output())).containsExactly("index.html", "kite.mp4");
        assertThat(records())
                .as("the first request's video is still to be fetched")
                .isEqualTo(kept);
    }

    @Test
    void aKeptUrlThatNoLongerAnswersIsDroppedAndTheVideoGeneratedAnew() throws Exception {
        failToDownload("kite.txt", KITE);
        Path record = run.input().resolve(PaidVideos.DIR).resolve(records().get(0));
        Files.writeString(record, emulator.baseUrl() + "/videos/unknown.mp4\n");

        FileDropRun.drop(run.input(), "kite.txt", KITE);
        awaitSettled("kite.txt", FileDropRoutes.DONE_DIR);

        assertThat(emulator.downloads())
                .as("the kept URL was asked for and refused")
                .anySatisfy(download -> {
                    assertThat(download.path()).isEqualTo("/videos/unknown.mp4");
                    assertThat(download.status()).isEqualTo(404);
                });
        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(2);
        assertThat(FileDropRun.files(run.output())).containsExactly("index.html", "kite.mp4");
        assertMp4(run.output().resolve("kite.mp4"));
        assertThat(records()).isEmpty();
        assertThat(errorLines).hasSize(1);
    }

    @Test
    void aKeptUrlWhoseDownloadBreaksAgainKeepsItsRecordAndSendsNoGeneration() throws Exception {
        failToDownload("kite.txt", KITE);
        List<String> kept = records();

        emulator.breakNextDownloads(DOWNLOAD_ATTEMPTS);
        FileDropRun.drop(run.input(), "kite.txt", KITE);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(errorLines).hasSize(2);
                    assertThat(FileDropRun.inputs(run.input())).isEmpty();
                    assertThat(run.inFlight()).isZero();
                });

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(1);
        assertThat(emulator.downloads()).hasSize(2 * DOWNLOAD_ATTEMPTS);
        assertThat(FileDropRun.files(run.input().resolve(FileDropRoutes.ERROR_DIR)))
                .containsExactly("kite.txt");
        assertThat(FileDropRun.files(run.output())).containsExactly("index.html");
        assertThat(records()).isEqualTo(kept);
        assertThat(errorLines.get(1))
                .startsWith("kite.txt failed, moved to .error: ")
                .contains("its URL is kept in .paid/" + kept.get(0));
    }

    /** Drops an input whose every download attempt breaks; returns the URL kept for it. */
    private String failToDownload(String name, String prompt) throws Exception {
        emulator.breakNextDownloads(DOWNLOAD_ATTEMPTS);
        FileDropRun.drop(run.input(), name, prompt);
        awaitSettled(name, FileDropRoutes.ERROR_DIR);

        assertThat(emulator.generationCount()).as("POSTs").isEqualTo(1);
        assertThat(emulator.downloads()).as("every attempt broke").hasSize(DOWNLOAD_ATTEMPTS);
        assertThat(records()).hasSize(1);
        String url = Files.readString(
                        run.input().resolve(PaidVideos.DIR).resolve(records().get(0)))
                .strip();
        assertThat(url).startsWith(emulator.baseUrl() + "/videos/").endsWith(".mp4");
        return url;
    }

    private void awaitSettled(String name, String folder) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(FileDropRun.inputs(run.input())).isEmpty();
                    assertThat(FileDropRun.files(run.input().resolve(folder))).contains(name);
                    assertThat(run.inFlight()).isZero();
                });
    }

    /** The records in .paid, by file name. */
    private List<String> records() throws IOException {
        return FileDropRun.files(run.input().resolve(PaidVideos.DIR)).stream()
                .filter(name -> name.endsWith(".url"))
                .toList();
    }

    private void assertMp4(Path video) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(video)) {
            assertThat(in.readNBytes(head, 0, 8)).isEqualTo(8);
        }
        assertThat(new String(head, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(Files.size(video)).as("the whole video").isEqualTo(emulator.videoSize());
    }
}
