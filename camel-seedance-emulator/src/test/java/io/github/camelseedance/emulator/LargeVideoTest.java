package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A video far larger than the sample, for tests of how much memory a client's download takes. */
class LargeVideoTest {

    private static final long SIZE = 50L * 1024 * 1024;
    private static final byte[] SAMPLE = VideoLibrary.load();

    // started once for the class, reset before each test, closed after the last
    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().videoSize(SIZE).build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());

    @Test
    void largeVideoIsTheSampleFollowedByAFreeBoxAndStaysPlayable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.mp4");

        HttpResponse<Path> response = client.downloadTo(generatedUrl(), file);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
        assertThat(Files.size(file)).isEqualTo(SIZE);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE.length + 8);
        }
        assertThat(Arrays.copyOf(head, SAMPLE.length)).isEqualTo(SAMPLE);
        assertThat(ByteBuffer.wrap(head, SAMPLE.length, 4).getInt()).isEqualTo(SIZE - SAMPLE.length);
        assertThat(new String(head, SAMPLE.length + 4, 4, StandardCharsets.US_ASCII))
                .isEqualTo("free");
        assertThat(lastBytes(file, 4096)).containsOnly(0);
        assertThat(emulator.downloads())
                .singleElement()
                .extracting(RecordedDownload::status)
                .isEqualTo(200);
        assertThat(emulator.videoSize()).isEqualTo(SIZE);

        // only the codec check needs ffmpeg: skipped where it is missing, but on CI a missing ffprobe fails
        if (Ffprobe.available()) {
            Ffprobe.Result probe = Ffprobe.codecs(file);
            assertThat(probe.exitCode())
                    .as("ffprobe output: %s", probe.output())
                    .isZero();
            assertThat(probe.output().strip()).isEqualTo("h264");
        }
    }

    @Test
    void headReportsTheLargeSize() throws Exception {
        HttpResponse<Void> head = client.head(generatedUrl());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
    }

    @Test
    void concurrentLargeDownloadsAreEachComplete() {
        String url = generatedUrl();

        // read one after another while all four are open: the waiting ones exercise the emulator's back-pressure
        List<CompletableFuture<HttpResponse<InputStream>>> downloads = IntStream.range(0, 4)
                .mapToObj(
                        i -> client.http().sendAsync(client.getRequest(url), HttpResponse.BodyHandlers.ofInputStream()))
                .toList();

        assertThat(downloads)
                .allSatisfy(download -> assertThat(countBytes(download.join())).isEqualTo(SIZE));
    }

    @Test
    void brokenLargeDownloadStopsHalfway() throws Exception {
        String url = generatedUrl();
        emulator.breakNextDownloads(1);

        HttpResponse<InputStream> broken =
                client.http().send(client.getRequest(url), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(broken.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
        assertThat(countBytes(broken)).isLessThanOrEqualTo(SIZE / 2);
    }

    @Test
    void videoSizeDefaultsToTheSampleAndRejectsSizesThatCannotBePadded() {
        assertThat(SeedanceEmulator.builder().build().videoSize()).isEqualTo(SAMPLE.length);
        assertThat(SeedanceEmulator.builder()
                        .videoSize(SAMPLE.length + 8)
                        .build()
                        .videoSize())
                .isEqualTo(SAMPLE.length + 8);
        assertThatThrownBy(() -> SeedanceEmulator.builder().videoSize(SAMPLE.length - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least");
        assertThatThrownBy(() -> SeedanceEmulator.builder().videoSize(SAMPLE.length + 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("free box");
    }

    private String generatedUrl() {
        return json(client.generate(VALID_BODY)).at("/data/0/url").asText();
    }

    // reads and counts the body, keeping none of it; a body cut short ends the count where it broke
    private static long countBytes(HttpResponse<InputStream> response) {
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                count += read;
            }
        } catch (IOException e) {
            return count;
        }
        return count;
    }

    private static byte[] lastBytes(Path file, int length) throws Exception {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] tail = new byte[length];
            in.seek(in.length() - length);
            in.readFully(tail);
            return tail;
        }
    }
}
