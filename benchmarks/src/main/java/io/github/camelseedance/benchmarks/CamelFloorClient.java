package io.github.camelseedance.benchmarks;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Floor (c): floor (a) inside a Camel route, {@code direct:generate -> } an asynchronous processor that calls it and
 * completes the exchange with the URL, started as the route is. What it costs over floor (a) is Camel's own cost per
 * exchange, which any component pays; what the route costs over it is the component's.
 */
final class CamelFloorClient implements GenerationClient {

    private final SameLibraryClient floor;
    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final Endpoint route;

    CamelFloorClient(String baseUrl, byte[] body, int connections) throws Exception {
        floor = new SameLibraryClient(baseUrl, body, connections);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").process(new AsyncProcessorSupport() {
                    @Override
                    public boolean process(Exchange exchange, AsyncCallback callback) {
                        floor.generate().whenComplete((url, failure) -> {
                            if (failure != null) {
                                exchange.setException(failure);
                            } else {
                                exchange.getMessage().setBody(url);
                            }
                            callback.done(false);
                        });
                        return false;
                    }
                });
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        route = camel.getEndpoint("direct:generate");
    }

    @Override
    public CompletableFuture<String> generate() {
        return RouteClient.send(template, route);
    }

    @Override
    public void close() throws Exception {
        camel.close();
        floor.close();
    }
}
