package io.github.camelseedance;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.ForwardProxy;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key and the proxy's password never show: not in any log line with every logger at TRACE (the component's, and
 * HttpClient's headers and wire loggers among them), not in exception messages, not in what toString() and printed
 * URIs show; a key the provider echoes back is redacted from what the exception carries.
 */
class SeedanceSecretsTest extends SeedanceTestSupport {

    private static final String WRONG_KEY = "sk-wrong-key-7a6b5c4d3e2f";
    /** A key written into an endpoint URI, as plain text or in RAW(). */
    private static final String KEY = "sk-live-abcdef0123456789";

    private static final String PROXY_USER = "squid";
    private static final String PROXY_PASSWORD = "proxy-secret-1618033988";
    /** The proxy's credentials as they travel, in a Basic token: showing the token shows the password. */
    private static final String PROXY_TOKEN =
            Base64.getEncoder().encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate?retryDelay=10");
                from("direct:download").to("seedance:generate?download=true").convertBodyTo(byte[].class);
                from("direct:wrongKey").to("seedance:generate?apiKey=RAW(" + WRONG_KEY + ")");
            }
        };
    }

    @Test
    void noLogLineOrExceptionShowsTheCredentialsAcrossSuccessfulAndFailingRuns() throws Exception {
        List<String> shown = new ArrayList<>();
        List<String> lines;
        try (LogCapture log = new LogCapture(Level.TRACE)) {
            shown.add(run("direct:generate", "A fox in the snow"));
            shown.add(run("direct:download", "A fox in the snow"));
            shown.add(run("direct:wrongKey", "A fox in the snow"));
            SEEDANCE.enqueue(EmulatorResponse.error(
                    400, "Incorrect API key provided: " + API_KEY, "invalid_request_error", API_KEY, API_KEY));
            shown.add(run("direct:generate", "A fox in the snow"));
            SEEDANCE.enqueue(EmulatorResponse.raw(503, "text/html", "<h1>busy</h1> Bearer " + API_KEY));
            shown.add(run("direct:generate", "A fox in the snow"));
            SEEDANCE.enqueue(EmulatorResponse.dropConnection());
            shown.add(run("direct:generate", "A fox in the snow"));
            shown.add(run("direct:generate", null));
            shown.add(runAgainstClosedPort());
            try (ForwardProxy proxy = ForwardProxy.builder()
                    .credentials(PROXY_USER, PROXY_PASSWORD)
                    .build()
                    .start()) {
                shown.add(run(throughProxy("proxied", proxy, PROXY_PASSWORD), "A fox in the snow"));
                shown.add(run(throughProxy("misproxied", proxy, PROXY_PASSWORD + "-wrong"), "A fox in the snow"));
                assertThat(proxy.requests()).hasSize(3);
            }
            lines = log.lines();
            shown.addAll(lines);
        }
        // the loggers that would carry the credentials were live: each header line shows the name only
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("org.apache.hc.client5.http.headers")
                        .endsWith("Authorization: [hidden]"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("org.apache.hc.client5.http.headers")
                        .endsWith("Proxy-Authorization: [hidden]"));
        shown.add(VideoGenerationRequest.builder().prompt("A fox").build().toString());

        assertThat(shown).hasSizeGreaterThan(20);
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(API_KEY));
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(WRONG_KEY));
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(PROXY_PASSWORD));
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(PROXY_TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {KEY, "RAW(" + KEY + ")"})
    void endpointToStringSanitizedUriAndConfigurationHideTheCredentials(String apiKey) {
        Endpoint endpoint = context.getEndpoint("seedance:generate?apiKey=" + apiKey + "&resolution=720p"
                + "&proxyHost=127.0.0.1&proxyPort=3128&proxyAuthUsername=squid"
                + "&proxyAuthPassword=" + PROXY_PASSWORD);

        assertThat(endpoint.toString())
                .doesNotContain(KEY)
                .doesNotContain(PROXY_PASSWORD)
                .contains("seedance://generate");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri()))
                .doesNotContain(KEY)
                .doesNotContain(PROXY_PASSWORD)
                .contains("resolution=720p");
        assertThat(((SeedanceEndpoint) endpoint).getConfiguration().toString())
                .doesNotContain(KEY)
                .doesNotContain(PROXY_PASSWORD)
                .contains("<set>");
    }

    @Test
    void generatedUriFactoryKnowsTheCredentialsAreSecret() {
        assertThat(new SeedanceEndpointUriFactory().secretPropertyNames())
                .containsExactlyInAnyOrder("apiKey", "proxyAuthUsername", "proxyAuthPassword");
    }

    @Test
    void aKeyEchoedInTheProvidersErrorMessageIsRedacted() {
        SEEDANCE.enqueue(EmulatorResponse.error(
                401, "Incorrect API key provided: " + API_KEY, "authentication_error", null, "invalid_api_key"));

        assertThat(apiFailure().getErrorMessage()).doesNotContain(API_KEY).contains("[redacted]");
    }

    @Test
    void aKeyEchoedInTheErrorsOtherFieldsIsRedacted() {
        SEEDANCE.enqueue(EmulatorResponse.error(400, "bad", "key " + API_KEY, API_KEY, API_KEY));

        SeedanceApiException e = apiFailure();
        assertThat(e.getErrorType() + e.getParam() + e.getCode()).doesNotContain(API_KEY);
    }

    @Test
    void aKeyEchoedInASuccessBodyIsRedacted() {
        SEEDANCE.enqueue(EmulatorResponse.raw(200, "text/plain", "Authorization: Bearer " + API_KEY));

        assertThat(template.request("direct:generate", e -> e.getMessage().setBody("A fox"))
                        .getException()
                        .getMessage())
                .doesNotContain(API_KEY)
                .contains("[redacted]");
    }

    private SeedanceApiException apiFailure() {
        Exchange exchange =
                template.request("direct:generate", e -> e.getMessage().setBody("A fox"));
        assertThat(exchange.getException()).isInstanceOf(SeedanceApiException.class);
        return (SeedanceApiException) exchange.getException();
    }

    /**
     * A seedance component whose proxy credentials are set as a user sets them, on the component (in properties), not
     * written into an endpoint URI: Camel's own TRACE logging prints endpoint URIs and their parameters as written.
     */
    private String throughProxy(String scheme, ForwardProxy proxy, String password) {
        SeedanceComponent component = pointedAt(SEEDANCE, API_KEY);
        SeedanceConfiguration configuration = component.getConfiguration();
        configuration.setProxyHost("127.0.0.1");
        configuration.setProxyPort(proxy.port());
        configuration.setProxyAuthUsername(PROXY_USER);
        configuration.setProxyAuthPassword(password);
        context.addComponent(scheme, component);
        return scheme + ":generate?download=true";
    }

    /** What a user would see of one exchange: its exception's message and toString, with every cause. */
    private String run(String endpoint, String prompt) throws Exception {
        Exchange exchange = template.request(endpoint, e -> e.getMessage().setBody(prompt));
        if (exchange.getMessage().getBody() instanceof InputStream video) {
            try (video) {
                video.readAllBytes();
            }
        }
        StringBuilder seen = new StringBuilder();
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            seen.append(t.getMessage()).append(" | ").append(t).append(" | ");
        }
        return seen.toString();
    }

    private String runAgainstClosedPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:closed")
                        .to("seedance:generate?maxRetries=1&retryDelay=10&baseUrl=http://127.0.0.1:" + closedPort);
            }
        });
        return run("direct:closed", "A fox");
    }
}
