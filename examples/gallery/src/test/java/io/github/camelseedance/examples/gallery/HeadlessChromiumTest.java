package io.github.camelseedance.examples.gallery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriverException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The browser makes no connection of its own, even where the environment names a proxy. */
class HeadlessChromiumTest {

    @Test
    void aProxyNamedInTheEnvironmentIsNeverAskedAndAHostNameDoesNotResolve() throws Exception {
        assumeTrue(HeadlessChromium.available(), "Chromium and chromedriver are not installed");
        try (LoopbackProxy proxy = new LoopbackProxy()) {
            Throwable failure;
            try (HeadlessChromium browser = HeadlessChromium.start(Map.of(
                    "http_proxy", proxy.url(),
                    "https_proxy", proxy.url(),
                    "all_proxy", proxy.url()))) {
                failure = catchThrowable(() -> browser.driver().get("http://seedance-gallery.invalid/"));
                browser.screenshot(HeadlessChromiumExtension.SCREENSHOTS.resolve("no-proxy.png"));
            }

            assertThat(proxy.requests()).as("requests the proxy was sent").isEmpty();
            assertThat(failure).isInstanceOf(WebDriverException.class).hasMessageContaining("ERR_NAME_NOT_RESOLVED");
        }
    }

    /** Answers every request with 502 and remembers its first line; it forwards nothing. */
    private static final class LoopbackProxy implements AutoCloseable {

        private final ServerSocket socket;
        private final List<String> requests = new CopyOnWriteArrayList<>();

        LoopbackProxy() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(this::accept, "loopback-proxy");
            accepting.setDaemon(true);
            accepting.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        List<String> requests() {
            return requests;
        }

        private void accept() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    requests.add(String.valueOf(in.readLine()));
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed, or a client gone: the next accept tells which
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
