package io.github.camelseedance;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes over the wire for a generation: its JSON fields and headers, as the emulator's contract judge reads them. */
class SeedanceWireFormatTest extends SeedanceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:minimal").to("seedance:generate");
                from("direct:full")
                        .to("seedance:generate?model=ByteDance-Seedance-1.0-pro&seconds=10&resolution=1080p"
                                + "&aspectRatio=9:16&negativePrompt=blur&seed=42&generateAudio=true"
                                + "&firstFrameUrl=https://cdn.example/first.png"
                                + "&lastFrameUrl=https://cdn.example/last.png");
                from("direct:references")
                        .to(
                                "seedance:generate?model=SIRAYA-Seedance-2.0-fast"
                                        + "&inputReferences=RAW(image:https://cdn.example/a.jpg,audio:https://cdn.example/b.mp3)");
                from("direct:image").to("seedance:generate?imageUrl=https://cdn.example/start.jpg");
                from("direct:referencesOption")
                        .to("seedance:generate?inputReferences=RAW(video:https://cdn.example/v.mp4)");
            }
        };
    }

    private RecordedRequest onlyRequest() {
        assertThat(SEEDANCE.violations())
                .as("contract violations the emulator found")
                .isEmpty();
        assertThat(SEEDANCE.generationRequests()).hasSize(1);
        return SEEDANCE.generationRequests().get(0);
    }

    @Test
    void sendsOnlyModelAndPromptWhenNothingElseIsSet() {
        template.requestBody("direct:minimal", "A shiba inu running on the beach");

        JsonNode json = onlyRequest().json();
        assertThat(json.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("model", "prompt");
        assertThat(json.get("model").asText()).isEqualTo("ByteDance-Seedance-1.5-pro");
        assertThat(json.get("prompt").asText()).isEqualTo("A shiba inu running on the beach");
    }

    @Test
    void sendsEveryOptionUnderItsSnakeCaseName() {
        template.requestBody("direct:full", "A lighthouse at dusk");

        JsonNode json = onlyRequest().json();
        assertThat(json.get("seconds").isInt()).isTrue();
        assertThat(json.get("seconds").asInt()).isEqualTo(10);
        assertThat(json.get("resolution").asText()).isEqualTo("1080p");
        assertThat(json.get("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(json.get("negative_prompt").asText()).isEqualTo("blur");
        assertThat(json.get("seed").isIntegralNumber()).isTrue();
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("generate_audio")).isEqualTo(BooleanNode.TRUE);
        assertThat(json.get("frame_images").toString())
                .isEqualTo("[{\"type\":\"first_frame\",\"url\":\"https://cdn.example/first.png\"},"
                        + "{\"type\":\"last_frame\",\"url\":\"https://cdn.example/last.png\"}]");
        assertThat(json.has("input_references")).isFalse();
        assertThat(json.has("image_url")).isFalse();
    }

    @Test
    void sendsCompactReferencesWithTheRoleDerivedFromTheType() {
        template.requestBody("direct:references", "A dancer in the rain");

        assertThat(onlyRequest().json().get("input_references").toString())
                .isEqualTo("[{\"type\":\"image\",\"url\":\"https://cdn.example/a.jpg\",\"role\":\"reference_image\"},"
                        + "{\"type\":\"audio\",\"url\":\"https://cdn.example/b.mp3\",\"role\":\"reference_audio\"}]");
    }

    @Test
    void sendsTypedReferencesFromTheHeader() {
        template.requestBodyAndHeaders(
                "direct:minimal",
                "A dancer",
                Map.of(
                        SeedanceConstants.MODEL,
                        "SIRAYA-Seedance-2.0",
                        SeedanceConstants.INPUT_REFERENCES,
                        List.of(InputReference.video("https://cdn.example/v.mp4"))));

        assertThat(onlyRequest().json().get("input_references").toString())
                .isEqualTo("[{\"type\":\"video\",\"url\":\"https://cdn.example/v.mp4\",\"role\":\"reference_video\"}]");
    }

    @Test
    void sendsReferencesFromAnOptionWhenTheModelHeaderPicksATwoPointZeroModel() {
        template.requestBodyAndHeader(
                "direct:referencesOption", "A dancer", SeedanceConstants.MODEL, "SIRAYA-Seedance-2.0");

        assertThat(onlyRequest()
                        .json()
                        .get("input_references")
                        .get(0)
                        .get("role")
                        .asText())
                .isEqualTo("reference_video");
    }

    @Test
    void acceptsHostNamesWithUnderscores() {
        template.requestBodyAndHeader(
                "direct:minimal", "Clouds", SeedanceConstants.IMAGE_URL, "https://my_cdn.example.com/a.png");

        assertThat(onlyRequest().json().get("image_url").asText()).isEqualTo("https://my_cdn.example.com/a.png");
    }

    @Test
    void sendsAKeyReadWithATrailingNewlineWithoutIt() {
        template.requestBody("seedance:generate?apiKey=RAW(" + API_KEY + "\n)", "Clouds");

        assertThat(onlyRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
    }

    @Test
    void sendsImageUrlForImageToVideo() {
        template.requestBody("direct:image", "The picture comes alive");

        assertThat(onlyRequest().json().get("image_url").asText()).isEqualTo("https://cdn.example/start.jpg");
    }

    @Test
    void neverSendsNullForFieldsATypedBodyLeavesUnset() {
        template.requestBody(
                "direct:minimal",
                VideoGenerationRequest.builder().prompt("Waves").seconds(5).build());

        RecordedRequest request = onlyRequest();
        assertThat(request.body()).doesNotContain("null");
        assertThat(request.json().properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("model", "prompt", "seconds");
    }

    @Test
    void sendsTheKeyAsBearerTokenWithJsonContentType() {
        template.requestBody("direct:minimal", "Clouds");

        RecordedRequest request = onlyRequest();
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.path()).isEqualTo("/v1/videos/generations");
    }

    /** An Expect: 100-continue would hold each POST back until the server answers 100; the body goes at once. */
    @Test
    void postsDoNotWaitForAHundredContinue() {
        template.requestBody("direct:minimal", "Clouds");

        assertThat(onlyRequest().header("Expect")).isNull();
    }
}
