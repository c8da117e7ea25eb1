package io.github.camelseedance;

import java.io.InputStream;

import io.github.camelseedance.emulator.ForwardProxy;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API call and the video download through an HTTP proxy that asks for Basic credentials, as enterprise networks
 * have them; hosts in nonProxyHosts are reached directly.
 */
class SeedanceProxyTest extends SeedanceTestSupport {

    private static final String PROXY_USER = "squid";
    private static final String PROXY_PASSWORD = "proxy-pw-2718281828";

    private ForwardProxy proxy;

    @BeforeEach
    void startProxy() {
        proxy = ForwardProxy.builder()
                .credentials(PROXY_USER, PROXY_PASSWORD)
                .build()
                .start();
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private String throughProxy(String password) {
        return "seedance:generate?download=true&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyAuthUsername="
                + PROXY_USER + "&proxyAuthPassword=RAW(" + password + ")";
    }

    @Test
    void theProxySeesTheApiCallAndTheDownload() throws Exception {
        Exchange exchange = template.request(
                throughProxy(PROXY_PASSWORD), e -> e.getMessage().setBody("A red kite"));

        assertThat(exchange.getException()).isNull();
        String videoUrl = exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class);
        try (InputStream video = exchange.getMessage().getBody(InputStream.class)) {
            assertThat((long) video.readAllBytes().length).isEqualTo(SEEDANCE.videoSize(videoUrl));
        }
        assertThat(proxy.requests())
                .containsExactly("POST " + SEEDANCE.baseUrl() + "/v1/videos/generations", "GET " + videoUrl);
        assertThat(proxy.authenticationRefusals()).isZero();
        // the proxy's credentials end at the proxy; the key goes to the API only
        assertThat(SEEDANCE.generationRequests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.header("Proxy-Authorization")).isNull());
        assertThat(SEEDANCE.downloads())
                .singleElement()
                .satisfies(download -> assertThat(download.authorization()).isNull());
    }

    @Test
    void wrongProxyCredentialsFailAtTheProxyWithoutRetryingAndNameTheOptions() {
        Exchange exchange = template.request(
                throughProxy("wrong") + "&maxRetries=3&retryDelay=10",
                e -> e.getMessage().setBody("A red kite"));

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceApiException.class)
                .hasMessageContaining("HTTP 407")
                .hasMessageContaining("proxyAuthUsername");
        assertThat(proxy.authenticationRefusals()).isEqualTo(1);
        assertThat(SEEDANCE.generationCount()).isZero();
    }

    @Test
    void hostsInNonProxyHostsAreReachedDirectly() {
        String url = template.requestBody(
                throughProxy(PROXY_PASSWORD).replace("download=true", "download=false")
                        + "&nonProxyHosts=localhost|127.*",
                "A red kite",
                String.class);

        assertThat(url).startsWith(SEEDANCE.baseUrl());
        assertThat(proxy.requests()).isEmpty();
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }
}
