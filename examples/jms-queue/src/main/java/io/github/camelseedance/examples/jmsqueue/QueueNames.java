package io.github.camelseedance.examples.jmsqueue;

import java.util.Objects;

import org.apache.camel.CamelContext;

/** The three queues of the example: requests in, results out, and failed requests with their reasons. */
public record QueueNames(String requests, String results, String deadLetter) {

    public static final QueueNames DEFAULT =
            new QueueNames("seedance.requests", "seedance.results", "seedance.dead-letter");

    public QueueNames {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(deadLetter, "deadLetter");
    }

    /** The names configured in application.properties (queue.requests, queue.results, queue.dead-letter). */
    public static QueueNames of(CamelContext context) {
        return new QueueNames(
                context.resolvePropertyPlaceholders("{{queue.requests}}"),
                context.resolvePropertyPlaceholders("{{queue.results}}"),
                context.resolvePropertyPlaceholders("{{queue.dead-letter}}"));
    }
}
