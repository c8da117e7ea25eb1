package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.ForwardProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A download goes only where the rules allow: the API's own origin (the emulator here), public addresses, and hosts
 * the options name. Every address here is on loopback: a second server on another loopback port stands in for an
 * internal service, and counts the requests that reached it.
 */
class SeedanceDownloadAddressTest extends SeedanceTestSupport {

    private static final String CDN_NAME = "cdn.example.test";
    private static final byte[] VIDEO = "not really an mp4".getBytes(StandardCharsets.US_ASCII);

    /** Maps {@value #CDN_NAME} to 127.0.0.1 without asking DNS; any other name goes to the JVM's resolver. */
    private static final DnsResolver RESOLVER = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (CDN_NAME.equals(host)) {
                return new InetAddress[] {InetAddress.getByAddress(CDN_NAME, new byte[] {127, 0, 0, 1})};
            }
            return SystemDefaultDnsResolver.INSTANCE.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };

    private HttpServer internal;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cdnResolver", RESOLVER);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:default").to("seedance:generate?download=true");
                from("direct:privateAllowed").to("seedance:generate?download=true&allowPrivateVideoAddresses=true");
                from("direct:resolved").to("seedance:generate?download=true&dnsResolver=#cdnResolver");
                from("direct:cdnAllowed")
                        .to("seedance:generate?download=true&dnsResolver=#cdnResolver&videoHostsAllowed=" + CDN_NAME);
            }
        };
    }

    @BeforeEach
    void startInternalServer() throws IOException {
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        internal.createContext("/", http -> {
            String path = http.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (path.equals("/moved.mp4")) {
                http.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/secret.mp4");
                http.sendResponseHeaders(302, -1);
            } else {
                http.getResponseHeaders().add("Content-Type", "video/mp4");
                http.sendResponseHeaders(200, VIDEO.length);
                try (OutputStream body = http.getResponseBody()) {
                    body.write(VIDEO);
                }
            }
            http.close();
        });
        internal.start();
    }

    @AfterEach
    void stopInternalServer() {
        internal.stop(0);
    }

    private int port() {
        return internal.getAddress().getPort();
    }

    private int requestsFor(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** The API answers with a video at {@code url}, as a wrong or compromised answer would. */
    private static void answerWithVideoAt(String url) {
        SEEDANCE.enqueue(EmulatorResponse.json(200, "{\"created\":1700000000,\"data\":[{\"url\":\"" + url + "\"}]}"));
    }

    private Exchange generate(String route) {
        return template.request(route, e -> e.getMessage().setBody("A heron in reeds"));
    }

    private static byte[] body(Exchange exchange) throws IOException {
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theVideoFromTheApisOwnOriginIsDownloaded() throws Exception {
        Exchange exchange = generate("direct:default");

        assertThat(exchange.getException()).isNull();
        assertThat((long) body(exchange).length)
                .isEqualTo(
                        SEEDANCE.videoSize(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
        assertThat(SEEDANCE.downloads()).hasSize(1);
    }

    @Test
    void aVideoUrlOnAnotherLoopbackPortIsRefusedAndNeverRequested() {
        String url = "http://127.0.0.1:" + port() + "/video.mp4?signature=abc";
        answerWithVideoAt(url);

        Exchange exchange = generate("direct:default");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageStartingWith("Downloading the video from http://127.0.0.1:" + port()
                        + "/video.mp4 was refused: 127.0.0.1 is a loopback address")
                .hasMessageContaining("videoHostsAllowed")
                .hasMessageNotContaining("signature");
        assertThat(requestsFor("/video.mp4"))
                .as("requests that reached the internal server")
                .isZero();
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL)).isEqualTo(url);
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void aRedirectToAnotherLoopbackPortIsRefusedAtThatHop() {
        answerWithVideoAt("http://" + CDN_NAME + ":" + port() + "/moved.mp4");

        Exchange exchange = generate("direct:cdnAllowed");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("/moved.mp4 was refused: 127.0.0.1 is a loopback address");
        assertThat(requestsFor("/moved.mp4")).as("the allowed first hop").isEqualTo(1);
        assertThat(requestsFor("/secret.mp4")).as("the refused redirect target").isZero();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedUnlessTheHostIsAllowed() throws Exception {
        String url = "http://" + CDN_NAME + ":" + port() + "/video.mp4";
        answerWithVideoAt(url);
        answerWithVideoAt(url);

        Exchange refused = generate("direct:resolved");
        Exchange allowed = generate("direct:cdnAllowed");

        assertThat(refused.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("was refused: " + CDN_NAME + " resolves to 127.0.0.1, a loopback address");
        assertThat(allowed.getException()).isNull();
        assertThat(body(allowed)).isEqualTo(VIDEO);
        assertThat(requestsFor("/video.mp4"))
                .as("requests that reached the server")
                .isEqualTo(1);
    }

    @Test
    void allowingPrivateAddressesDoesNotOpenLoopback() {
        answerWithVideoAt("http://127.0.0.1:" + port() + "/video.mp4");

        Exchange exchange = generate("direct:privateAllowed");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("127.0.0.1 is a loopback address");
        assertThat(requestsFor("/video.mp4")).isZero();
    }

    /** Endpoints with other download rules use another client, so a connection one opened is never lent to another. */
    @Test
    void aConnectionKeptOpenUnderLooserRulesIsNotReusedUnderStricterOnes() throws Exception {
        String url = "http://" + CDN_NAME + ":" + port() + "/video.mp4";
        answerWithVideoAt(url);
        answerWithVideoAt(url);

        Exchange allowed = generate("direct:cdnAllowed");
        byte[] video = body(allowed);
        Exchange refused = generate("direct:resolved");

        assertThat(video).isEqualTo(VIDEO);
        assertThat(refused.getException()).isInstanceOf(SeedanceException.class).hasMessageContaining("was refused");
        assertThat(requestsFor("/video.mp4")).isEqualTo(1);
    }

    @Test
    void behindAProxyTheTargetIsCheckedBeforeTheRequestGoesToTheProxy() {
        try (ForwardProxy proxy = ForwardProxy.builder().build().start()) {
            answerWithVideoAt("http://127.0.0.1:" + port() + "/video.mp4");

            Exchange exchange = generate(
                    "seedance:generate?download=true&proxyHost=" + ForwardProxy.HOST + "&proxyPort=" + proxy.port());

            assertThat(exchange.getException())
                    .isInstanceOf(SeedanceException.class)
                    .hasMessageContaining("was refused: 127.0.0.1 is a loopback address");
            assertThat(proxy.requests())
                    .as("the proxy forwarded the API call only")
                    .containsExactly("POST " + SEEDANCE.baseUrl() + "/v1/videos/generations");
            assertThat(requestsFor("/video.mp4")).isZero();
        }
    }
}
