package io.github.camelseedance.examples.jmsqueue;

import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.SeedanceStoppedException;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.errorhandler.SpringTransactionErrorHandlerDefinition;

/**
 * The worker: one JMS transaction per request message, answering each request id once, with a result or a dead-letter
 * entry; anything else (a lost broker or database, a crash) rolls back and the broker redelivers. The README's "What
 * happens when" covers each case.
 */
public class GenerationWorkerRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "seedance-worker";
    /** Node id of the step that sends the result, for tests that make it fail. */
    public static final String SEND_RESULT_ID = "send-result";

    /** The generation step; the result message records the request it resolves. */
    static final String GENERATE_URI = "seedance:generate";

    /** Header on results and dead-letter entries: the request id. */
    public static final String REQUEST_ID = "SeedanceRequestId";
    /** Header on dead-letter entries: why the request failed, on one line. */
    public static final String FAILURE_REASON = "SeedanceFailureReason";
    /** Header on results and dead-letter entries: the worker that answered. */
    public static final String INSTANCE = "SeedanceInstance";

    static final String TRANSACTION_POLICY = WorkerConfiguration.TRANSACTION_POLICY;
    private static final String ENVELOPE = "SeedanceEnvelope";
    private static final String ORIGINAL_BODY = "SeedanceOriginalBody";
    private static final String SUBJECT = "SeedanceLogSubject";
    private static final String DEAD_LETTER = "direct:seedance-dead-letter";
    private static final String LOG_NAME = GenerationWorkerRoutes.class.getName();

    @Override
    public void configure() {
        // a rollback is this route's way of saying "later", logged below in one line; Camel's own line would be a WARN
        errorHandler(new SpringTransactionErrorHandlerDefinition()
                .transactedPolicyRef(TRANSACTION_POLICY)
                .rollbackLoggingLevel(LoggingLevel.DEBUG));

        onException(RequestInProgressException.class)
                .handled(false)
                .logExhausted(false)
                .bean(WorkerConfiguration.STATS, "deferred")
                .log(LoggingLevel.INFO, LOG_NAME, "${exception.message}");

        // transacted: the consumer's JMS session is committed only when the route completes, and rolled back when it
        // fails. transacted() makes Camel route each message on the consumer's thread, where the transaction lives,
        // also after the asynchronous seedance producer answers; without it the result would be sent from the
        // component's response thread, outside the transaction
        from("jms:queue:{{queue.requests}}?transacted=true"
                        + "&concurrentConsumers={{worker.concurrency}}&maxConcurrentConsumers={{worker.concurrency}}"
                        // the rollbacks are expected and logged by this route; Spring's listener would add a stack
                        // trace each
                        + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId(ROUTE_ID)
                .transacted(TRANSACTION_POLICY)
                .process(exchange -> exchange.setProperty(
                        ORIGINAL_BODY, exchange.getMessage().getBody(String.class)))
                .doTry()
                .process(GenerationWorkerRoutes::readEnvelope)
                .doCatch(InvalidEnvelopeException.class)
                .process(GenerationWorkerRoutes::setFailureReason)
                .to(DEAD_LETTER)
                .stop()
                .end()
                .bean(WorkerConfiguration.CLAIMS, "claim")
                .filter(exchangeProperty(RequestClaims.ALREADY_ANSWERED).isEqualTo(true))
                .bean(WorkerConfiguration.STATS, "duplicateDropped")
                .log("${header." + REQUEST_ID + "} was already answered: duplicate dropped")
                .stop()
                .end()
                .doTry()
                .bean(WorkerConfiguration.GENERATION, "savedResult")
                .choice()
                .when(body().isInstanceOf(ResultMessage.class))
                .bean(WorkerConfiguration.STATS, "reused")
                .log("${header." + REQUEST_ID + "}: sending the video saved by an earlier attempt, "
                        + "not generating it again")
                .otherwise()
                .log("Generating a video for ${header." + REQUEST_ID + "}")
                .to(GENERATE_URI)
                .bean(WorkerConfiguration.GENERATION, "saveResult")
                .bean(WorkerConfiguration.STATS, "generated")
                .end()
                .process(GenerationWorkerRoutes::resultMessage)
                .to("jms:queue:{{queue.results}}")
                .id(SEND_RESULT_ID)
                .log("${header." + REQUEST_ID + "} -> ${header." + SeedanceConstants.VIDEO_URL + "}")
                .endDoTry()
                .doCatch(InvalidVideoRequestException.class, SeedanceException.class)
                // a generation cut short by shutdown is no verdict on the request: roll back, so it is redelivered
                .onWhen(exchange ->
                        !(exchange.getProperty(Exchange.EXCEPTION_CAUGHT) instanceof SeedanceStoppedException))
                .process(GenerationWorkerRoutes::setFailureReason)
                .to(DEAD_LETTER)
                .end();

        // the original message text, so it can be fixed and sent again (under a new request id: this one is answered)
        from(DEAD_LETTER)
                .routeId("seedance-dead-letter")
                .transacted(TRANSACTION_POLICY)
                .bean(WorkerConfiguration.STATS, "deadLettered")
                .process(exchange -> exchange.setProperty(
                        SUBJECT,
                        exchange.getMessage().getHeader(REQUEST_ID) != null
                                ? exchange.getMessage().getHeader(REQUEST_ID)
                                : "A message without a usable request id"))
                .log(
                        LoggingLevel.WARN,
                        LOG_NAME,
                        "${exchangeProperty." + SUBJECT + "} failed, sent to the dead-letter " + "queue: ${header."
                                + FAILURE_REASON + "}")
                .process(exchange -> {
                    Object requestId = exchange.getMessage().getHeader(REQUEST_ID);
                    Object reason = exchange.getMessage().getHeader(FAILURE_REASON);
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader(REQUEST_ID, requestId);
                    exchange.getMessage().setHeader(FAILURE_REASON, reason);
                    exchange.getMessage().setHeader(INSTANCE, instance(exchange));
                    exchange.getMessage().setBody(exchange.getProperty(ORIGINAL_BODY, String.class));
                })
                .to("jms:queue:{{queue.dead-letter}}");
    }

    static void readEnvelope(Exchange exchange) {
        RequestEnvelope envelope = RequestEnvelope.parse(exchange.getProperty(ORIGINAL_BODY, String.class));
        exchange.setProperty(ENVELOPE, envelope);
        exchange.getMessage().setHeader(REQUEST_ID, envelope.requestId());
    }

    static void setFailureReason(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.getMessage().setHeader(FAILURE_REASON, Texts.oneLine(failure));
    }

    /** The body for the component: the envelope's request. */
    static VideoGenerationRequest videoRequest(Exchange exchange) {
        return exchange.getProperty(ENVELOPE, RequestEnvelope.class).videoRequest();
    }

    // only the headers the result queue documents, not whatever the request message carried
    static void resultMessage(Exchange exchange) {
        ResultMessage result = exchange.getMessage().getBody(ResultMessage.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(REQUEST_ID, result.requestId());
        exchange.getMessage().setHeader(INSTANCE, result.instance());
        exchange.getMessage().setHeader("JMSCorrelationID", result.requestId());
        exchange.getMessage().setHeader(SeedanceConstants.VIDEO_URL, result.videoUrl());
        exchange.getMessage().setBody(result.toJson());
    }

    static String instance(Exchange exchange) {
        return exchange.getContext().resolvePropertyPlaceholders("{{" + WorkerConfiguration.INSTANCE_PROPERTY + "}}");
    }
}
