package io.github.camelseedance.examples.jmsqueue;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultMessageTest {

    @Test
    void isWrittenInTheDocumentedOrderAndReadBack() {
        ResultMessage result = new ResultMessage(
                "order-42",
                "https://cdn.example/v.mp4",
                "",
                "SIRAYA-Seedance-2.0",
                1760347750L,
                "worker-a",
                VideoGenerationRequest.builder()
                        .model("SIRAYA-Seedance-2.0")
                        .prompt("A paper boat")
                        .aspectRatio("9:16")
                        .build());

        String json = result.toJson();

        assertThat(json)
                .isEqualTo("{\"requestId\":\"order-42\",\"videoUrl\":\"https://cdn.example/v.mp4\","
                        + "\"revisedPrompt\":\"\",\"model\":\"SIRAYA-Seedance-2.0\",\"created\":1760347750,"
                        + "\"instance\":\"worker-a\",\"request\":{\"model\":\"SIRAYA-Seedance-2.0\","
                        + "\"prompt\":\"A paper boat\",\"aspect_ratio\":\"9:16\"}}");
        assertThat(ResultMessage.fromJson(json)).isEqualTo(result);
    }

    @Test
    void readersIgnoreFieldsAddedLater() {
        assertThat(ResultMessage.fromJson("{\"requestId\": \"a\", \"videoUrl\": \"u\", \"duration\": 5}")
                        .videoUrl())
                .isEqualTo("u");
        assertThatThrownBy(() -> ResultMessage.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResultSavedWithoutItsRequestIsReadWithNone() {
        assertThat(ResultMessage.fromJson("{\"requestId\": \"a\", \"videoUrl\": \"u\", \"model\": \"m\"}")
                        .request())
                .isNull();
    }
}
