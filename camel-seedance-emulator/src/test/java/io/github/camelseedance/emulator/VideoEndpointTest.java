package io.github.camelseedance.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /videos/{id}: the issued videos as a client downloads them, and what each download records. */
class VideoEndpointTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().apiKey("test-key").build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = new TestClient(emulator.baseUrl(), "test-key");

    private String generatedUrl() {
        return json(client.generate(VALID_BODY)).at("/data/0/url").asText();
    }

    @Test
    void aDownloadServesTheMp4AndRecordsThatNoCredentialsWereSent() throws Exception {
        String url = generatedUrl();

        HttpResponse<byte[]> video = client.download(url, null);

        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(video.headers().firstValueAsLong("Content-Length")).hasValue(video.body().length);
        assertThat(new String(video.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(emulator.downloads()).singleElement().satisfies(download -> {
            assertThat(download.path())
                    .isEqualTo(url.substring(emulator.baseUrl().length()));
            assertThat(download.authorization()).isNull();
            assertThat(download.status()).isEqualTo(200);
        });
    }

    /** Some CDNs send no length: a client must then bound the video itself. */
    @Test
    void videosCanBeSentChunkedWithoutALength() throws Exception {
        String url = generatedUrl();
        byte[] withLength = client.download(url, null).body();
        emulator.setVideoLengthSent(false);

        HttpResponse<byte[]> video = client.download(url, null);

        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Length")).isEmpty();
        assertThat(video.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(video.body()).isEqualTo(withLength);
    }

    @Test
    void aDownloadWithAuthorizationIsRecordedSoTestsCanCatchLeakedCredentials() throws Exception {
        client.download(generatedUrl(), "Bearer test-key");

        assertThat(emulator.downloads())
                .singleElement()
                .extracting(RecordedDownload::authorization)
                .isEqualTo("Bearer test-key");
        assertThat(emulator.downloads().get(0).toString()).doesNotContain("test-key");
    }

    @Test
    void anUnknownVideoIdIsAnswered404() throws Exception {
        HttpResponse<byte[]> response = client.download(emulator.baseUrl() + "/videos/never-issued.mp4", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"error\"");
        assertThat(emulator.downloads())
                .singleElement()
                .extracting(RecordedDownload::status)
                .isEqualTo(404);
    }
}
