package io.github.camelseedance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An API and video host on one loopback port that answers every generation with a video on itself and never answers
 * the video's GET: it counts the GETs and notes when the client closes such a connection.
 */
final class SilentVideoHost implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger videoRequests = new AtomicInteger();
    private final CountDownLatch videoConnectionClosed = new CountDownLatch(1);

    SilentVideoHost() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-video-host");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int videoRequests() {
        return videoRequests.get();
    }

    /** True once the client has closed a connection on which it asked for the video. */
    boolean videoConnectionClosed() {
        return videoConnectionClosed.getCount() == 0;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "silent-video-host-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        boolean video = false;
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                if (head.startsWith("GET ")) {
                    video = true;
                    videoRequests.incrementAndGet();
                    // no answer: wait for the client to give up on the connection
                    while (in.read() != -1) {
                        // nothing is expected after the GET
                    }
                    videoConnectionClosed.countDown();
                    return;
                }
                in.readNBytes(contentLength(head));
                byte[] body = ("{\"data\":[{\"url\":\"" + baseUrl() + "/videos/silent.mp4\",\"revised_prompt\":\"\"}],"
                                + "\"created\":1760347750}")
                        .getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away (reset rather than closed); on a GET's connection that is what the test waits for
            if (video) {
                videoConnectionClosed.countDown();
            }
        }
    }

    /** The request line and headers, or null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(
                        line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
