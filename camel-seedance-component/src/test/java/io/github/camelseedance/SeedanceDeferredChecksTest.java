package io.github.camelseedance;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options that a header could still complete do not stop the route: they are checked per message, and a message whose
 * headers complete them is sent.
 */
class SeedanceDeferredChecksTest extends SeedanceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lastFrame").to("seedance:generate?lastFrameUrl=https://cdn.example/z.png");
                from("direct:blankModel").to("seedance:generate?model=");
                from("direct:references")
                        .to("seedance:generate?model=ByteDance-Seedance-1.5-pro"
                                + "&inputReferences=image:https://cdn.example/a.png");
            }
        };
    }

    private Exchange send(String route, Map<String, Object> headers) {
        return template.request(route, e -> {
            e.getMessage().setBody("A kite over the dunes");
            e.getMessage().setHeaders(Map.copyOf(headers));
        });
    }

    private static String refusedField(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(InvalidVideoRequestException.class);
        return ((InvalidVideoRequestException) exchange.getException()).getField();
    }

    @Test
    void aLastFrameOptionWaitsForAFirstFrameHeader() {
        assertThat(refusedField(send("direct:lastFrame", Map.of()))).isEqualTo("lastFrameUrl");
        assertThat(SEEDANCE.generationCount()).isZero();

        Exchange sent =
                send("direct:lastFrame", Map.of(SeedanceConstants.FIRST_FRAME_URL, "https://cdn.example/a.png"));

        assertThat(sent.getException()).isNull();
        JsonNode frames = SEEDANCE.generationRequests().get(0).json().get("frame_images");
        assertThat(frames.findValuesAsText("type")).containsExactly("first_frame", "last_frame");
    }

    @Test
    void aBlankModelOptionWaitsForAModelHeader() {
        assertThat(refusedField(send("direct:blankModel", Map.of()))).isEqualTo("model");

        Exchange sent = send("direct:blankModel", Map.of(SeedanceConstants.MODEL, "ByteDance-Seedance-1.0-pro"));

        assertThat(sent.getException()).isNull();
        assertThat(SEEDANCE.generationRequests().get(0).json().get("model").asText())
                .isEqualTo("ByteDance-Seedance-1.0-pro");
    }

    @Test
    void referencesWithA1xModelOptionWaitForA20ModelHeader() {
        assertThat(refusedField(send("direct:references", Map.of()))).isEqualTo("inputReferences");

        Exchange sent = send("direct:references", Map.of(SeedanceConstants.MODEL, "SIRAYA-Seedance-2.0"));

        assertThat(sent.getException()).isNull();
        assertThat(SEEDANCE.generationRequests().get(0).json().get("input_references"))
                .hasSize(1);
    }
}
