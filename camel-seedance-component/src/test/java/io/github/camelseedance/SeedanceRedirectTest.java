package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirects: a video download follows up to five, carrying no credentials; an API call follows none, so the key never
 * goes to another host.
 */
class SeedanceRedirectTest extends SeedanceTestSupport {

    /** A second loopback server standing in for a CDN; answers as each test sets it up. */
    private HttpServer cdn;

    private final List<String> cdnAuthorizations = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:url").to("seedance:generate");
                // the second loopback server stands in for a CDN, which downloads reach only when allowed by name
                from("direct:download").to("seedance:generate?download=true&videoHostsAllowed=127.0.0.1");
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

    @Test
    void aDownloadFollowsRedirectsWithoutCredentials() throws Exception {
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
        assertThat((long) bytes.length).isEqualTo(SEEDANCE.videoSize(video));
        assertThat(cdnAuthorizations).containsExactly("null", "null");
        assertThat(SEEDANCE.downloads())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.authorization()).isNull());
    }

    @Test
    void aDownloadGivesUpAfterFiveRedirects() {
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

    @Test
    void anApiCallIsNotRedirectedSoTheKeyStaysWithTheApiHost() {
        try (SeedanceEmulator otherHost = SeedanceEmulator.builder()
                .host("127.0.0.2")
                .apiKey(API_KEY)
                .build()
                .start()) {
            SEEDANCE.enqueue(EmulatorResponse.raw(307, "text/plain", "")
                    .withHeader("Location", otherHost.baseUrl() + "/v1/videos/generations"));

            Exchange exchange =
                    template.request("direct:url", e -> e.getMessage().setBody("A heron"));

            assertThat(exchange.getException())
                    .isInstanceOf(SeedanceApiException.class)
                    .hasMessageContaining("HTTP 307")
                    .hasMessageContaining("not followed");
            assertThat(SEEDANCE.generationCount()).isEqualTo(1);
            assertThat(otherHost.generationCount())
                    .as("requests that reached the other host")
                    .isZero();
        }
    }
}
