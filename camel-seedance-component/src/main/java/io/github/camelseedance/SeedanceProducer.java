package io.github.camelseedance;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelseedance.client.SeedanceClient;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends one generation per exchange and completes the exchange when the provider answers. Invalid input fails the
 * exchange before any call; every path completes the callback exactly once, including a stop with generations in
 * flight or waiting for a permit.
 */
public class SeedanceProducer extends DefaultAsyncProducer {

    private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();
    private GenerationPermits permits;
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
        Integer cap = getEndpoint().getConfiguration().getMaxConcurrentRequests();
        permits = new GenerationPermits(cap == null ? GenerationPermits.UNLIMITED : cap);
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
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        VideoGenerationRequest request;
        try {
            request = getEndpoint()
                    .getRequestResolver()
                    .resolve(exchange.getMessage())
                    .toRequest();
            getEndpoint().getComponent().warnIfUnknownModel(request.model());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        permits.acquire(new Generation(exchange, request, callback));
        return false;
    }

    /**
     * Camel's graceful shutdown has already waited for in-flight exchanges when producers stop; what is left is failed
     * now rather than left hanging.
     */
    @Override
    protected void doStop() throws Exception {
        for (GenerationPermits.Waiting waiting : permits.drainWaiting()) {
            waiting.cancel(new SeedanceStoppedException(
                    "The seedance endpoint stopped before this generation was sent", false));
        }
        for (CompletableFuture<Void> outcome : inFlight) {
            outcome.completeExceptionally(new SeedanceStoppedException(
                    "The seedance endpoint stopped while this generation"
                            + " was in flight; the provider may still complete"
                            + " and bill it",
                    true));
        }
        super.doStop();
    }

    /** One exchange's generation, from the moment it has a permit until its callback is done. */
    private final class Generation implements GenerationPermits.Waiting {

        private final Exchange exchange;
        private final VideoGenerationRequest request;
        private final AsyncCallback callback;

        Generation(Exchange exchange, VideoGenerationRequest request, AsyncCallback callback) {
            this.exchange = exchange;
            this.request = request;
            this.callback = callback;
        }

        @Override
        public void start() {
            CompletableFuture<Void> outcome = send();
            inFlight.add(outcome);
            // answers complete on the HTTP client's I/O thread; the route goes on from the response pool
            outcome.whenCompleteAsync(
                    (ignored, failure) -> {
                        inFlight.remove(outcome);
                        permits.release();
                        if (failure != null) {
                            exchange.setException(
                                    failure instanceof CompletionException && failure.getCause() != null
                                            ? failure.getCause()
                                            : failure);
                        }
                        callback.done(false);
                    },
                    continuation);
        }

        private CompletableFuture<Void> send() {
            try {
                SeedanceClient client = getEndpoint().getClient();
                return client.generate(request).thenCompose(video -> deliver(client, exchange, video));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void cancel(Exception reason) {
            exchange.setException(reason);
            callback.done(false);
        }
    }

    private CompletableFuture<Void> deliver(SeedanceClient client, Exchange exchange, GeneratedVideo video) {
        Message message = exchange.getMessage();
        message.setHeader(SeedanceConstants.VIDEO_URL, video.url());
        message.setHeader(SeedanceConstants.REVISED_PROMPT, video.revisedPrompt());
        message.setHeader(SeedanceConstants.CREATED, video.created());
        message.setHeader(SeedanceConstants.REQUESTED_MODEL, video.requestedModel());
        if (!getEndpoint().getConfiguration().isDownload()) {
            message.setBody(video.url());
            return CompletableFuture.completedFuture(null);
        }
        return client.download(video.url()).thenAccept(content -> {
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
