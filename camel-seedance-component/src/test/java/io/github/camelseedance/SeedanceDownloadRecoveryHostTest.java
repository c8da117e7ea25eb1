package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;

import static io.github.camelseedance.LoopbackServer.answer;
import static io.github.camelseedance.LoopbackServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Download recovery against video hosts a test scripts byte by byte: a 5xx is tried again, a 4xx is not, a stall past
 * the downloadTimeout resumes, a host that ignores ranges fails once the route has read, and each attempt is guarded.
 */
class SeedanceDownloadRecoveryHostTest extends LoopbackServerTestSupport {

    private static final byte[] VIDEO = new byte[200_000];

    static {
        new Random(7).nextBytes(VIDEO);
    }

    private final AtomicInteger gets = new AtomicInteger();

    /** Answers the API call with a video at {@code /video.mp4}; {@code video} answers GET number n (from 1). */
    private void serveVideo(VideoHost video) throws IOException {
        server = new LoopbackServer((request, socket) -> {
            if (request.method().equals("POST")) {
                answer(
                        socket,
                        200,
                        "application/json",
                        "{\"created\":1,\"data\":[{\"url\":\"" + server.baseUrl() + "/video.mp4\"}]}");
            } else {
                video.answer(gets.incrementAndGet(), request, socket);
            }
        });
    }

    interface VideoHost {
        void answer(int get, LoopbackServer.Request request, Socket socket) throws IOException, InterruptedException;
    }

    private Exchange generate(String options) {
        return template.request(
                "seedance:generate?download=true&maxRetries=0&baseUrl=" + server.baseUrl()
                        + (options.contains("retryDelay=") ? "" : "&retryDelay=10ms")
                        + (options.isEmpty() ? "" : "&" + options),
                e -> e.getMessage().setBody("A kite over the dunes"));
    }

    private static void whole(Socket socket) throws IOException {
        write(socket, "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + VIDEO.length + "\r\n\r\n");
        socket.getOutputStream().write(VIDEO);
        socket.getOutputStream().flush();
    }

    /** The head and the first {@code bytes} of the whole video, then nothing: the caller closes or waits. */
    private static void start(Socket socket, int bytes) throws IOException {
        write(socket, "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + VIDEO.length + "\r\n\r\n");
        socket.getOutputStream().write(VIDEO, 0, bytes);
        socket.getOutputStream().flush();
    }

    private static void rest(Socket socket, LoopbackServer.Request request) throws IOException {
        int from = Integer.parseInt(request.range().replaceAll("bytes=(\\d+)-", "$1"));
        write(
                socket,
                "HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nContent-Range: bytes " + from + "-"
                        + (VIDEO.length - 1) + "/" + VIDEO.length + "\r\nContent-Length: " + (VIDEO.length - from)
                        + "\r\n\r\n");
        socket.getOutputStream().write(VIDEO, from, VIDEO.length - from);
        socket.getOutputStream().flush();
    }

    private static byte[] readAll(Exchange exchange) throws IOException {
        assertThat(exchange.getException()).isNull();
        try (InputStream video = exchange.getMessage().getBody(InputStream.class)) {
            return video.readAllBytes();
        }
    }

    @Test
    void aServerErrorFromTheVideoHostIsTriedAgain() throws Exception {
        serveVideo((get, request, socket) -> {
            if (get == 1) {
                answer(socket, 503, "text/plain", "busy");
            } else {
                whole(socket);
            }
        });

        assertThat(readAll(generate(""))).isEqualTo(VIDEO);
        assertThat(gets).hasValue(2);
        assertThat(server.count("POST", "/v1/videos/generations")).isEqualTo(1);
    }

    @Test
    void aClientErrorFromTheVideoHostIsNotTriedAgainAndTheFailureKeepsTheUrl() throws IOException {
        serveVideo((get, request, socket) -> answer(socket, 403, "text/plain", "expired"));

        Exchange exchange = generate("");

        assertThat(exchange.getException()).isInstanceOf(SeedanceDownloadException.class);
        SeedanceDownloadException failure = (SeedanceDownloadException) exchange.getException();
        assertThat(failure.getStatusCode()).isEqualTo(403);
        assertThat(failure.getVideoUrl()).isEqualTo(server.baseUrl() + "/video.mp4");
        assertThat(failure.getMessage()).contains("HTTP 403", "not tried again");
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL)).isEqualTo(failure.getVideoUrl());
        assertThat(gets).hasValue(1);
    }

    @Test
    void anAttemptThatStallsPastTheDownloadTimeoutIsResumedFromItsFirstMissingByte() throws Exception {
        serveVideo((get, request, socket) -> {
            if (get == 1) {
                start(socket, 50_000);
                Thread.sleep(Long.MAX_VALUE); // until the client drops the connection, or the server closes
            } else {
                rest(socket, request);
            }
        });

        byte[] video = readAll(generate("downloadTimeout=1s"));

        assertThat(video).isEqualTo(VIDEO);
        assertThat(server.requests())
                .filteredOn(r -> r.method().equals("GET"))
                .extracting(LoopbackServer.Request::range)
                .containsExactly(null, "bytes=50000-");
    }

    @Test
    void aHostSilentForTheRequestTimeoutIsLeftAndTheDownloadResumed() throws Exception {
        serveVideo((get, request, socket) -> {
            if (get == 1) {
                start(socket, 70_000);
                Thread.sleep(Long.MAX_VALUE);
            } else {
                rest(socket, request);
            }
        });

        byte[] video = readAll(generate("requestTimeout=1s"));

        assertThat(video).isEqualTo(VIDEO);
        assertThat(server.requests())
                .filteredOn(r -> r.method().equals("GET"))
                .extracting(LoopbackServer.Request::range)
                .containsExactly(null, "bytes=70000-");
    }

    @Test
    void aHostThatIgnoresRangesFailsTheStreamOnceTheRouteHasReadSomeOfIt() throws Exception {
        CountDownLatch routeRead = new CountDownLatch(1);
        serveVideo((get, request, socket) -> {
            if (get == 1) {
                start(socket, 50_000);
                routeRead.await(30, TimeUnit.SECONDS);
                socket.close();
            } else {
                whole(socket); // the whole video again, with 200: the bytes already read cannot be matched
            }
        });
        Exchange exchange = generate("");
        assertThat(exchange.getException()).isNull();

        Throwable failure;
        try (InputStream video = exchange.getMessage().getBody(InputStream.class)) {
            assertThat(video.readNBytes(1000)).isEqualTo(java.util.Arrays.copyOf(VIDEO, 1000));
            routeRead.countDown();
            failure = catchThrowable(video::readAllBytes);
        }

        SeedanceDownloadException notFetched = ObjectHelper.getException(SeedanceDownloadException.class, failure);
        assertThat(notFetched).isNotNull();
        assertThat(notFetched.getMessage()).contains("does not answer ranges");
        assertThat(notFetched.getVideoUrl()).isEqualTo(server.baseUrl() + "/video.mp4");
        assertThat(gets)
                .as("not tried a third time: it would not answer ranges either")
                .hasValue(2);
    }

    @Test
    void aLaterAttemptIsGuardedAsTheFirst() throws Exception {
        try (LoopbackServer internal = new LoopbackServer((request, socket) -> whole(socket))) {
            serveVideo((get, request, socket) -> {
                if (get == 1) {
                    start(socket, 50_000);
                    socket.close();
                } else {
                    write(
                            socket,
                            "HTTP/1.1 302 Found\r\nLocation: " + internal.baseUrl()
                                    + "/video.mp4\r\nContent-Length: 0\r\n\r\n");
                }
            });
            Exchange exchange = generate("");
            assertThat(exchange.getException()).isNull();

            Throwable failure;
            try (InputStream video = exchange.getMessage().getBody(InputStream.class)) {
                failure = catchThrowable(video::readAllBytes);
            }

            SeedanceDownloadException refused = ObjectHelper.getException(SeedanceDownloadException.class, failure);
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("was refused", "videoHostsAllowed");
            assertThat(gets).as("a refused address is not tried again").hasValue(2);
            assertThat(internal.requests())
                    .as("another loopback port is never connected to")
                    .isEmpty();
        }
    }

    @Test
    void aStopWhileTheNextAttemptWaitsFailsTheStreamAndSendsNothingMore() throws Exception {
        serveVideo((get, request, socket) -> {
            start(socket, 50_000);
            socket.close();
        });
        Exchange exchange = generate("retryDelay=1h&maxRetryDelay=1h");
        assertThat(exchange.getException()).isNull();
        InputStream video = exchange.getMessage().getBody(InputStream.class);
        assertThat(video.readNBytes(50_000)).hasSize(50_000);
        // the first attempt has broken off: the next one waits for its backoff
        org.awaitility.Awaitility.await().until(() -> gets.get() == 1 && video.available() == 0);

        context.stop();

        Throwable failure = catchThrowable(video::read);
        assertThat(ObjectHelper.getException(SeedanceStoppedException.class, failure))
                .isNotNull();
        assertThat(ObjectHelper.getException(SeedanceDownloadException.class, failure)
                        .getVideoUrl())
                .isEqualTo(server.baseUrl() + "/video.mp4");
        assertThat(gets).hasValue(1);
    }
}
