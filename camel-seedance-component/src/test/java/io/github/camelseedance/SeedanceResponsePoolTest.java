package io.github.camelseedance;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes continue on the thread pool the user supplies, which the component leaves running when it stops. */
class SeedanceResponsePoolTest extends SeedanceTestSupport {

    private static final ExecutorService USER_POOL =
            Executors.newFixedThreadPool(2, task -> new Thread(task, "user-response-pool"));

    @AfterAll
    static void shutDownThePool() {
        USER_POOL.shutdownNow();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("seedance", SeedanceComponent.class).setResponseExecutorService(USER_POOL);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate")
                        .to("seedance:generate")
                        .process(e -> e.getMessage()
                                .setHeader("continuedOn", Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void theRouteContinuesOnTheSuppliedPoolAndThePoolOutlivesTheComponent() throws Exception {
        Exchange exchange =
                template.request("direct:generate", e -> e.getMessage().setBody("Gulls over a pier"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("continuedOn")).isEqualTo("user-response-pool");

        context.stop();
        assertThat(USER_POOL.isShutdown()).isFalse();
    }
}
