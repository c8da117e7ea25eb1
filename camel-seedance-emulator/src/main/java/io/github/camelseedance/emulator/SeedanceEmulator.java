package io.github.camelseedance.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelseedance.emulator.EmulatorVertx.await;

/**
 * An in-process Seedance API on a loopback port: judges every generation request against the contract, answers as the
 * provider would (or as scripted), serves a real MP4 rendered to show the request (or one fixed clip), records
 * everything, and injects faults on demand or at random. DESIGN.md's "The emulator" lists what it offers a test.
 */
public final class SeedanceEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SeedanceEmulator.class);

    private final String apiKey;
    private final Duration configuredLatency;
    private final String host;
    private final int requestedPort;
    private final long videoSize;
    private final boolean fixedClip;
    private final RenderedVideos.Renderer renderer;
    private final EmulatorRecords records = new EmulatorRecords();
    private final ContractJudge judge = new ContractJudge();
    private final ConcurrencyGauge generationGauge = new ConcurrencyGauge();
    private final ConnectionDropper connectionDropper = new ConnectionDropper();
    private final Countdown brokenDownloads = new Countdown();
    private final Countdown stalledDownloads = new Countdown();
    private final ConcurrencyGauge downloadGauge = new ConcurrencyGauge();
    private final FaultInjector faults;
    private final FirstAttemptFaults firstAttempts;
    private final boolean tls;

    private volatile Duration latency;
    private volatile boolean videoLengthSent = true;
    private volatile boolean rangesSupported = true;
    /** The byte the next broken download stops at, or -1 for halfway; used up by that download. */
    private final AtomicLong breakAt = new AtomicLong(-1);

    private volatile int port = -1;
    private volatile String baseUrl;
    private Vertx vertx;
    private RenderedVideos renderedVideos;
    private volatile VideoLibrary videos;
    private boolean started;
    private boolean closed;

    private SeedanceEmulator(Builder builder) {
        this.apiKey = builder.apiKey;
        this.configuredLatency = builder.latency;
        this.latency = builder.latency;
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.videoSize = builder.videoSize;
        this.fixedClip = builder.fixedClip;
        this.renderer = builder.renderer;
        // no seed given: one is chosen and logged, so a run that found a bug can be replayed with faultSeed
        long seed = builder.faultSeed != null
                ? builder.faultSeed
                : ThreadLocalRandom.current().nextLong();
        this.faults = new FaultInjector(builder.faultRate, seed, builder.faults);
        this.firstAttempts = new FirstAttemptFaults(builder.firstAttemptFault);
        this.tls = builder.tls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and returns once the emulator accepts connections. An emulator starts once. */
    public synchronized SeedanceEmulator start() {
        if (closed) {
            throw new IllegalStateException("This emulator was closed; build a new one");
        }
        if (started) {
            throw new IllegalStateException("This emulator is already running at " + baseUrl);
        }
        vertx = EmulatorVertx.create();
        if (fixedClip) {
            videos = VideoLibrary.fixedClip(videoSize);
        } else {
            renderedVideos = new RenderedVideos(vertx, renderer, RenderedVideos.DEFAULT_MAX_BYTES);
            videos = VideoLibrary.rendered(renderedVideos);
        }
        GenerationEndpoint generation = new GenerationEndpoint(
                vertx,
                judge,
                records,
                generationGauge,
                videos,
                apiKey,
                () -> latency,
                () -> baseUrl,
                faults,
                firstAttempts);
        // HTTP/1.1 only (no h2c, and no ALPN over TLS): a dropped connection then ends exactly one request, whatever
        // client is used
        HttpServerOptions options =
                new HttpServerOptions().setHttp2ClearTextEnabled(false).setHandle100ContinueAutomatically(true);
        if (tls) {
            options.setSsl(true).setKeyCertOptions(EmulatorTls.serverKeyCertOptions());
        }
        try {
            HttpServer server = await(vertx.createHttpServer(options)
                    .connectionHandler(connectionDropper)
                    .requestHandler(new EmulatorRoutes(
                            generation,
                            new ModelsEndpoint(vertx, records, apiKey),
                            new VideoEndpoint(
                                    records,
                                    videos,
                                    brokenDownloads,
                                    stalledDownloads,
                                    downloadGauge,
                                    () -> videoLengthSent,
                                    () -> rangesSupported,
                                    () -> breakAt.getAndSet(-1))))
                    .listen(requestedPort, host));
            port = server.actualPort();
        } catch (RuntimeException e) {
            await(vertx.close());
            vertx = null;
            throw new IllegalStateException(
                    "The Seedance emulator could not listen on " + host + ":" + requestedPort, e);
        }
        baseUrl = (tls ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        started = true;
        LOG.info("Seedance emulator listening on {}", baseUrl);
        if (faults.rate() > 0) {
            LOG.info(
                    "Seedance emulator injects faults into {}% of generations, drawn from {} (faultSeed {})",
                    faults.rate() * 100, faults.kinds(), faults.seed());
        }
        if (firstAttempts.kind() != null) {
            LOG.info(
                    "Seedance emulator answers the first attempt of each distinct generation with {}",
                    firstAttempts.kind());
        }
        return this;
    }

    /** True between {@link #start()} and {@link #close()}. */
    public synchronized boolean isRunning() {
        return started && !closed;
    }

    /** {@code http://host:port} ({@code https://} with {@link Builder#tls()}), the component's base URL. */
    public String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    /** True when it serves HTTPS ({@link Builder#tls()}). */
    public boolean isTls() {
        return tls;
    }

    /** The bearer key this emulator accepts. */
    public String apiKey() {
        return apiKey;
    }

    /** The port it listens on. */
    public int port() {
        requireStarted();
        return port;
    }

    /** The current time before a valid generation is answered. */
    public Duration latency() {
        return latency;
    }

    /** Changes the latency of generations that arrive from now on; works while running. */
    public void setLatency(Duration latency) {
        this.latency = checkLatency(latency);
    }

    /** The share of valid generations answered with a random {@link Fault} now, 0 to 1. */
    public double faultRate() {
        return faults.rate();
    }

    /**
     * Changes the share of valid generations, from the next one on, that get a random {@link Fault}; works while
     * running. The sequence of draws goes on where it was.
     */
    public void setFaultRate(double rate) {
        faults.setRate(rate);
    }

    /** The seed of the fault sequence: the configured one, or the one chosen at random when none was given. */
    public long faultSeed() {
        return faults.seed();
    }

    /** The faults drawn from, in declaration order. */
    public List<Fault> faults() {
        return faults.kinds();
    }

    /** The fault for the first attempt of each distinct request ({@link Builder#firstAttemptFault}); null when off. */
    public Fault firstAttemptFault() {
        return firstAttempts.kind();
    }

    /** Every {@code POST /v1/videos/generations} received, in arrival order (a copy). */
    public List<RecordedRequest> generationRequests() {
        return records.generations();
    }

    public int generationCount() {
        return records.generationCount();
    }

    /** Every contract violation found in any generation request received, flattened in arrival order. */
    public List<String> violations() {
        return records.violations();
    }

    /**
     * Every {@code GET /v1/models} received, in arrival order (a copy). They are never generations: they are not in
     * {@link #generationRequests()}, not judged, and get no fault.
     */
    public List<RecordedRequest> modelRequests() {
        return records.modelsRequests();
    }

    public int modelRequestCount() {
        return records.modelsRequestCount();
    }

    /** Every request for a video file, in arrival order (a copy). */
    public List<RecordedDownload> downloads() {
        return records.downloads();
    }

    /**
     * The size in bytes of every video served by a {@linkplain Builder#fixedClip() fixed-clip} emulator; see
     * {@link Builder#videoSize}.
     *
     * @throws IllegalStateException when videos are rendered for their requests, since their sizes differ: then
     *     {@link #videoSize(String)} gives one video's size
     */
    public long videoSize() {
        if (!fixedClip) {
            throw new IllegalStateException("This emulator renders each video for its request, so sizes differ from"
                    + " video to video: videoSize(url) gives one video's size, and fixedClip() one size for all");
        }
        return videoSize;
    }

    /**
     * The size in bytes of the video served at {@code videoUrl}, a URL this emulator answered a generation with: the
     * fixed clip's size, or the rendered video's, rendering it first when no download has yet (so this may take a
     * moment: call it from a test's thread, never from an event loop).
     *
     * @throws IllegalArgumentException when this emulator issued no video at that URL
     */
    public long videoSize(String videoUrl) {
        requireStarted();
        String path = URI.create(Objects.requireNonNull(videoUrl, "videoUrl")).getPath();
        String name = path == null || !path.startsWith(VideoEndpoint.PREFIX)
                ? ""
                : path.substring(VideoEndpoint.PREFIX.length());
        String id = name.endsWith(VideoEndpoint.SUFFIX)
                ? name.substring(0, name.length() - VideoEndpoint.SUFFIX.length())
                : null;
        if (id == null || !videos.isIssued(id)) {
            throw new IllegalArgumentException("This emulator issued no video at " + videoUrl);
        }
        return await(videos.video(id)).size();
    }

    /** True when every video is the one fixed clip ({@link Builder#fixedClip()}), false when each is rendered. */
    public boolean isFixedClip() {
        return fixedClip;
    }

    /**
     * Generation requests in flight now: each {@code POST /v1/videos/generations}, answered at once (400, 401) or
     * not, counts from its arrival until its answer is sent or its connection is dropped or closed.
     */
    public int generationsInFlight() {
        return generationGauge.inFlight();
    }

    /** The most generation requests that were in flight at once since start or the last {@link #reset()}. */
    public int maxConcurrentGenerations() {
        return generationGauge.max();
    }

    /**
     * Closes the next {@code count} TCP connections as soon as they are accepted, before any request is read, so their
     * requests never reach the emulator and nothing is recorded; calls add up. Only new connections count: a client
     * that reuses a kept-alive connection is not affected.
     */
    public void dropNextConnections(int count) {
        connectionDropper.dropNext(count);
    }

    /** How many connections {@link #dropNextConnections} has dropped since start or the last {@link #reset()}. */
    public int droppedConnections() {
        return connectionDropper.dropped();
    }

    /**
     * Breaks the next {@code count} GETs of an issued video: each is answered 200 with the full Content-Length, but the
     * connection closes after half the bytes. They are recorded as downloads with status 200; calls add up. HEAD
     * requests and unknown ids use none up.
     */
    public void breakNextDownloads(int count) {
        brokenDownloads.add(count);
    }

    /**
     * Whether video downloads announce their length (true, the default), or are sent chunked without a Content-Length,
     * as some CDNs send them; works while running and applies to downloads that start from now on.
     */
    public void setVideoLengthSent(boolean sent) {
        videoLengthSent = sent;
    }

    /**
     * Whether video downloads answer a {@code Range} request with 206 and its {@code Content-Range} (the default, as
     * CDNs do), or ignore it and send the whole video with 200 and {@code Accept-Ranges: none}, as some hosts do.
     */
    public void setRangesSupported(boolean supported) {
        rangesSupported = supported;
    }

    /** Breaks the next download at byte {@code offset} of the video (within the range it asked for), once. */
    public void breakNextDownloadAt(long offset) {
        breakAt.set(offset);
        brokenDownloads.add(1);
    }

    /**
     * Stalls the next {@code count} GETs of an issued video: each is answered 200 with the full Content-Length and half
     * the bytes, then nothing more, with the connection left open until the client closes it; calls add up. A break
     * pending ({@link #breakNextDownloads}) is used first; HEAD requests and unknown ids use none up.
     */
    public void stallNextDownloads(int count) {
        stalledDownloads.add(count);
    }

    /** GETs of issued videos whose response has not ended and whose connection is still open. */
    public int downloadsInFlight() {
        return downloadGauge.inFlight();
    }

    /**
     * Answers the next valid generation request with this instead of a video; several queue up in order. The request is
     * still recorded and judged, and an invalid or unauthorised one gets its 400 or 401 without using the queue.
     */
    public void enqueue(EmulatorResponse response) {
        records.enqueue(Objects.requireNonNull(response, "response"));
    }

    /**
     * Answers the next authorised {@code GET /v1/models} with this instead of the model list; several queue up in order,
     * apart from the generations' queue. A request with a wrong or missing key gets its 401 without using the queue.
     */
    public void enqueueModels(EmulatorResponse response) {
        records.enqueueModels(Objects.requireNonNull(response, "response"));
    }

    /**
     * Forgets all records, queued answers, pending connection drops, download breaks and stalls, sends video lengths
     * again, forgets the request bodies seen by
     * {@link Builder#firstAttemptFault} (each is faulted again on its next attempt), zeroes the maximum of
     * concurrent generations and the count of dropped connections, restores the configured latency and fault rate, and
     * starts the fault sequence again from its seed. Issued videos stay downloadable (a video issued with
     * {@link Fault#BROKEN_DOWNLOAD} still breaks once), and generations still in flight stay counted until they end.
     */
    public void reset() {
        records.clear();
        connectionDropper.reset();
        brokenDownloads.clear();
        stalledDownloads.clear();
        generationGauge.resetMax();
        latency = configuredLatency;
        videoLengthSent = true;
        rangesSupported = true;
        breakAt.set(-1);
        faults.reset();
        firstAttempts.reset();
    }

    /** Stops the server and Vert.x. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (vertx != null) {
            await(vertx.close());
            vertx = null;
            LOG.debug("Seedance emulator at {} stopped", baseUrl);
        }
    }

    @Override
    public String toString() {
        return "SeedanceEmulator[" + (baseUrl == null ? "not started" : baseUrl) + "]";
    }

    // tests only: the rendered videos' cache, null for a fixed clip or before start
    RenderedVideos renderedVideos() {
        return renderedVideos;
    }

    private void requireStarted() {
        if (baseUrl == null) {
            throw new IllegalStateException("The emulator is not started yet: call start()");
        }
    }

    private static Duration checkLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        return latency;
    }

    /** Configures an emulator; {@link #build()} may be called more than once, each time for a new emulator. */
    public static final class Builder {

        private String apiKey = "emulator-key";
        private Duration latency = Duration.ZERO;
        private String host = "127.0.0.1";
        private int port;
        private long videoSize = VideoLibrary.sampleSize();
        private boolean fixedClip;
        private RenderedVideos.Renderer renderer = new VideoRenderer();
        private double faultRate;
        private Long faultSeed;
        private Set<Fault> faults = EnumSet.allOf(Fault.class);
        private Fault firstAttemptFault;
        private boolean tls;

        private Builder() {}

        /** The bearer key accepted; default {@code emulator-key}. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** Time before a valid generation is answered; default zero. */
        public Builder latency(Duration latency) {
            this.latency = checkLatency(latency);
            return this;
        }

        /** The address to bind; default the loopback {@code 127.0.0.1}. */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /** The port to bind; default 0, a free port chosen by the system. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Serves one fixed clip for every generation instead of rendering a video for each request: the shipped sample
         * (5 s, 320x180, about 44 KB, no audio), whatever was asked for, at once and with no rendering work, as soak
         * tests, benchmarks and tests of exact bytes want. Default off: each video is rendered on its first download
         * to show its request, at the size its {@code resolution} and {@code aspect_ratio} name and for its
         * {@code seconds} (720p, 16:9 and 5 s where the request gives none), one frame a second, with audio only for
         * {@code generate_audio: true}; the README's "The videos it serves" has the details.
         */
        public Builder fixedClip() {
            this.fixedClip = true;
            return this;
        }

        /**
         * Serves the {@linkplain #fixedClip() fixed clip} (this option turns it on) at exactly this size in bytes;
         * default the shipped sample's size (about 44 KB), the minimum. A larger video is the sample followed by one MP4
         * {@code free} box (at least 8 bytes) padding it to exactly this size, so it still plays; it is streamed in 64 KiB
         * chunks with back-pressure, never held whole in memory, for tests of a client's memory use. Sizes beyond 4 GiB
         * use the box's 64-bit size form.
         */
        public Builder videoSize(long bytes) {
            PaddedVideo.check(VideoLibrary.sampleSize(), bytes);
            this.videoSize = bytes;
            this.fixedClip = true;
            return this;
        }

        // tests only: what renders the videos, to watch where and when it runs
        Builder renderer(RenderedVideos.Renderer renderer) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * The share of valid generations, 0 to 1, answered with a random {@link Fault} instead of a video; default 0,
         * none. Each valid generation with no {@linkplain SeedanceEmulator#enqueue scripted answer} queued gets one,
         * with this probability, drawn uniformly from {@link #faults}; requests answered 400 or 401 and scripted ones
         * get none and use up no draw. {@link RecordedRequest#fault()} tells which fault a request got.
         */
        public Builder faultRate(double rate) {
            this.faultRate = FaultInjector.checkRate(rate);
            return this;
        }

        /**
         * The seed of the random fault sequence, so a run can be reproduced: the n-th valid generation to arrive gets
         * the same fault for the same seed. Default a random seed, logged at start when faults are on.
         */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /** The faults {@link #faultRate} draws from, uniformly; default every {@link Fault}. */
        public Builder faults(Fault... kinds) {
            Objects.requireNonNull(kinds, "kinds");
            if (kinds.length == 0 || Arrays.asList(kinds).contains(null)) {
                throw new IllegalArgumentException("faults must name at least one Fault, and no null");
            }
            this.faults = EnumSet.copyOf(Arrays.asList(kinds));
            return this;
        }

        /**
         * Answers the first attempt of each distinct valid generation request with this fault, and every later one with
         * the same body normally, so that a client's retries are deterministic: N distinct requests, each retried once,
         * make exactly 2N POSTs. Requests are told apart by their exact body bytes. The fault is answered as a random
         * one would be ({@link Fault#RATE_LIMITED}: 429 with {@code Retry-After: 1}, at once) and recorded as
         * {@link RecordedRequest#fault()}. Requests answered 400 or 401 and scripted ones neither get it nor count as
         * seen; a faulted first attempt uses up no {@linkplain #faultRate random draw}; {@link SeedanceEmulator#reset()}
         * forgets the bodies seen. Default none.
         */
        public Builder firstAttemptFault(Fault kind) {
            this.firstAttemptFault = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Serves HTTPS instead of HTTP, with a self-signed certificate for {@code localhost}, {@code 127.0.0.1} and
         * {@code ::1} whose private key is public (tests only): {@code baseUrl()} and the video URLs handed out then start
         * with {@code https://}. A client trusts it with {@link EmulatorTls#trustingSslContext()}
         * or the trust store {@link EmulatorTls#TRUST_STORE_RESOURCE}.
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        public SeedanceEmulator build() {
            return new SeedanceEmulator(this);
        }
    }
}
