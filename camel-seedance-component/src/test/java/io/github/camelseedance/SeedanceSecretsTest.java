package io.github.camelseedance;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.ForwardProxy;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key and the proxy's password never show: not in any log line with every logger at TRACE (the component's, and
 * HttpClient's headers and wire loggers among them), not in exception messages, not in what toString() and printed
 * URIs show; a key the provider echoes back is redacted from what the exception carries, however it is encoded, and a
 * success is delivered as sent.
 */
class SeedanceSecretsTest extends SeedanceTestSupport {

    /** A key with the characters JSON and URLs escape: {@code \/} and {@code %2F} can both carry it. */
    static final String SLASHED_KEY = "sk-live/4fZq+Ab=9x/tail";

    @RegisterExtension
    static final SeedanceEmulatorExtension SLASHED =
            SeedanceEmulatorExtension.builder().apiKey(SLASHED_KEY).build();

    private static final String WRONG_KEY = "sk-wrong-key-7a6b5c4d3e2f";
    /** A key written into an endpoint URI, as plain text or in RAW(). */
    private static final String KEY = "sk-live-abcdef0123456789";

    private static final String PROXY_USER = "squid";
    private static final String PROXY_PASSWORD = "proxy-secret-1618033988";
    /** The proxy's credentials as they travel, in a Basic token: showing the token shows the password. */
    private static final String PROXY_TOKEN =
            Base64.getEncoder().encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("slashed", pointedAt(SLASHED, SLASHED_KEY));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate?retryDelay=10");
                from("direct:download").to("seedance:generate?download=true").convertBodyTo(byte[].class);
                from("direct:wrongKey").to("seedance:generate?apiKey=RAW(" + WRONG_KEY + ")");
                from("direct:slashed").to("slashed:generate");
                from("direct:slashedDownload").to("slashed:generate?download=true");
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
            SLASHED.enqueue(EmulatorResponse.json(401, errorEchoing(SLASHED_KEY)));
            shown.add(run("direct:slashed", "A fox in the snow"));
            SLASHED.enqueue(EmulatorResponse.raw(403, "text/html", pageEchoing(SLASHED_KEY)));
            shown.add(run("direct:slashed", "A fox in the snow"));
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
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(SLASHED_KEY));
        for (String form : encodingsOf(SLASHED_KEY)) {
            assertThat(shown).noneSatisfy(text -> assertThat(text).contains(form));
        }
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

    @Test
    void aKeyEchoedInJsonEscapesIsRedactedFromTheMessageAndEveryField() {
        SLASHED.enqueue(EmulatorResponse.json(401, errorEchoing(SLASHED_KEY)));

        SeedanceApiException e = apiFailure("direct:slashed");

        // message, type, param and code each carry the key once, each written another way
        assertThat(e.getErrorMessage()).isEqualTo("Incorrect API key provided: [redacted], and again [redacted]");
        assertThat(e.getErrorType()).isEqualTo("key [redacted]");
        assertThat(e.getParam()).isEqualTo("[redacted]");
        assertThat(e.getCode()).isEqualTo("[redacted]");
        assertThat(e.getMessage()).doesNotContain(SLASHED_KEY).contains("[redacted]");
        assertThat(countOf("[redacted]", e.getMessage())).isEqualTo(5);
        assertThat(e.toString()).doesNotContain(SLASHED_KEY);
        for (String form : encodingsOf(SLASHED_KEY)) {
            assertThat(e.getMessage() + e.getErrorMessage() + e.getErrorType() + e.getParam() + e.getCode())
                    .doesNotContain(form);
        }
    }

    @Test
    void aKeyEchoedPercentEncodedOrAsHtmlReferencesInAPageIsRedacted() {
        SLASHED.enqueue(EmulatorResponse.raw(403, "text/html", pageEchoing(SLASHED_KEY)));

        SeedanceApiException e = apiFailure("direct:slashed");

        assertThat(e.getErrorMessage()).startsWith("non-JSON response");
        assertThat(countOf("[redacted]", e.getErrorMessage()))
                .isEqualTo(encodingsOf(SLASHED_KEY).size());
        for (String form : encodingsOf(SLASHED_KEY)) {
            assertThat(e.getMessage()).doesNotContain(form);
        }
    }

    /** The URL carries the key as is, the revised prompt in JSON escapes: both arrive as the provider meant them. */
    @Test
    void aSuccessIsDeliveredAsSentEvenWhereItHoldsTheKeysCharacters() {
        String url = SLASHED.baseUrl() + "/cdn/" + SLASHED_KEY + ".mp4";
        String revised = "A fox reading the sign '" + SLASHED_KEY + "'";
        SLASHED.enqueue(EmulatorResponse.json(
                200,
                "{\"data\":[{\"url\":\"" + url + "\",\"revised_prompt\":\"" + unicodeEscaped(revised)
                        + "\"}],\"created\":1760347750}"));

        Exchange exchange =
                template.request("direct:slashed", e -> e.getMessage().setBody("A fox"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(url);
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL)).isEqualTo(url);
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.REVISED_PROMPT))
                .isEqualTo(revised);
    }

    @Test
    void aVideoUrlHoldingTheKeyIsRedactedWhereItsDownloadFails() {
        SLASHED.enqueue(EmulatorResponse.json(
                200,
                "{\"data\":[{\"url\":\"" + SLASHED.baseUrl() + "/videos/" + SLASHED_KEY.replace("/", "%2F")
                        + ".mp4\"}],\"created\":1760347750}"));

        Exception failure = template.request(
                        "direct:slashedDownload", e -> e.getMessage().setBody("A fox"))
                .getException();

        assertThat(failure).isInstanceOf(SeedanceException.class).hasMessageContaining("HTTP 404");
        assertThat(failure.getMessage()).contains("/videos/[redacted].mp4").doesNotContain("4fZq+Ab=9x");
    }

    /**
     * The provider's error object with the key in each field, escaped as JSON allows: every character as
     * a JSON unicode escape (lower and upper case hex), only the slashes as {@code \/}, and a mix of both.
     */
    static String errorEchoing(String key) {
        String slashes = key.replace("/", "\\/");
        String mixed = unicodeEscaped(key.substring(0, 6)) + key.substring(6).replace("/", "\\/");
        return "{\"error\":{\"message\":\"Incorrect API key provided: " + unicodeEscaped(key) + ", and again "
                + slashes + "\",\"type\":\"key " + mixed + "\",\"param\":\""
                + unicodeEscaped(key).toUpperCase().replace("\\U", "\\u")
                + "\",\"code\":\"" + key + "\"}}";
    }

    /** An HTML error page echoing the key in each of {@link #encodingsOf}. */
    static String pageEchoing(String key) {
        return "<html><body><h1>Forbidden</h1>" + String.join(" <br> ", encodingsOf(key)) + "</body></html>";
    }

    /** The key percent-encoded (in part and in full, upper and lower case) and as HTML references. */
    static List<String> encodingsOf(String key) {
        StringBuilder fullUpper = new StringBuilder();
        StringBuilder fullLower = new StringBuilder();
        StringBuilder decimal = new StringBuilder();
        StringBuilder hex = new StringBuilder();
        for (char c : key.toCharArray()) {
            fullUpper.append(String.format("%%%02X", (int) c));
            fullLower.append(String.format("%%%02x", (int) c));
            decimal.append("&#").append((int) c).append(';');
            hex.append("&#x").append(Integer.toHexString(c)).append(';');
        }
        String partial = URLEncoder.encode(key, StandardCharsets.UTF_8);
        return List.of(partial, fullUpper.toString(), fullLower.toString(), decimal.toString(), hex.toString());
    }

    static String unicodeEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(String.format("\\u%04x", (int) c));
        }
        return escaped.toString();
    }

    private static int countOf(String part, String text) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private SeedanceApiException apiFailure() {
        return apiFailure("direct:generate");
    }

    private SeedanceApiException apiFailure(String route) {
        Exchange exchange = template.request(route, e -> e.getMessage().setBody("A fox"));
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
