package io.github.camelseedance.examples.s3;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelseedance.SeedanceEndpoint;
import io.github.camelseedance.SeedanceOperation;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Demo mode's record of what each image's generation sent, as the route's seedance endpoint resolves it, by input key:
 * the gallery shows it. Watches sends to the endpoint, so the routes stay as they are.
 */
final class SentRequests extends EventNotifierSupport {

    /** The route's variable holding the image's key in the input bucket. */
    static final String INPUT_KEY = "inputKey";

    private final Map<String, VideoGenerationRequest> byInputKey = new ConcurrentHashMap<>();

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSendingEvent sending
                && sending.getEndpoint() instanceof SeedanceEndpoint seedance
                && seedance.getOperation() == SeedanceOperation.generate;
    }

    @Override
    public void notify(CamelEvent event) {
        ExchangeSendingEvent sending = (ExchangeSendingEvent) event;
        Exchange exchange = sending.getExchange();
        String inputKey = exchange.getVariable(INPUT_KEY, String.class);
        if (inputKey == null) {
            return;
        }
        try {
            byInputKey.put(inputKey, ((SeedanceEndpoint) sending.getEndpoint()).request(exchange.getMessage()));
        } catch (RuntimeException e) {
            // an invalid request: the endpoint refuses it next, nothing is sent, and the reason goes to error/
            byInputKey.remove(inputKey);
        }
    }

    /** The request the image's last generation sent, if it sent one in this run. */
    Optional<VideoGenerationRequest> of(String inputKey) {
        return Optional.ofNullable(byInputKey.get(inputKey));
    }
}
