package io.github.camelseedance;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelseedance.client.GenerationCall;
import io.github.camelseedance.client.RetryingSeedanceClient;
import io.github.camelseedance.client.video.VideoDownload;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends one generation per exchange and completes the exchange when the provider answers. Invalid input fails the
 * exchange before any call; every path completes the callback exactly once, including a stop with generations in
 * flight, waiting for a retry or for a permit.
 */
public class SeedanceProducer extends DefaultAsyncProducer {

    /** This producer's generations from the moment they ask for a permit until their exchange completes. */
    private final Set<Generation> generations = ConcurrentHashMap.newKeySet();
    /** This producer's downloads until their connection is done with them, which may be after their exchange. */
    private final Set<VideoDownload> downloads = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;
    private Executor continuation;

    public SeedanceProducer(SeedanceEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SeedanceEndpoint getEndpoint() {
        return (SeedanceEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ExecutorService responses = getEndpoint().getComponent().responseExecutor();
        continuation = task -> {
            try {
                responses.execute(task);
            } catch (RejectedExecutionException stopping) {
                // the component's pool is gone only when the context stops; the exchange still has to complete, and
                // not on the I/O thread that completed the call, where reading a downloaded video would wait for itself
                CompletableFuture.runAsync(task);
            }
        };
        stopping = false;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (getEndpoint().getOperation() == SeedanceOperation.download) {
            return download(exchange, callback);
        }
        VideoGenerationRequest request;
        try {
            request = getEndpoint()
                    .getRequestResolver()
                    .resolve(exchange.getMessage())
                    .toRequest();
            getEndpoint().getComponent().warnIfUnknownModel(request.model());
        } catch (Exception e) {
            getEndpoint().getStatistics().refused(e);
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        Generation generation = new Generation(exchange, request, callback);
        generations.add(generation);
        GenerationPermits permits = getEndpoint().getPermits();
        permits.acquire(generation);
        if (stopping) {
            // a stop running meanwhile may have looked at the queue before this generation joined it
            permits.withdraw(waiting -> waiting == generation).forEach(waiting -> waiting.cancel(stoppedBeforeSent()));
            generation.stop();
        }
        return false;
    }

    /**
     * Camel's graceful shutdown has already waited for in-flight exchanges when producers stop. What is left is failed
     * now, and nothing more is sent for it: retries waited for are cancelled, and downloads end, their streams failed
     * and their connections closed. A request already sent is left to end on its own and keeps its permit until then,
     * so the endpoint's cap still holds after a restart.
     */
    @Override
    protected void doStop() throws Exception {
        stopping = true;
        GenerationPermits permits = getEndpoint().getPermits();
        for (GenerationPermits.Waiting waiting : permits.withdraw(generations::contains)) {
            waiting.cancel(stoppedBeforeSent());
        }
        for (Generation generation : generations) {
            generation.stop();
        }
        for (VideoDownload download : downloads) {
            download.abort(stoppedDuringDownload(download.url()));
        }
        super.doStop();
    }

    private static SeedanceStoppedException stoppedBeforeSent() {
        return new SeedanceStoppedException("The seedance endpoint stopped before this generation was sent", false);
    }

    /** A stop during a download: the video is paid for, so the failure carries its URL for a later fetch. */
    private static SeedanceDownloadException stoppedDuringDownload(String url) {
        String message = "The seedance endpoint stopped while the video was being downloaded; the provider has made,"
                + " and billed, it: fetch it later with seedance:download, from the URL in the "
                + SeedanceConstants.VIDEO_URL + " header or SeedanceDownloadException.getVideoUrl()";
        return new SeedanceDownloadException(message, new SeedanceStoppedException(message, true), url, 0, false);
    }

    /** One exchange's generation, from the moment it asks for a permit until its callback is done. */
    private final class Generation implements GenerationPermits.Waiting, SeedanceStatistics.InFlight {

        private final Exchange exchange;
        private final VideoGenerationRequest request;
        private final AsyncCallback callback;
        private final GenerationCall call;
        private volatile long startedNanos;

        Generation(Exchange exchange, VideoGenerationRequest request, AsyncCallback callback) {
            this.call = new GenerationCall(exchange.getExchangeId());
            this.exchange = exchange;
            this.request = request;
            this.callback = callback;
        }

        @Override
        public void start() {
            // read once: the endpoint clears its client when it stops, and the download may start after that
            RetryingSeedanceClient client = getEndpoint().getClient();
            SeedanceStatistics statistics = getEndpoint().getStatistics();
            startedNanos = System.nanoTime();
            statistics.started(this);
            CompletableFuture<Void> outcome = call.outcome().thenCompose(video -> deliver(client, exchange, video));
            // the permit is held until the download has its head, and, after a stop, until the request sent has ended
            GenerationPermits permits = getEndpoint().getPermits();
            call.settled()
                    .runAfterBothAsync(
                            outcome.handle((done, failure) -> null),
                            () -> {
                                statistics.ended(this);
                                permits.release();
                            },
                            continuation);
            // answers complete on the HTTP client's I/O thread; the route goes on from the response pool
            outcome.whenCompleteAsync(
                    (ignored, failure) -> {
                        generations.remove(this);
                        Throwable cause = unwrap(failure);
                        statistics.completed(cause);
                        if (cause != null) {
                            exchange.setException(cause);
                        }
                        callback.done(false);
                    },
                    continuation);
            try {
                client.generate(request, call);
            } catch (RuntimeException e) {
                call.outcome().completeExceptionally(e);
                call.settled().complete(null);
            }
        }

        /** Sends nothing more for this exchange; what happens to it then is its call's to say. */
        void stop() {
            call.stop();
        }

        @Override
        public long startedNanos() {
            return startedNanos;
        }

        @Override
        public boolean isWaitingForRetry() {
            return call.isWaitingForRetry();
        }

        @Override
        public void cancel(Exception reason) {
            generations.remove(this);
            getEndpoint().getStatistics().completed(reason);
            exchange.setException(reason);
            callback.done(false);
        }
    }

    /** seedance:download: fetches a video already generated, from the URL in the header or the body. */
    private boolean download(Exchange exchange, AsyncCallback callback) {
        String url;
        try {
            url = videoUrl(exchange.getMessage());
        } catch (Exception e) {
            getEndpoint().getStatistics().refused(e);
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        exchange.getMessage().setHeader(SeedanceConstants.VIDEO_URL, url);
        fetch(getEndpoint().getClient(), exchange, url)
                .whenCompleteAsync(
                        (ignored, failure) -> {
                            Throwable cause = unwrap(failure);
                            getEndpoint().getStatistics().completed(cause);
                            if (cause != null) {
                                exchange.setException(cause);
                            }
                            callback.done(false);
                        },
                        continuation);
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** The URL seedance:download fetches: the CamelSeedanceVideoUrl header, else a text body. */
    private static String videoUrl(Message message) {
        Object raw = message.getHeader(SeedanceConstants.VIDEO_URL);
        if (raw == null && message.getBody() instanceof CharSequence body) {
            raw = body;
        }
        String url = raw instanceof CharSequence text ? text.toString().strip() : null;
        if (url == null || url.isEmpty()) {
            throw new InvalidVideoRequestException(
                    "videoUrl",
                    "Missing video URL: set the " + SeedanceConstants.VIDEO_URL
                            + " header, or send the URL as a String body");
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidVideoRequestException(
                "videoUrl",
                "Invalid video URL: expected an absolute http or https URL, such as the one seedance:generate"
                        + " puts in the " + SeedanceConstants.VIDEO_URL + " header");
    }

    private CompletableFuture<Void> deliver(RetryingSeedanceClient client, Exchange exchange, GeneratedVideo video) {
        Message message = exchange.getMessage();
        message.setHeader(SeedanceConstants.VIDEO_URL, video.url());
        message.setHeader(SeedanceConstants.REVISED_PROMPT, video.revisedPrompt());
        message.setHeader(SeedanceConstants.CREATED, video.created());
        message.setHeader(SeedanceConstants.REQUESTED_MODEL, video.requestedModel());
        if (!getEndpoint().getConfiguration().isDownload()) {
            message.setBody(video.url());
            return CompletableFuture.completedFuture(null);
        }
        return fetch(client, exchange, video.url());
    }

    /** Downloads the video into the body as a stream, once its head has arrived; a stop aborts it. */
    private CompletableFuture<Void> fetch(RetryingSeedanceClient client, Exchange exchange, String url) {
        Message message = exchange.getMessage();
        VideoDownload download = client.download(url);
        downloads.add(download);
        download.ended().whenComplete((ended, failure) -> {
            downloads.remove(download);
            getEndpoint().getStatistics().downloadEnded(download.resumptions());
        });
        if (stopping) {
            download.abort(stoppedDuringDownload(url));
        }
        // the body is set only while the head is handed over, before the exchange completes: an aborted download
        // fails the exchange instead
        return download.content().thenAccept(content -> {
            // Camel's stream caching would copy the whole video (into memory unless spooling is on) before the next
            // step; the video is a one-pass stream meant to be written once, so it passes through as it arrives.
            exchange.getExchangeExtension().setStreamCacheDisabled(true);
            message.setBody(content.stream());
            if (content.contentType() != null) {
                message.setHeader(Exchange.CONTENT_TYPE, content.contentType());
            }
            if (content.contentLength() >= 0) {
                message.setHeader(Exchange.CONTENT_LENGTH, content.contentLength());
            }
        });
    }
}
