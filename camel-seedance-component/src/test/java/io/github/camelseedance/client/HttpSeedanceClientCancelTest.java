package io.github.camelseedance.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling a generation's future ends its HTTP exchange and closes the connection, as SeedanceClient promises. */
class HttpSeedanceClientCancelTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ServerSocket server;
    private CloseableHttpAsyncClient http;

    @AfterEach
    void close() throws Exception {
        if (http != null) {
            http.close(CloseMode.IMMEDIATE);
        }
        if (server != null) {
            server.close();
        }
        timer.shutdownNow();
    }

    @Test
    void cancellingTheFutureClosesTheConnectionOfAnExchangeStillWaitingForItsAnswer() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        String baseUrl = "http://127.0.0.1:" + server.getLocalPort();
        http = SeedanceHttpClients.start(null, null, DownloadRules.of(baseUrl, null, false, null));
        HttpSeedanceClient client = new HttpSeedanceClient(
                baseUrl,
                "sk-test-cancel",
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                new DownloadLimits(Long.MAX_VALUE, null, 1, Duration.ofMillis(1), Duration.ofMillis(1)),
                http,
                Runnable::run,
                timer);

        CompletableFuture<GeneratedVideo> video =
                client.generate(VideoGenerationRequest.builder().prompt("A fox").build(), () -> true);
        try (Socket accepted = server.accept()) {
            accepted.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            InputStream in = accepted.getInputStream();
            assertThat(in.read()).as("the request reached the server").isNotEqualTo(-1);

            video.cancel(false);

            // the server never answers, so only the client closing the connection ends this read before 60 s
            assertThat(closedByClient(in))
                    .as("the connection was closed by the client")
                    .isTrue();
        }
        assertThat(video).isCancelled();
    }

    /** Reads to the end: the client closed the connection if the stream ends or is reset, not if the read times out. */
    private static boolean closedByClient(InputStream in) throws IOException {
        byte[] rest = new byte[8192];
        try {
            while (in.read(rest) != -1) {
                // the rest of the request
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}
