package io.github.camelseedance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import io.github.camelseedance.builder.SeedanceEndpointBuilderFactory.SeedanceBuilders;
import io.github.camelseedance.builder.SeedanceEndpointBuilderFactory.SeedanceEndpointBuilder;
import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelseedance.builder.SeedanceEndpointBuilderFactory.seedance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

/**
 * A route written with the type-safe builder gets the endpoint its string URI names, and the same behaviour: the same
 * request on the wire, the same video; a key set on the builder arrives unchanged and is never printed.
 */
class SeedanceEndpointBuilderTest extends SeedanceTestSupport {

    /** A key with characters an endpoint URI would change unless written in RAW(): it works only if sent as is. */
    static final String ODD_KEY = "sk-live/4fZq+Ab=9x&tail";

    @RegisterExtension
    static final SeedanceEmulatorExtension ODD =
            SeedanceEmulatorExtension.builder().apiKey(ODD_KEY).build();

    private static final String WRITTEN =
            "seedance:generate?model=SIRAYA-Seedance-2.0&seconds=10&resolution=720p&aspectRatio=9:16&generateAudio=false";

    private static SeedanceEndpointBuilder built() {
        return seedance("generate")
                .model("SIRAYA-Seedance-2.0")
                .seconds(10)
                .resolution("720p")
                .aspectRatio("9:16")
                .generateAudio("false");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the key is set per endpoint, on the builder or in the URI
        context.addComponent("odd", pointedAt(ODD, null));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:built").to(built());
                from("direct:written").to(WRITTEN);
                from("direct:builtDownload")
                        .to(seedance("generate").download(true))
                        .convertBodyTo(byte[].class);
                from("direct:writtenDownload")
                        .to("seedance:generate?download=true")
                        .convertBodyTo(byte[].class);
                from("direct:oddBuilt")
                        .routeId("oddBuilt")
                        .to(seedance("odd", "generate").apiKey(ODD_KEY));
                from("direct:oddWritten").to("odd:generate?apiKey=RAW(" + ODD_KEY + ")");
            }
        };
    }

    @Test
    void theBuiltEndpointIsTheOneItsStringUriNames() {
        Endpoint fromBuilder = built().resolve(context);
        Endpoint fromUri = context.getEndpoint(WRITTEN);

        assertThat(fromBuilder).isSameAs(fromUri);
        assertThat(fromBuilder.getEndpointUri())
                .isEqualTo("seedance://generate?aspectRatio=9%3A16&generateAudio=false&model=SIRAYA-Seedance-2.0"
                        + "&resolution=720p&seconds=10");
        SeedanceConfiguration configuration = ((SeedanceEndpoint) fromBuilder).getConfiguration();
        assertThat(configuration.getSeconds()).isEqualTo(10L);
        assertThat(configuration.getModel()).isEqualTo("SIRAYA-Seedance-2.0");
    }

    @Test
    void aGenerationThroughTheBuilderSendsWhatTheStringUriSends() {
        Exchange viaBuilder =
                template.request("direct:built", e -> e.getMessage().setBody("A fox in the snow"));
        Exchange viaUri = template.request("direct:written", e -> e.getMessage().setBody("A fox in the snow"));

        assertThat(viaBuilder.getException()).isNull();
        assertThat(viaUri.getException()).isNull();
        assertThat(viaBuilder.getMessage().getBody(String.class)).startsWith(SEEDANCE.baseUrl());
        assertThat(viaBuilder.getMessage().getHeader(SeedanceConstants.VIDEO_URL))
                .isEqualTo(viaBuilder.getMessage().getBody());
        List<RecordedRequest> requests = SEEDANCE.generationRequests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).json()).isEqualTo(requests.get(1).json());
        assertThat(requests.get(0).json().get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0");
        assertThat(requests.get(0).json().get("seconds").asLong()).isEqualTo(10);
        assertThat(requests.get(0).json().get("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(SEEDANCE.violations()).isEmpty();
    }

    @Test
    void downloadTrueGivesTheVideoItselfAsTheStringUriDoes() {
        byte[] viaBuilder = template.requestBody("direct:builtDownload", "A fox", byte[].class);
        byte[] viaUri = template.requestBody("direct:writtenDownload", "A fox", byte[].class);

        assertThat(viaBuilder).isNotEmpty().isEqualTo(viaUri);
        assertThat(SEEDANCE.generationRequests()).hasSize(2);
    }

    @Test
    void theTypedAndTheTextOverloadsMakeTheSameEndpoint() {
        Endpoint typed = seedance("generate").seconds(10L).download(true).resolve(context);

        assertThat(seedance("generate").seconds("10").download("true").resolve(context))
                .isSameAs(typed);
        assertThat(seedance("generate").seconds(Long.valueOf(10)).download(true).resolve(context))
                .isSameAs(typed);
        assertThat(context.getEndpoint("seedance:generate?seconds=10&download=true"))
                .isSameAs(typed);
        SeedanceConfiguration advanced = seedance("generate")
                .advanced()
                .connectTimeout("5s")
                .maxVideoSize(1024L)
                .basic()
                .resolve(context, SeedanceEndpoint.class)
                .getConfiguration();
        assertThat(advanced.getConnectTimeout()).isEqualTo(5000L);
        assertThat(advanced.getMaxVideoSize()).isEqualTo(1024L);
    }

    @Test
    void theOperationConstantNamesThePath() {
        SeedanceEndpoint endpoint = seedance(SeedanceOperation.download).resolve(context, SeedanceEndpoint.class);

        assertThat(endpoint.getOperation()).isEqualTo(SeedanceOperation.download);
        assertThat(endpoint).isSameAs(context.getEndpoint("seedance:download"));
    }

    @Test
    void aRouteBuilderMixingInTheEntriesHasThemAsItsOwnMethods() throws Exception {
        context.addRoutes(new MixedInRoutes());

        Exchange exchange =
                template.request("direct:mixedIn", e -> e.getMessage().setBody("A fox"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("videoUrlHeader")).isEqualTo(SeedanceConstants.VIDEO_URL);
        assertThat(SEEDANCE.generationRequests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.json().get("seconds").asLong()).isEqualTo(5));
    }

    @Test
    void aKeySetOnTheBuilderArrivesAsIsAndNamesTheEndpointOfTheKeyInRaw() {
        Exchange viaBuilder =
                template.request("direct:oddBuilt", e -> e.getMessage().setBody("A fox"));
        Exchange viaUri =
                template.request("direct:oddWritten", e -> e.getMessage().setBody("A fox"));

        // the emulator answers 401 to any other key
        assertThat(viaBuilder.getException()).isNull();
        assertThat(viaUri.getException()).isNull();
        assertThat(ODD.generationRequests())
                .extracting(request -> request.header("Authorization"))
                .containsExactly("Bearer " + ODD_KEY, "Bearer " + ODD_KEY);
        SeedanceEndpointBuilder builder = seedance("odd", "generate").apiKey(ODD_KEY);
        assertThat(builder.getRawUri()).isEqualTo("odd://generate?apiKey=RAW(" + ODD_KEY + ")");
        assertThat(builder.resolve(context)).isSameAs(context.getEndpoint("odd:generate?apiKey=RAW(" + ODD_KEY + ")"));
    }

    @Test
    void noPrintedFormOfTheBuilderItsEndpointOrItsRouteShowsTheKey() throws Exception {
        List<String> shown = new ArrayList<>();
        try (LogCapture log = new LogCapture(Level.DEBUG)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // an endpoint of its own, so that its creation is logged too
                    from("direct:printed").routeId("printed").to(printed());
                }
            });
            template.requestBody("direct:printed", "A fox");
            shown.addAll(log.lines());
        }
        SeedanceEndpointBuilder builder = printed();
        Endpoint endpoint = builder.resolve(context);
        ToDefinition step = (ToDefinition) context.getCamelContextExtension()
                .getContextPlugin(Model.class)
                .getRouteDefinition("printed")
                .getOutputs()
                .get(0);
        shown.add(builder.toString());
        shown.add(endpoint.toString());
        shown.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
        shown.add(step.getLabel());
        shown.add(step.toString());

        assertThat(ODD.generationRequests()).hasSize(1);
        assertThat(shown).hasSizeGreaterThan(5);
        assertThat(builder.toString()).startsWith("odd://generate?apiKey=");
        assertThat(shown).noneSatisfy(text -> assertThat(text).contains(ODD_KEY));
        assertThat(shown)
                .noneSatisfy(text -> assertThat(text).contains(URLEncoder.encode(ODD_KEY, StandardCharsets.UTF_8)));
    }

    private static SeedanceEndpointBuilder printed() {
        return seedance("odd", "generate").apiKey(ODD_KEY).resolution("480p");
    }

    /** A literal key on a builder is judged as one written into a URI, by the route's text. */
    @Test
    void underTheFailSecretPolicyALiteralKeyStopsTheStartWithoutShowingIt() throws Exception {
        try (CamelContext other = withFailPolicy(seedance("generate").apiKey(ODD_KEY))) {
            Exception failure = catchException(other::start);

            assertThat(failure).isNotNull();
            assertThat(messagesOf(failure))
                    .contains("The apiKey option is written as plain text into the seedance endpoint URI")
                    .doesNotContain(ODD_KEY);
        }
    }

    @Test
    void placeholdersPassTheFailSecretPolicyAndAreResolvedForTheEndpoint() throws Exception {
        try (CamelContext other = withFailPolicy(
                seedance("generate").apiKey("{{seedance.api-key}}").model("{{video.model}}"))) {
            other.start();

            SeedanceConfiguration configuration = other.getEndpoints().stream()
                    .filter(SeedanceEndpoint.class::isInstance)
                    .map(endpoint -> ((SeedanceEndpoint) endpoint).getConfiguration())
                    .findFirst()
                    .orElseThrow();
            assertThat(configuration.getApiKey()).isEqualTo(ODD_KEY);
            assertThat(configuration.getModel()).isEqualTo("SIRAYA-Seedance-2.0");
        }
    }

    /** A context, not started, with one route to {@code endpoint} under secretPolicy=fail. */
    private static CamelContext withFailPolicy(SeedanceEndpointBuilder endpoint) throws Exception {
        CamelContext other = new DefaultCamelContext();
        other.getPropertiesComponent().addInitialProperty("camel.security.secretPolicy", "fail");
        other.getPropertiesComponent().addInitialProperty("seedance.api-key", ODD_KEY);
        other.getPropertiesComponent().addInitialProperty("video.model", "SIRAYA-Seedance-2.0");
        // nothing listens there and nothing is sent: only the start is judged
        SeedanceComponent component = pointedAt(ODD, null);
        component.getConfiguration().setBaseUrl("http://127.0.0.1:9");
        other.addComponent("seedance", component);
        other.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:judged").routeId("judged").to(endpoint).id("generate");
            }
        });
        return other;
    }

    private static String messagesOf(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    /** As a route builder extending Camel's EndpointRouteBuilder: seedance(...) is inherited, not imported. */
    private static final class MixedInRoutes extends RouteBuilder implements SeedanceBuilders {
        @Override
        public void configure() {
            from("direct:mixedIn")
                    .to(seedance("generate").seconds(5))
                    .setHeader("videoUrlHeader", constant(seedance().seedanceVideoUrl()));
        }
    }
}
