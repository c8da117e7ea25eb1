package io.github.camelseedance;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelseedance.client.SeedanceClient;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends one generation per exchange and completes the exchange when the provider answers. Invalid input fails the
 * exchange before any call; every path completes the callback exactly once.
 */
public class SeedanceProducer extends DefaultAsyncProducer {

    public SeedanceProducer(SeedanceEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SeedanceEndpoint getEndpoint() {
        return (SeedanceEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> outcome;
        try {
            VideoGenerationRequest request = getEndpoint().getRequestResolver().resolve(exchange.getMessage()).toRequest();
            getEndpoint().getComponent().warnIfUnknownModel(request.getModel());
            SeedanceClient client = getEndpoint().getClient();
            outcome = client.generate(request).thenCompose(video -> deliver(client, exchange, video));
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        outcome.whenComplete((ignored, failure) -> {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<Void> deliver(SeedanceClient client, Exchange exchange, GeneratedVideo video) {
        Message message = exchange.getMessage();
        message.setHeader(SeedanceConstants.VIDEO_URL, video.url());
        message.setHeader(SeedanceConstants.REVISED_PROMPT, video.revisedPrompt());
        message.setHeader(SeedanceConstants.CREATED, video.created());
        message.setHeader(SeedanceConstants.MODEL_USED, video.model());
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
