package io.github.camelseedance.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camelseedance.SeedanceComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The component as a user runs it, {@code direct:generate -> seedance:generate} at its defaults, started by
 * {@code asyncSend} with threadedAsyncMode off: the caller's thread runs the route up to the asynchronous producer and
 * returns, so ten thousand starts add no thread and no queue that could refuse.
 */
final class RouteClient implements GenerationClient {

    static final String PROMPT = "A lighthouse at dusk, waves rolling in, slow dolly forward";

    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final Endpoint route;

    RouteClient(String baseUrl) throws Exception {
        camel.addComponent("seedance", component(baseUrl));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        route = camel.getEndpoint("direct:generate");
    }

    /** The component at its defaults, pointed at the emulator. */
    static SeedanceComponent component(String baseUrl) {
        SeedanceComponent seedance = new SeedanceComponent();
        seedance.getConfiguration().setApiKey(EmulatorProcess.API_KEY);
        seedance.getConfiguration().setBaseUrl(baseUrl);
        return seedance;
    }

    @Override
    public CompletableFuture<String> generate() {
        return send(template, route);
    }

    /** Starts one exchange with {@link #PROMPT} as its body; completes with the body it ends with, the video's URL. */
    static CompletableFuture<String> send(ProducerTemplate template, Endpoint route) {
        return template.asyncSend(route, exchange -> exchange.getMessage().setBody(PROMPT))
                .thenApply(exchange -> {
                    if (exchange.getException() != null) {
                        throw new CompletionException(exchange.getException());
                    }
                    return exchange.getMessage().getBody(String.class);
                });
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
