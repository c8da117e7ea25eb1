package io.github.camelseedance.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A video that cannot be rendered is still answered: a GET and a HEAD of it get a 500 naming the failure, never
 * silence. The client's timeout, not a clock in the test, is what a download left unanswered would run into.
 */
class RenderFailureTest {

    @Test
    void aRenderThatFailsIsAnswered500ToGetAndHead() throws Exception {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .renderer((spec, first, last) -> {
                    throw new IllegalStateException("the renderer broke");
                })
                .build()
                .start()) {
            TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());
            String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();

            HttpResponse<byte[]> get = client.download(url, null);
            HttpResponse<Void> head = client.head(url);

            assertThat(get.statusCode()).isEqualTo(500);
            assertThat(new String(get.body(), StandardCharsets.UTF_8))
                    .contains("render_failed")
                    .contains("the renderer broke");
            assertThat(head.statusCode()).isEqualTo(500);
            assertThat(emulator.renderedVideos().renders())
                    .as("a failed render is not kept")
                    .isEqualTo(2);
        }
    }
}
