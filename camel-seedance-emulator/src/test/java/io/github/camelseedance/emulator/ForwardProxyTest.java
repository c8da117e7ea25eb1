package io.github.camelseedance.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The forward proxy between the JDK client and the emulator: it forwards plain HTTP, tunnels HTTPS, asks for Basic
 * credentials, and connects to loopback only. Every test stays on loopback: targets off it are refused unconnected.
 */
class ForwardProxyTest {

    private static final byte[] SAMPLE = SampleVideo.BYTES;
    private static final String USER = "proxy-user";
    private static final String PASSWORD = "proxy-secret-42";
    private static final String AUTHORIZATION = basic(USER, PASSWORD);

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().fixedClip().build();

    @RegisterExtension
    static final SeedanceEmulatorExtension SECURE =
            SeedanceEmulatorExtension.builder().tls().fixedClip().build();

    private final SeedanceEmulator emulator = SEEDANCE.emulator();
    private ForwardProxy proxy;
    private TestClient client;

    @BeforeEach
    void startProxy() {
        proxy = ForwardProxy.builder().credentials(USER, PASSWORD).build().start();
        client = through(proxy, emulator, TestClient.httpClient());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void forwardsAGenerationAndItsDownload() throws Exception {
        HttpResponse<String> generated = client.send(authorized(client.generation(VALID_BODY)));
        String url = json(generated).at("/data/0/url").asText();

        HttpResponse<byte[]> download =
                client.http().send(authorized(get(url)), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(generated.statusCode()).isEqualTo(200);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(SAMPLE);
        assertThat(proxy.requests())
                .containsExactly("POST " + emulator.baseUrl() + "/v1/videos/generations", "GET " + url);
        assertThat(proxy.contactedTargets()).containsOnly("127.0.0.1:" + emulator.port());
        assertThat(emulator.generationCount()).isEqualTo(1);
        assertThat(emulator.downloads())
                .singleElement()
                .extracting(RecordedDownload::status)
                .isEqualTo(200);
    }

    @Test
    void theTargetGetsTheRequestWithoutTheProxyCredentials() {
        client.send(authorized(client.generation(VALID_BODY)));

        RecordedRequest recorded = emulator.generationRequests().get(0);
        assertThat(recorded.header("Proxy-Authorization")).isNull();
        assertThat(recorded.header("Authorization")).isEqualTo("Bearer " + emulator.apiKey());
        assertThat(recorded.header("Host")).isEqualTo("127.0.0.1:" + emulator.port());
        assertThat(recorded.body()).isEqualTo(VALID_BODY);
        assertThat(recorded.violations()).isEmpty();
    }

    @Test
    void relaysTheTargetsStatusHeadersAndBody() {
        emulator.enqueue(EmulatorResponse.error(429, "Slow down", "rate_limit_error", null, "rate_limit_exceeded")
                .withHeader("Retry-After", "7"));

        HttpResponse<String> response = client.send(authorized(client.generation(VALID_BODY)));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Slow down");
    }

    @Test
    void aConnectionDroppedByTheTargetIsDroppedForTheClientToo() {
        emulator.enqueue(EmulatorResponse.dropConnection());

        assertThatThrownBy(() -> client.send(authorized(client.generation(VALID_BODY))))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(emulator.generationRequests())
                .singleElement()
                .extracting(RecordedRequest::status)
                .isEqualTo(-1);
    }

    @Test
    void anAnswerCutShortByTheTargetStaysCutShort() throws Exception {
        String body = "{\"data\":[{\"url\":\"http://";
        emulator.enqueue(EmulatorResponse.truncated(200, "application/json", body));

        TestClient.Received received = client.receive(authorized(client.generation(VALID_BODY)));

        assertThat(received.status()).isEqualTo(200);
        // a truncated answer promises 100 bytes more than it sends
        assertThat(received.contentLength()).isEqualTo(body.length() + 100);
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(received.failure()).isNotNull();
    }

    @Test
    void concurrentRequestsReachTheTargetAtOnce() {
        int concurrent = 12;
        emulator.setLatency(Duration.ofSeconds(1));
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            responses.add(client.http()
                    .sendAsync(authorized(client.generation(VALID_BODY)), HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(emulator.maxConcurrentGenerations()).isEqualTo(concurrent);
    }

    @Test
    void aClientThatGivesUpLeavesTheTargetToo() {
        emulator.setLatency(Duration.ofSeconds(30));
        HttpRequest impatient = client.generation(VALID_BODY)
                .timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + emulator.apiKey())
                .header("Proxy-Authorization", AUTHORIZATION)
                .build();

        assertThatThrownBy(() -> client.http().send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(emulator.generationCount())
                .as("the request reached the emulator")
                .isEqualTo(1);
        // the emulator counts a generation in flight until its answer goes out or its connection closes
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.generationsInFlight() == 0);
    }

    @Test
    void aRequestWithoutCredentialsGets407AndGoesNowhere() {
        HttpResponse<String> response = client.send(client.generation(VALID_BODY)
                .header("Authorization", "Bearer " + emulator.apiKey())
                .build());

        assertThat(response.statusCode()).isEqualTo(407);
        assertThat(response.headers().firstValue("Proxy-Authenticate")).hasValue("Basic realm=\"emulator-proxy\"");
        assertThat(proxy.authenticationRefusals()).isEqualTo(1);
        assertThat(proxy.requests()).containsExactly("POST " + emulator.baseUrl() + "/v1/videos/generations");
        assertThat(proxy.contactedTargets()).isEmpty();
        assertThat(emulator.generationCount()).isZero();
    }

    @Test
    void aWrongPasswordGets407() {
        HttpResponse<String> response = client.send(client.generation(VALID_BODY)
                .header("Proxy-Authorization", basic(USER, "wrong"))
                .build());

        assertThat(response.statusCode()).isEqualTo(407);
        assertThat(proxy.authenticationRefusals()).isEqualTo(1);
        assertThat(emulator.generationCount()).isZero();
    }

    @ParameterizedTest
    // targets that lead nowhere even if the refusal broke (a name that never resolves, this host's own address): which
    // hosts count as loopback, private and public literals among them, is LoopbackAddressesTest's, without connecting
    @ValueSource(strings = {"http://video.invalid/x.mp4", "http://127.0.0.1.invalid/", "http://0.0.0.0:9/"})
    void aTargetOffLoopbackGets403WithoutAConnection(String url) {
        HttpResponse<String> response = client.send(authorized(get(url)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(proxy.targetRefusals()).isEqualTo(1);
        assertThat(proxy.requests()).containsExactly("GET " + url);
        assertThat(proxy.contactedTargets()).isEmpty();
    }

    @Test
    void aTargetThatDoesNotListenGets502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        HttpResponse<String> response = client.send(authorized(get("http://127.0.0.1:" + closedPort + "/")));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(proxy.contactedTargets()).containsExactly("127.0.0.1:" + closedPort);
    }

    @Test
    void localhostIsALoopbackTarget() {
        TestClient byName = through(
                proxy,
                emulator.baseUrl().replace("127.0.0.1", "localhost"),
                emulator.apiKey(),
                TestClient.httpClient());

        HttpResponse<String> response = byName.send(authorized(byName.generation(VALID_BODY)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(proxy.contactedTargets()).containsExactly("localhost:" + emulator.port());
    }

    @Test
    void tunnelsHttpsToTheTlsEmulator() throws Exception {
        SeedanceEmulator secure = SECURE.emulator();
        try (ForwardProxy open = ForwardProxy.builder().build().start()) {
            TestClient tunnelled =
                    through(open, secure, TestClient.httpClient().sslContext(EmulatorTls.trustingSslContext()));

            HttpResponse<String> generated = tunnelled.generate(VALID_BODY);
            String url = json(generated).at("/data/0/url").asText();
            HttpResponse<byte[]> download = tunnelled.download(url, null);

            assertThat(generated.statusCode()).isEqualTo(200);
            assertThat(url).startsWith("https://127.0.0.1:" + secure.port());
            assertThat(download.body()).isEqualTo(SAMPLE);
            assertThat(open.requests()).isNotEmpty().containsOnly("CONNECT 127.0.0.1:" + secure.port());
            assertThat(secure.generationCount()).isEqualTo(1);
        }
    }

    @Test
    void aTunnelOffLoopbackGets403WithoutAConnection() {
        try (ForwardProxy open = ForwardProxy.builder().build().start()) {
            HttpClient http = TestClient.httpClient()
                    .proxy(ProxySelector.of(open.address()))
                    .build();

            assertThatThrownBy(() ->
                            http.send(get("https://video.invalid/").build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);

            assertThat(open.requests()).containsExactly("CONNECT video.invalid:443");
            assertThat(open.targetRefusals()).isEqualTo(1);
            assertThat(open.contactedTargets()).isEmpty();
        }
    }

    @Test
    void aTunnelWithoutCredentialsGets407() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setSoTimeout(10_000);
            String head = connect(socket, "127.0.0.1:" + SECURE.port(), null);

            assertThat(head).startsWith("HTTP/1.1 407 ").contains("Basic realm=\"emulator-proxy\"");
        }
        assertThat(proxy.authenticationRefusals()).isEqualTo(1);
        assertThat(proxy.contactedTargets()).isEmpty();
    }

    @Test
    void aTunnelWithCredentialsCarriesTlsToTheEmulator() throws Exception {
        int port = SECURE.port();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setSoTimeout(10_000);
            assertThat(connect(socket, "127.0.0.1:" + port, AUTHORIZATION)).startsWith("HTTP/1.1 200 ");

            try (SSLSocket tls = (SSLSocket) EmulatorTls.trustingSslContext()
                    .getSocketFactory()
                    .createSocket(socket, "127.0.0.1", port, false)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                String head = exchange(
                        tls,
                        "GET /videos/never-issued.mp4 HTTP/1.1\r\nHost: 127.0.0.1:" + port
                                + "\r\nConnection: close\r\n\r\n");

                assertThat(tls.getSession().getPeerCertificates()[0]).isEqualTo(EmulatorTls.certificate());
                assertThat(head).startsWith("HTTP/1.1 404 ");
            }
        }
        assertThat(proxy.requests()).containsExactly("CONNECT 127.0.0.1:" + port);
        assertThat(proxy.contactedTargets()).containsExactly("127.0.0.1:" + port);
    }

    @Test
    void aRequestForTheProxyItselfGets400() {
        try (ForwardProxy open = ForwardProxy.builder().build().start()) {
            HttpResponse<String> response =
                    new TestClient("http://127.0.0.1:" + open.port(), "unused").get("/v1/videos/generations");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(open.contactedTargets()).isEmpty();
        }
    }

    @Test
    void listensOnAFreeLoopbackPortAndStartsOnce() {
        assertThat(proxy.isRunning()).isTrue();
        assertThat(proxy.port()).isPositive();
        assertThat(proxy.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(proxy.requiresCredentials()).isTrue();
        assertThatThrownBy(proxy::start).isInstanceOf(IllegalStateException.class);

        proxy.close();
        proxy.close();

        assertThat(proxy.isRunning()).isFalse();
        assertThatThrownBy(proxy::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resetForgetsTheRecords() {
        client.send(client.generation(VALID_BODY).build());
        client.send(authorized(get("http://video.invalid/")));

        proxy.reset();

        assertThat(proxy.requests()).isEmpty();
        assertThat(proxy.authenticationRefusals()).isZero();
        assertThat(proxy.targetRefusals()).isZero();
    }

    @Test
    void thePasswordIsNeverShown() {
        assertThat(proxy.toString())
                .contains("127.0.0.1:" + proxy.port())
                .doesNotContain(PASSWORD)
                .doesNotContain(AUTHORIZATION.substring("Basic ".length()));
    }

    @Test
    void credentialsAreChecked() {
        ForwardProxy.Builder builder = ForwardProxy.builder();

        assertThatThrownBy(() -> builder.credentials(" ", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.credentials("a:b", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.credentials("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ForwardProxy.builder().build().port()).isInstanceOf(IllegalStateException.class);
    }

    private static TestClient through(ForwardProxy proxy, SeedanceEmulator target, HttpClient.Builder http) {
        return through(proxy, target.baseUrl(), target.apiKey(), http);
    }

    private static TestClient through(ForwardProxy proxy, String baseUrl, String apiKey, HttpClient.Builder http) {
        return new TestClient(
                baseUrl, apiKey, http.proxy(ProxySelector.of(proxy.address())).build());
    }

    // the JDK client sends Basic proxy credentials for http:// targets only when the request carries them itself
    private HttpRequest authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + emulator.apiKey())
                .header("Proxy-Authorization", AUTHORIZATION)
                .build();
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // a raw CONNECT, as a client with Basic tunnelling credentials sends it; returns the answer's head
    private static String connect(Socket socket, String authority, String proxyAuthorization) throws IOException {
        String request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n"
                + (proxyAuthorization == null ? "" : "Proxy-Authorization: " + proxyAuthorization + "\r\n") + "\r\n";
        return exchange(socket, request);
    }

    private static String exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readHead(socket.getInputStream());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
