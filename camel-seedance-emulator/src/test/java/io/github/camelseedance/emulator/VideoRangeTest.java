package io.github.camelseedance.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Video downloads answer byte ranges (206), or ignore them when told to, and can break at a chosen byte once. */
class VideoRangeTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().apiKey("test-key").build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), "test-key");
    private final HttpClient http = HttpClient.newHttpClient();

    private String generatedUrl() {
        return json(client.generate(VALID_BODY)).at("/data/0/url").asText();
    }

    private HttpResponse<byte[]> get(String url, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aRangeFromAByteIsAnswered206WithItsContentRangeAndExactlyThoseBytes() throws Exception {
        String url = generatedUrl();
        byte[] whole = get(url, null).body();

        HttpResponse<byte[]> rest = get(url, "bytes=1000-");

        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("Content-Range"))
                .hasValue("bytes 1000-" + (whole.length - 1) + "/" + whole.length);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(whole, 1000, whole.length));
        assertThat(get(url, "bytes=10-19").body()).isEqualTo(Arrays.copyOfRange(whole, 10, 20));
        assertThat(get(url, "bytes=-16").body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 16, whole.length));
    }

    @Test
    void aRangeBeyondTheVideoIsAnswered416WithTheSize() throws Exception {
        String url = generatedUrl();
        long size = get(url, null).body().length;

        HttpResponse<byte[]> beyond = get(url, "bytes=" + size + "-");

        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + size);
    }

    @Test
    void withRangesOffARangeIsIgnoredAndTheWholeVideoSent() throws Exception {
        String url = generatedUrl();
        byte[] whole = get(url, null).body();
        emulator.setRangesSupported(false);

        HttpResponse<byte[]> answer = get(url, "bytes=1000-");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Accept-Ranges")).hasValue("none");
        assertThat(answer.body()).isEqualTo(whole);
    }

    /** What a resuming client does: read to the break, then ask for the rest; the two parts are the video. */
    @Test
    void aDownloadBrokenAtAChosenByteResumesIntoTheSameBytes() throws Exception {
        String url = generatedUrl();
        byte[] whole = get(url, null).body();
        emulator.breakNextDownloadAt(5000);

        byte[] first = readUntilBroken(url);
        byte[] rest = get(url, "bytes=" + first.length + "-").body();

        assertThat(first).hasSize(5000);
        byte[] joined = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, joined, first.length, rest.length);
        assertThat(joined).isEqualTo(whole);
        assertThat(get(url, null).body()).as("the break was used up").isEqualTo(whole);
    }

    private byte[] readUntilBroken(String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                read.write(buffer, 0, n);
            }
        } catch (IOException broken) {
            // the connection closed short of the Content-Length: what was read is the part to resume after
        }
        return read.toByteArray();
    }
}
