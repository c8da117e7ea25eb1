package io.github.camelseedance.emulator;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Fetches a first or last frame's image, only from a host that is a loopback literal ({@link LoopbackAddresses
 * #withoutLookup}): any other URL gets no connection at all, not even a name lookup. No redirect is followed, the body
 * is capped, and every failure becomes a notice for the frame rather than a failed render.
 */
final class FrameImageFetcher {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final long FETCH_TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private final HttpClient client;

    FrameImageFetcher(Vertx vertx) {
        this.vertx = vertx;
        // loopback only, so any certificate is as good as another: the emulator's own TLS, a test's self-signed one
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setKeepAlive(false)
                .setTrustAll(true)
                .setVerifyHost(false));
    }

    /**
     * Why the image at {@code url} is not fetched, or null when it may be: an http(s) URL whose host is 127.0.0.0/8,
     * {@code ::1} or {@code localhost}, on a port from 0 to 65535 or none. Decided from the text alone, without
     * connecting or looking anything up.
     */
    static String refusal(String url) {
        URI uri = parse(url);
        String host = host(uri);
        if (host == null) {
            return "not an http or https URL with a host";
        }
        if (LoopbackAddresses.withoutLookup(host) == null) {
            return "not a loopback address";
        }
        return port(uri) < 0 ? "port " + portText(uri) + " is not from 0 to 65535" : null;
    }

    /** The image's bytes, or a notice saying why there are none; never a failed future, never a throw. */
    Future<FrameImage> fetch(String url) {
        String refusal = refusal(url);
        if (refusal != null) {
            return Future.succeededFuture(FrameImage.notFetched(url, refusal));
        }
        try {
            return request(url);
        } catch (RuntimeException e) {
            // a URL the checks above let through but the client cannot use: thrown here, it would reach the event
            // loop and leave the download waiting for a render that never starts
            return Future.succeededFuture(FrameImage.notFetched(url, reason(e)));
        }
    }

    private Future<FrameImage> request(String url) {
        URI uri = parse(url);
        InetAddress address = LoopbackAddresses.withoutLookup(host(uri));
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = port(uri);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
        // connects to the literal address, and sends the Host header as the URL gives it (a presigned URL signs it)
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(address.getHostAddress())
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                // a host that goes silent loses its connection, not only the frame's wait for it
                .setIdleTimeout(FETCH_TIMEOUT_MS)
                .putHeader("Host", authority);
        Promise<FrameImage> result = Promise.promise();
        long timer = vertx.setTimer(
                FETCH_TIMEOUT_MS,
                id -> result.tryComplete(
                        FrameImage.notFetched(url, "no whole answer within " + FETCH_TIMEOUT_MS / 1000 + " s")));
        client.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> body(url, response))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    result.tryComplete(
                            done.succeeded() ? done.result() : FrameImage.notFetched(url, reason(done.cause())));
                });
        return result.future();
    }

    private static Future<FrameImage> body(String url, HttpClientResponse response) {
        int status = response.statusCode();
        if (status != 200) {
            response.request().reset();
            String reason = status >= 300 && status < 400
                    ? "answered HTTP " + status + "; redirects are not followed"
                    : "answered HTTP " + status;
            return Future.succeededFuture(FrameImage.notFetched(url, reason));
        }
        String length = response.getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && Long.parseLong(length) > MAX_BYTES) {
            response.request().reset();
            return Future.succeededFuture(FrameImage.notFetched(url, tooLarge()));
        }
        Promise<FrameImage> image = Promise.promise();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        response.handler(chunk -> {
            if (bytes.size() + chunk.length() > MAX_BYTES) {
                image.tryComplete(FrameImage.notFetched(url, tooLarge()));
                response.request().reset();
            } else {
                bytes.writeBytes(chunk.getBytes());
            }
        });
        response.exceptionHandler(e -> image.tryComplete(FrameImage.notFetched(url, reason(e))));
        response.endHandler(end -> image.tryComplete(FrameImage.fetched(url, bytes.toByteArray())));
        return image.future();
    }

    private static String tooLarge() {
        return "larger than " + MAX_BYTES / (1024 * 1024) + " MB";
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The port the URL names, the scheme's when it names none, or -1 when what it names is no port (not decimal, or
     * above 65535). Read from the authority, as java.net.URI range-checks no port and reports none for a host it keeps
     * only there.
     */
    private static int port(URI uri) {
        String text = portText(uri);
        if (text.isEmpty()) {
            return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        }
        if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int port = Integer.parseInt(text);
        return port <= 65535 ? port : -1;
    }

    // what follows the host's last colon, outside an IPv6 literal's brackets; empty when there is none
    private static String portText(URI uri) {
        String authority = uri.getRawAuthority();
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostAndPort.lastIndexOf(':');
        return colon > hostAndPort.lastIndexOf(']') ? hostAndPort.substring(colon + 1) : "";
    }

    // java.net.URI keeps some hosts (an underscore, a malformed number) only in the authority; the contract takes
    // them as URLs, so they are read from there and refused as any other name would be
    private static String host(URI uri) {
        if (uri == null) {
            return null;
        }
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return host.isBlank() ? null : host;
    }
}
