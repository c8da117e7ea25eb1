package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.github.camelseedance.emulator.EmulatorResponse;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP side of the component that the emulator alone cannot show: redirects of the video host, a video stream
 * closed before its end, a host that never accepts the connection, and the thread the route goes on from.
 */
class SeedanceTransportTest extends SeedanceTestSupport {

    /** A second loopback server standing in for a CDN; answers as each test sets it up. */
    private HttpServer cdn;

    private final List<String> cdnAuthorizations = new CopyOnWriteArrayList<>();
    private volatile String routeThread;
    private final List<String> heldThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:url")
                        .to("seedance:generate")
                        .process(e -> routeThread = Thread.currentThread().getName());
                from("direct:download").to("seedance:generate?download=true");
                from("direct:held").to("seedance:generate").process(e -> {
                    heldThreads.add(Thread.currentThread().getName());
                    gate.await(60, TimeUnit.SECONDS);
                });
            }
        };
    }

    @BeforeEach
    void startCdn() throws IOException {
        cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cdn.start();
    }

    @AfterEach
    void stopCdn() {
        cdn.stop(0);
    }

    private String cdnUrl(String path) {
        return "http://127.0.0.1:" + cdn.getAddress().getPort() + path;
    }

    /** The API answers with a video at {@code url}, as the provider would for a video kept on a CDN. */
    private static void answerWithVideoAt(String url) {
        SEEDANCE.enqueue(EmulatorResponse.json(200, "{\"created\":1700000000,\"data\":[{\"url\":\"" + url + "\"}]}"));
    }

    /**
     * Endpoints made from URIs that differ in request options or timeouts (as {@code toD} makes them) share the
     * component's one HTTP client; one with another proxy setting gets its own. An endpoint that stops leaves the
     * shared client to the others.
     */
    @Test
    void endpointsShareOneHttpClientPerTlsAndProxySetting() throws Exception {
        SeedanceEndpoint first = context.getEndpoint("seedance:generate?seconds=5", SeedanceEndpoint.class);
        SeedanceEndpoint second =
                context.getEndpoint("seedance:generate?seconds=10&connectTimeout=5s", SeedanceEndpoint.class);
        SeedanceEndpoint slower = context.getEndpoint("seedance:generate?requestTimeout=20m", SeedanceEndpoint.class);
        SeedanceEndpoint proxied =
                context.getEndpoint("seedance:generate?proxyHost=127.0.0.1&proxyPort=3128", SeedanceEndpoint.class);

        assertThat(first.getHttpClient())
                .isNotNull()
                .isSameAs(second.getHttpClient())
                .isSameAs(slower.getHttpClient());
        assertThat(proxied.getHttpClient()).isNotNull().isNotSameAs(first.getHttpClient());

        first.stop();
        assertThat(template.requestBody(second, "A heron in reeds", String.class))
                .startsWith(SEEDANCE.baseUrl());
        assertThat(SEEDANCE.generationRequests())
                .last()
                .satisfies(request ->
                        assertThat(request.json().get("seconds").asInt()).isEqualTo(10));
    }

    @Test
    void routeGoesOnFromTheResponsePoolNotTheIoThread() {
        String url = template.requestBody("direct:url", "A heron in reeds", String.class);

        assertThat(url).startsWith(SEEDANCE.baseUrl());
        assertThat(routeThread).contains("SeedanceResponse");
    }

    /** An Expect: 100-continue would hold each POST back until the server answers 100; the body goes at once. */
    @Test
    void postsDoNotWaitForAHundredContinue() {
        template.requestBody("direct:url", "A heron in reeds", String.class);

        assertThat(SEEDANCE.generationRequests())
                .last()
                .satisfies(request -> assertThat(request.header("Expect")).isNull());
    }

    /**
     * With every thread of the response pool held by a slow step, further answers wait in its queue: none may run on
     * the I/O thread, where a step reading a video stream would wait for itself.
     */
    @Test
    void answersWaitForTheResponsePoolWhenItIsBusyRatherThanRunOnTheIoThread() throws Exception {
        List<java.util.concurrent.Future<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            sent.add(template.asyncSend("direct:held", e -> e.getMessage().setBody("A heron in reeds")));
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> heldThreads.size() >= 10 && SEEDANCE.generationCount() == 14);
        gate.countDown();
        for (java.util.concurrent.Future<Exchange> exchange : sent) {
            assertThat(exchange.get(60, TimeUnit.SECONDS).getException()).isNull();
        }

        assertThat(heldThreads).hasSize(14).allSatisfy(name -> assertThat(name).contains("SeedanceResponse"));
    }

    @Test
    void downloadFollowsRedirectsWithoutCredentials() throws Exception {
        String video = template.requestBody("direct:url", "A heron in reeds", String.class);
        cdn.createContext("/moved.mp4", http -> {
            cdnAuthorizations.add(String.valueOf(http.getRequestHeaders().getFirst("Authorization")));
            http.getResponseHeaders().add("Location", "/final.mp4");
            http.sendResponseHeaders(301, -1);
            http.close();
        });
        cdn.createContext("/final.mp4", http -> {
            cdnAuthorizations.add(String.valueOf(http.getRequestHeaders().getFirst("Authorization")));
            http.getResponseHeaders().add("Location", video);
            http.sendResponseHeaders(302, -1);
            http.close();
        });
        answerWithVideoAt(cdnUrl("/moved.mp4"));

        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody("A heron"));

        assertThat(exchange.getException()).isNull();
        byte[] bytes;
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            bytes = in.readAllBytes();
        }
        assertThat((long) bytes.length).isEqualTo(SEEDANCE.emulator().videoSize());
        assertThat(cdnAuthorizations).containsExactly("null", "null");
        assertThat(SEEDANCE.downloads())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.authorization()).isNull());
    }

    @Test
    void downloadGivesUpAfterFiveRedirects() {
        AtomicLong requests = new AtomicLong();
        cdn.createContext("/loop.mp4", http -> {
            requests.incrementAndGet();
            http.getResponseHeaders().add("Location", "/loop.mp4");
            http.sendResponseHeaders(307, -1);
            http.close();
        });
        answerWithVideoAt(cdnUrl("/loop.mp4"));

        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody("A heron"));

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("/loop.mp4")
                .hasMessageContaining("redirected more than 5 times");
        assertThat(requests.get()).isEqualTo(6);
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    /**
     * Without giving the download up, the host would stay blocked writing into a connection nobody reads until the
     * requestTimeout; closing the stream closes the connection, so the host's write fails.
     */
    @Test
    void closingTheVideoStreamBeforeItsEndClosesTheConnection() throws Exception {
        CountDownLatch hostSawTheConnectionClose = new CountDownLatch(1);
        cdn.createContext("/endless.mp4", http -> {
            http.getResponseHeaders().add("Content-Type", "video/mp4");
            http.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = http.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException closedByClient) {
                hostSawTheConnectionClose.countDown();
            }
        });
        answerWithVideoAt(cdnUrl("/endless.mp4"));

        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody("A heron"));
        assertThat(exchange.getException()).isNull();
        InputStream video = exchange.getMessage().getBody(InputStream.class);
        assertThat(video.readNBytes(1024)).hasSize(1024);
        video.close();

        assertThat(hostSawTheConnectionClose.await(60, TimeUnit.SECONDS))
                .as("the host's write failed")
                .isTrue();
    }

    /**
     * A listening socket whose accept queue is full drops new connection attempts, so the connection never comes up:
     * the connectTimeout ends the attempt, and since nothing was sent it is retried.
     */
    @Test
    void connectTimeoutEndsAnAttemptThatNeverConnectsAndItIsRetried() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(full.getLocalSocketAddress(), 200);
                        queued.add(socket);
                    } catch (IOException queueFull) {
                        socket.close();
                        break;
                    }
                }
                Exchange exchange = template.request(
                        "seedance:generate?connectTimeout=300&maxRetries=1&retryDelay=10" + "&baseUrl=http://127.0.0.1:"
                                + full.getLocalPort(),
                        e -> e.getMessage().setBody("A heron"));

                assertThat(exchange.getException())
                        .isInstanceOf(SeedanceException.class)
                        .hasMessageContaining("Could not connect")
                        .hasMessageContaining("connectTimeout of 300 ms")
                        .hasMessageContaining("gave up after 2 attempts");
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }
}
