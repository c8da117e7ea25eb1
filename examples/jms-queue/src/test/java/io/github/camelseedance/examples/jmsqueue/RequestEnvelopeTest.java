package io.github.camelseedance.examples.jmsqueue;

import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestEnvelopeTest {

    @Test
    void readsTheIdAndTheRequestInTheApiShape() {
        RequestEnvelope envelope = RequestEnvelope.parse("""
                {"requestId": "order-42",
                 "request": {"prompt": "A paper boat", "resolution": "720p", "aspect_ratio": "9:16", "seconds": 10,
                             "frame_images": [{"type": "first_frame", "url": "https://cdn.example/boat.png"}]}}
                """);

        assertThat(envelope.requestId()).isEqualTo("order-42");
        VideoGenerationRequest request = envelope.videoRequest();
        assertThat(request.prompt()).isEqualTo("A paper boat");
        assertThat(request.resolution()).isEqualTo("720p");
        assertThat(request.aspectRatio()).isEqualTo("9:16");
        assertThat(request.seconds()).isEqualTo(10);
        assertThat(request.frameImages()).hasSize(1);
    }

    @Test
    void rejectsMessagesWithoutAUsableId() {
        assertThatThrownBy(() -> RequestEnvelope.parse(""))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> RequestEnvelope.parse("{\"requestId\": "))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageStartingWith("The message is not JSON")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> RequestEnvelope.parse("[1, 2]"))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> RequestEnvelope.parse("{\"request\": {}}"))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("no requestId");
        assertThatThrownBy(() -> RequestEnvelope.parse("{\"requestId\": 42}"))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("no requestId");
        assertThatThrownBy(() -> RequestEnvelope.parse("{\"requestId\": \"  \"}"))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("no requestId");
        assertThatThrownBy(() -> RequestEnvelope.parse("{\"requestId\": \"" + "x".repeat(101) + "\"}"))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("longer than 100");
        assertThatThrownBy(() -> RequestEnvelope.parse("{\"requestId\": \"a\\nb\"}"))
                .isInstanceOf(InvalidEnvelopeException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void anUnreadableRequestIsAnInvalidRequestOfItsId() {
        assertThatThrownBy(() -> RequestEnvelope.parse("{\"requestId\": \"a\"}").videoRequest())
                .isInstanceOf(InvalidVideoRequestException.class)
                .hasMessageContaining("no request object");
        assertThatThrownBy(() -> RequestEnvelope.parse("{\"requestId\": \"a\", \"request\": \"text\"}")
                        .videoRequest())
                .isInstanceOf(InvalidVideoRequestException.class);
        assertThatThrownBy(() -> RequestEnvelope.parse(
                                "{\"requestId\": \"a\", \"request\": {\"prompt\": \"p\", \"resolutoin\": \"720p\"}}")
                        .videoRequest())
                .isInstanceOf(InvalidVideoRequestException.class)
                .hasMessageContaining("resolutoin")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> RequestEnvelope.parse(
                                "{\"requestId\": \"a\", \"request\": {\"prompt\": \"p\", \"seconds\": \"ten\"}}")
                        .videoRequest())
                .isInstanceOf(InvalidVideoRequestException.class);
    }

    @Test
    void writesWhatItReads() {
        String json = RequestEnvelope.toJson(
                "order-7",
                VideoGenerationRequest.builder()
                        .prompt("A fox")
                        .aspectRatio("1:1")
                        .build());

        assertThat(json).contains("\"aspect_ratio\":\"1:1\"").doesNotContain("null");
        RequestEnvelope envelope = RequestEnvelope.parse(json);
        assertThat(envelope.requestId()).isEqualTo("order-7");
        assertThat(envelope.videoRequest().aspectRatio()).isEqualTo("1:1");
    }
}
