package io.github.camelseedance.examples.jmsqueue;

import java.util.Optional;

import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.SeedanceEndpoint;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps around the call to the API: look for a video an earlier attempt paid for, and save a new one. */
public final class GenerationSteps {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationSteps.class);
    /** Exchange property: the request the worker sends, as the seedance endpoint resolves it. */
    static final String SENT_REQUEST = "SeedanceSentRequest";

    private final ResultStore results;
    private final String instance;

    public GenerationSteps(ResultStore results, String instance) {
        this.results = results;
        this.instance = instance;
    }

    /**
     * Sets the body to the result saved by an earlier attempt at this request, when there is one, or else to the
     * request for the component (an {@link io.github.camelseedance.InvalidVideoRequestException} when it cannot be read,
     * or breaks the API contract: nothing is sent then).
     */
    public void savedResult(Exchange exchange) {
        String requestId = exchange.getMessage().getHeader(GenerationWorkerRoutes.REQUEST_ID, String.class);
        Optional<ResultMessage> saved = results.find(requestId);
        if (saved.isPresent()) {
            exchange.getMessage().setBody(saved.get());
        } else {
            exchange.getMessage().setBody(GenerationWorkerRoutes.videoRequest(exchange));
            // what the endpoint will send (the worker's defaults filled in), for the result message
            SeedanceEndpoint endpoint =
                    exchange.getContext().getEndpoint(GenerationWorkerRoutes.GENERATE_URI, SeedanceEndpoint.class);
            exchange.setProperty(SENT_REQUEST, endpoint.request(exchange.getMessage()));
        }
    }

    /**
     * Turns the component's answer into the result message and saves it before it is sent. Saving is insurance against
     * a rollback after the call; when the database cannot take it, the result is still sent.
     */
    public void saveResult(Exchange exchange) {
        Message message = exchange.getMessage();
        ResultMessage result = new ResultMessage(
                message.getHeader(GenerationWorkerRoutes.REQUEST_ID, String.class),
                message.getHeader(SeedanceConstants.VIDEO_URL, String.class),
                message.getHeader(SeedanceConstants.REVISED_PROMPT, String.class),
                message.getHeader(SeedanceConstants.REQUESTED_MODEL, String.class),
                message.getHeader(SeedanceConstants.CREATED, Long.class),
                instance,
                exchange.getProperty(SENT_REQUEST, VideoGenerationRequest.class));
        try {
            results.save(result);
        } catch (RuntimeException e) {
            LOG.warn(
                    "The result of {} could not be saved; sending it anyway: {}", result.requestId(), Texts.oneLine(e));
        }
        message.setBody(result);
    }
}
