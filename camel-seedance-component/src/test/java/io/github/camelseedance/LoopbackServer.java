package io.github.camelseedance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 whose answers a test writes byte by byte: trickled, endless or cut short, which
 * no ready-made server does on purpose. One thread per connection; the threads are daemons and end with the server.
 */
final class LoopbackServer implements AutoCloseable {

    /** Writes the answer to one request on the raw socket; may close it, or write until the client goes away. */
    interface Handler {
        void answer(Request request, Socket socket) throws IOException, InterruptedException;
    }

    /** @param range the Range header, or null */
    record Request(String method, String path, String range) {}

    private final ServerSocket server;
    private final Handler handler;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger writesRefused = new AtomicInteger();

    LoopbackServer(Handler handler) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.handler = handler;
        Thread acceptor = new Thread(this::accept, "loopback-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Every request read so far, in arrival order. */
    List<Request> requests() {
        return requests;
    }

    long count(String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }

    /** How many answers stopped because the client had closed the connection while they were being written. */
    int writesRefused() {
        return writesRefused.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread connection = new Thread(() -> serve(socket), "loopback-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                Request request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                try {
                    handler.answer(request, socket);
                } catch (IOException clientLeft) {
                    if (!server.isClosed()) {
                        writesRefused.incrementAndGet();
                    }
                    return;
                }
                if (socket.isClosed()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the server is closing
        }
    }

    /** The request line and headers, and a body of its Content-Length skipped; null at the end of the connection. */
    private static Request readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        long length = 0;
        String range = null;
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(
                        header.substring("content-length:".length()).trim());
            } else if (lower.startsWith("range:")) {
                range = header.substring("range:".length()).trim();
            }
        }
        in.skipNBytes(length);
        return new Request(parts[0], parts[1], range);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return null;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code text} as ISO-8859-1 and flushes it. */
    static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A whole answer with a Content-Length. */
    static void answer(Socket socket, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        write(
                socket,
                "HTTP/1.1 " + status + " Status\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n");
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Writes {@code chunk} as HTTP chunks for ever, {@code pauseMillis} apart, until the client goes away. */
    static void chunksForEver(Socket socket, byte[] chunk, long pauseMillis) throws IOException, InterruptedException {
        while (true) {
            write(socket, Integer.toHexString(chunk.length) + "\r\n");
            socket.getOutputStream().write(chunk);
            write(socket, "\r\n");
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
