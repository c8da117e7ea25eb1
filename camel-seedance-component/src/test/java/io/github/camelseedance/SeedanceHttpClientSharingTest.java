package io.github.camelseedance;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints share the component's HTTP clients, one per TLS, proxy and download-address setting whatever their other
 * options and timeouts, so an endpoint made per message (as toD makes them) starts no threads. A client's threads are
 * named SeedanceHttp; counting them is how a user sees how many clients run.
 */
class SeedanceHttpClientSharingTest extends SeedanceTestSupport {

    private static Set<Thread> httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("SeedanceHttp") && thread.isAlive())
                .collect(Collectors.toSet());
    }

    /** Threads started since {@code before}; threads of clients closed earlier only ever leave. */
    private static Set<Thread> startedSince(Set<Thread> before) {
        Set<Thread> started = httpClientThreads();
        started.removeAll(before);
        return started;
    }

    private String generateThrough(Endpoint endpoint) {
        return template.requestBody(endpoint, "A heron in reeds", String.class);
    }

    @Test
    void endpointsThatDifferInRequestOptionsOrTimeoutsShareOneClient() {
        Set<Thread> before = httpClientThreads();
        generateThrough(context.getEndpoint("seedance:generate?seconds=5"));
        Set<Thread> firstClient = startedSince(before);

        generateThrough(context.getEndpoint("seedance:generate?seconds=10&connectTimeout=5s"));
        generateThrough(context.getEndpoint("seedance:generate?requestTimeout=20m"));

        assertThat(firstClient).as("the first endpoint's client").isNotEmpty();
        assertThat(startedSince(before)).isEqualTo(firstClient);
        assertThat(SEEDANCE.generationCount()).isEqualTo(3);
    }

    /** The proxy is bypassed for loopback, so the calls reach the emulator, but its settings make another client. */
    @Test
    void anEndpointWithAnotherProxySettingGetsItsOwnClient() {
        Set<Thread> before = httpClientThreads();
        generateThrough(context.getEndpoint("seedance:generate"));
        Set<Thread> firstClient = startedSince(before);

        generateThrough(
                context.getEndpoint("seedance:generate?proxyHost=127.0.0.1&proxyPort=3128&nonProxyHosts=127.*"));

        assertThat(startedSince(before)).containsAll(firstClient).hasSizeGreaterThan(firstClient.size());
    }

    @Test
    void anEndpointThatStopsLeavesTheSharedClientToTheOthers() throws Exception {
        Endpoint first = context.getEndpoint("seedance:generate?seconds=5");
        Endpoint second = context.getEndpoint("seedance:generate?seconds=10");
        generateThrough(first);

        first.stop();

        assertThat(generateThrough(second)).startsWith(SEEDANCE.baseUrl());
        assertThat(SEEDANCE.generationRequests())
                .last()
                .satisfies(request ->
                        assertThat(request.json().get("seconds").asInt()).isEqualTo(10));
    }
}
