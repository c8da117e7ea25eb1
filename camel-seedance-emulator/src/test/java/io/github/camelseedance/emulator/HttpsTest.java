package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An emulator started with {@code tls()}: a client trusting the shipped store gets through, one with the JDK's default trust cannot. */
class HttpsTest {

    private static final byte[] SAMPLE = SampleVideo.BYTES;

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().tls().fixedClip().build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private final TestClient client = TestClient.trusting(emulator);

    @Test
    void baseUrlAndVideoUrlsUseHttps() {
        HttpResponse<String> response = client.generate(VALID_BODY);

        assertThat(emulator.isTls()).isTrue();
        assertThat(emulator.baseUrl()).isEqualTo("https://127.0.0.1:" + emulator.port());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/0/url").asText())
                .startsWith("https://127.0.0.1:" + emulator.port() + "/videos/");
    }

    @Test
    void generationAndDownloadWorkForAClientTrustingTheStore() throws Exception {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();

        HttpResponse<byte[]> download = client.download(url, null);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(SAMPLE);
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(200);
        assertThat(emulator.violations()).isEmpty();
    }

    @Test
    void aClientWithTheDefaultTrustFailsTheHandshake() {
        TestClient untrusting = new TestClient(emulator.baseUrl(), emulator.apiKey());

        assertThatThrownBy(() -> untrusting.generate(VALID_BODY))
                .satisfies(e -> assertThat(causeChain(e)).hasAtLeastOneElementOfType(SSLHandshakeException.class));
        assertThat(emulator.generationCount()).isZero();
    }

    @Test
    void aPlainHttpClientGetsNoAnswer() {
        TestClient plain = new TestClient(emulator.baseUrl().replace("https://", "http://"), emulator.apiKey());

        assertThatThrownBy(() -> plain.generate(VALID_BODY)).isInstanceOf(UncheckedIOException.class);
        assertThat(emulator.generationCount()).isZero();
    }

    @Test
    void theCertificateIsValidForTheLocalhostName() throws Exception {
        TestClient byName = new TestClient(
                emulator.baseUrl().replace("127.0.0.1", "localhost"),
                emulator.apiKey(),
                TestClient.httpClient()
                        .sslContext(EmulatorTls.trustingSslContext())
                        .build());

        assertThat(byName.generate(VALID_BODY).statusCode()).isEqualTo(200);
    }

    @Test
    void aBrokenDownloadBreaksOverTlsToo() {
        String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();
        emulator.breakNextDownloads(1);

        assertThatThrownBy(() -> client.download(url, null)).isInstanceOf(IOException.class);
    }

    @Test
    void plainEmulatorsStayOnHttp() {
        try (SeedanceEmulator plain = SeedanceEmulator.builder().build().start()) {
            assertThat(plain.isTls()).isFalse();
            assertThat(plain.baseUrl()).startsWith("http://");
        }
    }

    private static List<Throwable> causeChain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
