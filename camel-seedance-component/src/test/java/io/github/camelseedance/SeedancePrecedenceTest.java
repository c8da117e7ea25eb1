package io.github.camelseedance;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.client.RequestFingerprint;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each step of: component option, then endpoint option, then body, then header. */
class SeedancePrecedenceTest extends SeedanceTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SeedanceConfiguration defaults =
                context.getComponent("seedance", SeedanceComponent.class).getConfiguration();
        defaults.setResolution("480p");
        defaults.setSeconds(5L);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:component").to("seedance:generate?prompt=From the option");
                from("direct:endpoint").to("seedance:generate?resolution=720p&prompt=From the option");
            }
        };
    }

    private JsonNode sent() {
        assertThat(SEEDANCE.violations()).isEmpty();
        assertThat(SEEDANCE.generationRequests()).hasSize(1);
        return SEEDANCE.generationRequests().get(0).json();
    }

    @Test
    void componentOptionsApplyToEveryEndpoint() {
        template.requestBody("direct:component", (Object) null);

        JsonNode json = sent();
        assertThat(json.get("resolution").asText()).isEqualTo("480p");
        assertThat(json.get("prompt").asText()).isEqualTo("From the option");
    }

    @Test
    void endpointOptionOverridesTheComponentOption() {
        template.requestBody("direct:endpoint", (Object) null);

        assertThat(sent().get("resolution").asText()).isEqualTo("720p");
    }

    @Test
    void textBodyOverridesThePromptOption() {
        template.requestBody("direct:endpoint", "From the body");

        assertThat(sent().get("prompt").asText()).isEqualTo("From the body");
    }

    @Test
    void typedBodyOverridesOptionsFieldByFieldAndKeepsTheRest() {
        template.requestBody(
                "direct:endpoint",
                VideoGenerationRequest.builder()
                        .prompt("Typed prompt")
                        .resolution("1080p")
                        .build());

        JsonNode json = sent();
        assertThat(json.get("prompt").asText()).isEqualTo("Typed prompt");
        assertThat(json.get("resolution").asText()).isEqualTo("1080p");
        assertThat(json.get("seconds").asInt()).as("from the component option").isEqualTo(5);
    }

    @Test
    void headerOverridesTheTypedBody() {
        template.requestBodyAndHeaders(
                "direct:endpoint",
                VideoGenerationRequest.builder()
                        .prompt("Typed prompt")
                        .resolution("1080p")
                        .seconds(5)
                        .build(),
                Map.of(SeedanceConstants.RESOLUTION, "480p", SeedanceConstants.SECONDS, "10"));

        JsonNode json = sent();
        assertThat(json.get("resolution").asText()).isEqualTo("480p");
        assertThat(json.get("seconds").asInt())
                .as("a header given as text is converted")
                .isEqualTo(10);
        assertThat(json.get("prompt").asText()).isEqualTo("Typed prompt");
    }

    @Test
    void promptHeaderOverridesATextBody() {
        template.requestBodyAndHeader("direct:endpoint", "From the body", SeedanceConstants.PROMPT, "From the header");

        assertThat(sent().get("prompt").asText()).isEqualTo("From the header");
    }

    @Test
    void modelHeaderOverridesTheModelOption() {
        template.requestBodyAndHeader("direct:endpoint", "Rain", SeedanceConstants.MODEL, "SIRAYA-Seedance-2.0-fast");

        assertThat(sent().get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0-fast");
    }

    @Test
    void frameHeadersReplaceTheBodysFrameImages() {
        template.requestBodyAndHeader(
                "direct:endpoint",
                VideoGenerationRequest.builder()
                        .prompt("Dawn")
                        .firstFrame("https://cdn.example/body.png")
                        .build(),
                SeedanceConstants.FIRST_FRAME_URL,
                "https://cdn.example/header.png");

        assertThat(sent().get("frame_images").get(0).get("url").asText()).isEqualTo("https://cdn.example/header.png");
    }

    @Test
    void theEndpointShowsTheRequestItWouldSendWithoutSendingIt() {
        SeedanceEndpoint endpoint =
                context.getEndpoint("seedance:generate?resolution=720p&prompt=From the option", SeedanceEndpoint.class);
        Exchange exchange = createExchangeWithBody("From the body");
        exchange.getMessage().setHeader(SeedanceConstants.SEED, 7L);

        VideoGenerationRequest request = endpoint.request(exchange.getMessage());

        assertThat(request.prompt()).isEqualTo("From the body");
        assertThat(request.resolution()).as("endpoint option").isEqualTo("720p");
        assertThat(request.seconds()).as("component option").isEqualTo(5);
        assertThat(request.seed()).as("header").isEqualTo(7L);
        assertThat(endpoint.requestFingerprint(exchange.getMessage())).isEqualTo(RequestFingerprint.of(request));
        assertThat(SEEDANCE.generationRequests()).isEmpty();

        exchange.getMessage().setHeader(SeedanceConstants.RESOLUTION, "4k");
        assertThatThrownBy(() -> endpoint.request(exchange.getMessage()))
                .hasMessageContaining("resolution")
                .hasMessageContaining("4k");
    }
}
