package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.camelseedance.emulator.EmulatorResponse;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With download=true the body is the video as a stream read from its host: fetched without credentials, written by
 * the file component as it arrives, and given up when the route closes it early.
 */
class SeedanceDownloadTest extends SeedanceTestSupport {

    @TempDir
    Path output;

    private volatile Class<?> bodyTypeBeforeFileWrite;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a test's own loopback server stands in for a CDN, which downloads reach only when allowed by name
                from("direct:download").to("seedance:generate?download=true&videoHostsAllowed=127.0.0.1");
                // the file is written under a temporary name first, so a broken video never appears under its own
                from("direct:toFile")
                        .to("seedance:generate?download=true&retryDelay=10ms")
                        .process(e -> bodyTypeBeforeFileWrite =
                                e.getMessage().getBody().getClass())
                        .to("file:" + output + "?fileName=video.mp4&tempPrefix=.part-");
            }
        };
    }

    private static byte[] fetch(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    @Test
    void theBodyIsAStreamOfTheVideoFetchedWithoutCredentials() throws Exception {
        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody("A red kite"));

        assertThat(exchange.getException()).isNull();
        Object body = exchange.getMessage().getBody();
        assertThat(body).isInstanceOf(InputStream.class);
        byte[] video;
        try (InputStream in = (InputStream) body) {
            video = in.readAllBytes();
        }
        assertThat(video).isEqualTo(fetch(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("video/mp4");
        assertThat(SEEDANCE.downloads())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.authorization()).isNull());
    }

    @Test
    void theFileComponentWritesTheStreamAsItArrivesRatherThanACachedCopy() throws Exception {
        Exchange exchange =
                template.request("direct:toFile", e -> e.getMessage().setBody("A red kite"));

        assertThat(exchange.getException()).isNull();
        assertThat(bodyTypeBeforeFileWrite).isNotNull();
        assertThat(StreamCache.class.isAssignableFrom(bodyTypeBeforeFileWrite)).isFalse();
        assertThat(InputStream.class.isAssignableFrom(bodyTypeBeforeFileWrite)).isTrue();
        byte[] written = Files.readAllBytes(output.resolve("video.mp4"));
        assertThat(written)
                .isEqualTo(fetch(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
        // an MP4 starts with an ftyp box
        assertThat(new String(written, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void aDownloadThatBreaksForGoodNeverAppearsUnderTheFinalName() {
        // every attempt breaks: as many breaks as the default downloadAttempts
        SEEDANCE.breakNextDownloads(5);

        Exchange exchange =
                template.request("direct:toFile", e -> e.getMessage().setBody("A red kite"));

        assertThat(exchange.getException()).isNotNull();
        assertThat(output.resolve("video.mp4")).doesNotExist();
    }

    /**
     * Without giving the download up, the host would stay blocked writing into a connection nobody reads until the
     * requestTimeout; closing the stream closes the connection, so the host's write fails.
     */
    @Test
    void closingTheVideoStreamBeforeItsEndClosesTheConnection() throws Exception {
        HttpServer cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
        cdn.start();
        try {
            SEEDANCE.enqueue(EmulatorResponse.json(
                    200,
                    "{\"created\":1700000000,\"data\":[{\"url\":\"http://127.0.0.1:"
                            + cdn.getAddress().getPort() + "/endless.mp4\"}]}"));

            Exchange exchange =
                    template.request("direct:download", e -> e.getMessage().setBody("A heron"));
            assertThat(exchange.getException()).isNull();
            InputStream video = exchange.getMessage().getBody(InputStream.class);
            assertThat(video.readNBytes(1024)).hasSize(1024);
            video.close();

            assertThat(hostSawTheConnectionClose.await(60, TimeUnit.SECONDS))
                    .as("the host's write failed")
                    .isTrue();
        } finally {
            cdn.stop(0);
        }
    }
}
