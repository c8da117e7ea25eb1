package io.github.camelseedance.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One generation per exchange. The producer is asynchronous: no thread waits while the provider spends minutes on a
 * video, and past {@code videos.max-concurrent} generations further ones wait their turn, holding no thread either.
 */
@Component
public class VideoRoutes extends RouteBuilder {

    static final String ROUTE_URI = "direct:videos";
    /** The endpoint the route sends to; the controller validates each request against the same one. */
    static final String GENERATE_URI = "seedance:generate?maxConcurrentRequests={{videos.max-concurrent}}";

    @Override
    public void configure() {
        // the failure stays on the exchange for VideoJobs, which logs one line for it
        onException(Exception.class).handled(false).logExhausted(false);

        from(ROUTE_URI).routeId("videos").to(GENERATE_URI);
    }
}
