package io.github.camelseedance.emulator;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.NetClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelseedance.emulator.EmulatorVertx.await;

/**
 * A forward HTTP proxy on a loopback port, for proxy tests: forwards absolute-form requests, tunnels {@code CONNECT},
 * optionally asks for Basic credentials (407), and records what it saw. A target off loopback gets 403 without a
 * connection or DNS lookup, so no test reaches the network through it; DESIGN.md's "The emulator" shows its use.
 */
public final class ForwardProxy implements AutoCloseable {

    /** The address it listens on. */
    public static final String HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(ForwardProxy.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    // as many connections to a target as clients send requests at once: the proxy must not cap a concurrency test
    private static final int CONNECTIONS_PER_TARGET = 1_000;

    private final ProxyCredentials credentials;
    private final ProxyRecords records = new ProxyRecords();

    private volatile int port = -1;
    private Vertx vertx;
    private boolean started;
    private boolean closed;

    private ForwardProxy(Builder builder) {
        this.credentials = builder.credentials;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds a free loopback port and returns once the proxy accepts connections. A proxy starts once. */
    public synchronized ForwardProxy start() {
        if (closed) {
            throw new IllegalStateException("This proxy was closed; build a new one");
        }
        if (started) {
            throw new IllegalStateException("This proxy is already running on " + HOST + ":" + port);
        }
        vertx = EmulatorVertx.create();
        ProxyForwarder forwarder = new ProxyForwarder(
                vertx.createHttpClient(
                        new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS),
                        new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_TARGET)),
                records);
        ProxyTunnel tunnel = new ProxyTunnel(
                vertx.createNetClient(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS)), records);
        try {
            HttpServer server = await(vertx.createHttpServer(new HttpServerOptions()
                            .setHttp2ClearTextEnabled(false)
                            .setHandle100ContinueAutomatically(true))
                    .requestHandler(new ProxyRoutes(credentials, records, forwarder, tunnel))
                    .listen(0, HOST));
            port = server.actualPort();
        } catch (RuntimeException e) {
            await(vertx.close());
            vertx = null;
            throw new IllegalStateException("The forward proxy could not listen on " + HOST, e);
        }
        started = true;
        LOG.info("Forward proxy listening on {}:{} ({})", HOST, port, credentials);
        return this;
    }

    /** True between {@link #start()} and {@link #close()}. */
    public synchronized boolean isRunning() {
        return started && !closed;
    }

    /** The port it listens on. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("The proxy is not started yet: call start()");
        }
        return port;
    }

    /** {@link #HOST} and {@link #port()}, e.g. for {@code ProxySelector.of(...)}. */
    public InetSocketAddress address() {
        return new InetSocketAddress(HOST, port());
    }

    /** True when it asks for Basic credentials ({@link Builder#credentials}). */
    public boolean requiresCredentials() {
        return credentials.required();
    }

    /**
     * Every request received, refused or not, in arrival order, as method and request target: {@code POST
     * http://127.0.0.1:1234/v1/videos/generations}, {@code GET http://127.0.0.1:1234/videos/abc.mp4},
     * {@code CONNECT 127.0.0.1:1234}. A copy.
     */
    public List<String> requests() {
        return records.requests();
    }

    /**
     * The {@code host:port} of every target it forwarded a request to or opened a tunnel to, in order; refused
     * requests add nothing, so an empty list means the proxy contacted nothing. A copy.
     */
    public List<String> contactedTargets() {
        return records.contacted();
    }

    /** How many requests it answered 407 for lacking the right credentials. */
    public int authenticationRefusals() {
        return records.authenticationRefusals();
    }

    /** How many requests it answered 403 for a target off loopback. */
    public int targetRefusals() {
        return records.targetRefusals();
    }

    /** Forgets all records and zeroes the counts; open tunnels and connections stay. */
    public void reset() {
        records.clear();
    }

    /** Stops the proxy, its tunnels and its connections. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (vertx != null) {
            await(vertx.close());
            vertx = null;
            LOG.debug("Forward proxy on {}:{} stopped", HOST, port);
        }
    }

    // the password stays out: test reports and logs print this
    @Override
    public String toString() {
        return "ForwardProxy[" + (port < 0 ? "not started" : HOST + ":" + port) + ", " + credentials + "]";
    }

    /** Configures a proxy; {@link #build()} may be called more than once, each time for a new proxy. */
    public static final class Builder {

        private ProxyCredentials credentials = ProxyCredentials.none();

        private Builder() {}

        /**
         * Asks every request for these Basic credentials in {@code Proxy-Authorization}, answering {@code 407} with
         * {@code Proxy-Authenticate: Basic realm="emulator-proxy"} without them; default none asked.
         */
        public Builder credentials(String user, String password) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isBlank() || user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("user must not be blank nor contain ':'");
            }
            this.credentials = ProxyCredentials.basic(user, password);
            return this;
        }

        public ForwardProxy build() {
            return new ForwardProxy(this);
        }
    }
}
