package io.github.camelseedance.emulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Videos streamed to clients that read slowly, over kept-alive connections, and close when they have what they want:
 * the write queue fills and drains many times per download, and the emulator logs no error for any of them.
 */
class VideoStreamingTest {

    private static final long SIZE = 4L * 1024 * 1024;
    private static final int DOWNLOADS = 64;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
        log.stop();
    }

    @Test
    void slowDownloadsClosedEarlyOrAtTheEndLogNoError() throws Exception {
        List<Future<Long>> whole = new ArrayList<>();
        List<Future<Long>> half = new ArrayList<>();
        try (SeedanceEmulator emulator =
                SeedanceEmulator.builder().videoSize(SIZE).build().start()) {
            TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());
            URI video = URI.create(
                    json(client.generate(VALID_BODY)).at("/data/0/url").asText());
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                for (int i = 0; i < DOWNLOADS; i++) {
                    if (i % 2 == 0) {
                        whole.add(clients.submit(() -> download(video, Long.MAX_VALUE)));
                    } else {
                        half.add(clients.submit(() -> download(video, SIZE / 2)));
                    }
                }
                for (Future<Long> download : whole) {
                    assertThat(download.get(120, TimeUnit.SECONDS)).isEqualTo(SIZE);
                }
                for (Future<Long> download : half) {
                    assertThat(download.get(120, TimeUnit.SECONDS)).isEqualTo(SIZE / 2);
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(emulator.downloads()).hasSize(DOWNLOADS);
        }
        // closing the emulator waits for its event loops, so whatever they were going to log is in by now
        assertThat(log.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .extracting(VideoStreamingTest::describe)
                .isEmpty();
    }

    /**
     * GETs the video on a kept-alive connection (a {@code Connection: close} would end the response early on the
     * server side) and reads the body up to {@code limit} bytes, through a small receive window and with a pause now
     * and then, so the emulator's write queue fills up; then closes the connection. Returns the body bytes read.
     */
    private static long download(URI video, long limit) throws IOException, InterruptedException {
        try (Socket socket = new Socket(video.getHost(), video.getPort())) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + video.getPath() + " HTTP/1.1\r\nHost: " + video.getAuthority() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long wanted = Math.min(limit, contentLength(in));
            byte[] buffer = new byte[16 * 1024];
            long read = 0;
            while (read < wanted) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - read));
                if (n == -1) {
                    break;
                }
                read += n;
                if (read % (256 * 1024) < n) {
                    Thread.sleep(1);
                }
            }
            return read;
        }
    }

    // reads the status line and headers, returning the Content-Length
    private static long contentLength(InputStream in) throws IOException {
        long length = -1;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(
                        line.substring("content-length:".length()).strip());
            }
        }
        if (length < 0) {
            throw new IOException("The video came without a Content-Length");
        }
        return length;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("The connection closed inside the response head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String describe(ILoggingEvent event) {
        return event.getLoggerName() + ": " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                        ? ""
                        : " (" + event.getThrowableProxy().getMessage() + ")");
    }
}
