package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
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

/** A video far larger than the sample, for tests of how much memory a client's download takes. */
class LargeVideoTest {

    private static final long SIZE = 50L * 1024 * 1024;

    // started once for the class, reset before each test, closed after the last
    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().videoSize(SIZE).build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());

    /** How the sample is padded is PaddedVideoTest's; here every byte of it goes over HTTP and stays playable. */
    @Test
    void aLargeVideoIsServedByteForByteAndStaysPlayable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.mp4");

        HttpResponse<Path> response = client.downloadTo(generatedUrl(), file);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
        assertThat(Files.size(file)).isEqualTo(SIZE);
        assertThat(firstDifferingChunk(file, new PaddedVideo(SampleVideo.BYTES, SIZE)))
                .as("offset of the first chunk that differs from the padded sample")
                .isEqualTo(-1);
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

    private static long firstDifferingChunk(Path file, PaddedVideo expected) throws IOException {
        int chunk = 1024 * 1024;
        try (InputStream in = Files.newInputStream(file)) {
            for (long offset = 0; offset < expected.size(); offset += chunk) {
                int length = (int) Math.min(chunk, expected.size() - offset);
                if (!Arrays.equals(
                        in.readNBytes(length), expected.slice(offset, length).getBytes())) {
                    return offset;
                }
            }
        }
        return -1;
    }
}
