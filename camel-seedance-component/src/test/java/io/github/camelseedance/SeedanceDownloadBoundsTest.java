package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelseedance.LoopbackServer.answer;
import static io.github.camelseedance.LoopbackServer.chunksForEver;
import static io.github.camelseedance.LoopbackServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A video download has an end whatever its host does: a size it may not pass, an optional deadline, and no body that
 * nobody will use read on after the download moved on. The loopback server plays the API and the video host at once.
 */
class SeedanceDownloadBoundsTest extends LoopbackServerTestSupport {

    private static final byte[] CHUNK = new byte[64 * 1024];
    private static final String NOT_REALLY_A_VIDEO = "ftyp, and then some bytes";

    /** Answers the API call with a video at {@code /video.mp4} of the same server, which {@code video} serves. */
    private void serveVideo(LoopbackServer.Handler video) throws IOException {
        server = new LoopbackServer((request, socket) -> {
            if (request.method().equals("POST")) {
                answer(
                        socket,
                        200,
                        "application/json",
                        "{\"created\":1,\"data\":[{\"url\":\"" + server.baseUrl() + "/video.mp4\"}]}");
            } else {
                video.answer(request, socket);
            }
        });
    }

    private Exchange download(String options) throws Exception {
        return template.asyncSend(
                        "seedance:generate?download=true&maxRetries=0&baseUrl=" + server.baseUrl()
                                + (options.isEmpty() ? "" : "&" + options),
                        e -> e.getMessage().setBody("A kite over the dunes"))
                .get(60, TimeUnit.SECONDS);
    }

    @Test
    void aVideoAnnouncedLargerThanMaxVideoSizeIsRefusedBeforeItsBodyIsRead() throws Exception {
        serveVideo((request, socket) -> {
            write(socket, "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 10737418240\r\n\r\n");
            while (true) {
                socket.getOutputStream().write(CHUNK);
            }
        });

        Exchange exchange = download("maxVideoSize=1048576");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("/video.mp4")
                .hasMessageContaining("Content-Length of 10737418240 bytes")
                .hasMessageContaining("maxVideoSize of 1048576");
        await().atMost(Duration.ofSeconds(30))
                .alias("the connection is dropped rather than read")
                .until(() -> server.writesRefused() == 1);
    }

    @Test
    void aVideoThatGrowsPastMaxVideoSizeWithoutALengthFailsItsStreamThere() throws Exception {
        serveVideo((request, socket) -> {
            write(socket, "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked\r\n\r\n");
            chunksForEver(socket, CHUNK, 0);
        });

        Exchange exchange = download("maxVideoSize=1048576");

        assertThat(exchange.getException()).isNull();
        InputStream video = exchange.getMessage().getBody(InputStream.class);
        long[] read = {0};
        Throwable failure = catchThrowable(() -> {
            byte[] buffer = new byte[8192];
            for (int n; (n = video.read(buffer)) != -1; ) {
                read[0] += n;
            }
        });
        assertThat(failure).isInstanceOf(IOException.class).hasMessageContaining("maxVideoSize of 1048576 bytes");
        assertThat(read[0]).isLessThanOrEqualTo(1048576);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.writesRefused() == 1);
    }

    @Test
    void aVideoHostThatSendsForeverEndsAtTheDownloadTimeout() throws Exception {
        serveVideo((request, socket) -> {
            write(socket, "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked\r\n\r\n");
            chunksForEver(socket, new byte[1024], 20);
        });

        Exchange exchange = download("downloadTimeout=1s&downloadAttempts=1");

        assertThat(exchange.getException()).isNull();
        InputStream video = exchange.getMessage().getBody(InputStream.class);
        assertThat(catchThrowable(video::readAllBytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("took longer than the downloadTimeout of 1s");
        await().atMost(Duration.ofSeconds(30)).until(() -> server.writesRefused() == 1);
    }

    @Test
    void aVideoHostThatNeverFinishesItsHeadEndsAtTheDownloadTimeout() throws Exception {
        serveVideo((request, socket) -> {
            write(socket, "HTTP/1.1 200 OK\r\nX-Slow: a");
            while (true) {
                write(socket, "a");
                Thread.sleep(100);
            }
        });

        Exchange exchange = download("downloadTimeout=1s&downloadAttempts=1");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("/video.mp4 took longer than the downloadTimeout of 1s");
        await().atMost(Duration.ofSeconds(30)).until(() -> server.writesRefused() == 1);
    }

    @Test
    void anErrorsBodyIsNotReadOnceTheDownloadHasFailed() throws Exception {
        serveVideo((request, socket) -> {
            write(socket, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
            chunksForEver(socket, "<p>gone</p>".getBytes(StandardCharsets.US_ASCII), 5);
        });

        Exchange exchange = download("");

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("HTTP 404");
        await().atMost(Duration.ofSeconds(30))
                .alias("the connection is dropped rather than read")
                .until(() -> server.writesRefused() == 1);
    }

    /**
     * On a kept-alive connection the head can arrive before the client has finished starting the exchange; a download
     * completes at its head, and the client would then cancel the exchange it is still reading. Hundreds of downloads
     * make that order come up (a few in 300 here when downloads can be cancelled that way); every video arrives whole.
     */
    @Test
    void videosFromAKeptAliveConnectionArriveWholeEvenWhenTheirHeadComesFirst() throws Exception {
        String video = "v".repeat(200_000);
        serveVideo((request, socket) -> answer(socket, 200, "video/mp4", video));

        int whole = 0;
        for (int i = 0; i < 300; i++) {
            Exchange exchange = download("");
            try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
                if (exchange.getException() == null && body.readAllBytes().length == video.length()) {
                    whole++;
                }
            } catch (IOException broken) {
                // counted as not whole
            }
        }

        assertThat(whole).isEqualTo(300);
    }

    @Test
    void aRedirectsBodyIsNotRead() throws Exception {
        server = new LoopbackServer((request, socket) -> {
            switch (request.method() + " " + request.path()) {
                case "POST /v1/videos/generations" ->
                    answer(
                            socket,
                            200,
                            "application/json",
                            "{\"created\":1,\"data\":[{\"url\":\"" + server.baseUrl() + "/moved.mp4\"}]}");
                case "GET /moved.mp4" -> {
                    write(socket, "HTTP/1.1 302 Found\r\nLocation: /video.mp4\r\nTransfer-Encoding: chunked\r\n\r\n");
                    chunksForEver(socket, "<p>moved</p>".getBytes(StandardCharsets.US_ASCII), 5);
                }
                default -> answer(socket, 200, "video/mp4", NOT_REALLY_A_VIDEO);
            }
        });

        Exchange exchange = download("");

        assertThat(exchange.getException()).isNull();
        try (InputStream video = exchange.getMessage().getBody(InputStream.class)) {
            assertThat(new String(video.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo(NOT_REALLY_A_VIDEO);
        }
        assertThat(server.count("GET", "/moved.mp4")).isEqualTo(1);
        assertThat(server.count("GET", "/video.mp4")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.writesRefused() == 1);
    }
}
