package io.github.camelseedance.emulator;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HopByHopHeadersTest {

    @Test
    void dropsHopByHopHeadersAndThoseConnectionNames() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "Upgrade, HTTP2-Settings")
                .add("Upgrade", "h2c")
                .add("HTTP2-Settings", "AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA")
                .add("Proxy-Authorization", "Basic dXNlcjpwYXNz")
                .add("Proxy-Connection", "keep-alive")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("Authorization", "Bearer key")
                .add("Content-Type", "application/json")
                .add("X-Trace", "1")
                .add("X-Trace", "2");

        MultiMap kept = HopByHopHeaders.endToEnd(headers);

        assertThat(kept.names()).containsExactlyInAnyOrder("Authorization", "Content-Type", "X-Trace");
        assertThat(kept.getAll("x-trace")).containsExactly("1", "2");
        assertThat(headers.contains("Proxy-Authorization"))
                .as("the original is left alone")
                .isTrue();
    }
}
