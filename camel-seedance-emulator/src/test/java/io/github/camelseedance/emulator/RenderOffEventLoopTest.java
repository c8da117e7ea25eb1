package io.github.camelseedance.emulator;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Context;
import org.junit.jupiter.api.Test;

import static io.github.camelseedance.emulator.TestClient.VALID_BODY;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendering runs on the emulator's render workers, never on its event loop: while a render is stuck, the emulator goes
 * on answering generations, model lists and other downloads, and the stuck download completes once the render does.
 */
class RenderOffEventLoopTest {

    @Test
    void aRenderThatBlocksDoesNotStopTheEmulatorFromAnswering() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> renderThread = new AtomicReference<>();
        AtomicReference<Boolean> onEventLoop = new AtomicReference<>();
        VideoRenderer real = new VideoRenderer();
        try (SeedanceEmulator emulator = SeedanceEmulator.builder()
                .renderer((spec, first, last) -> {
                    renderThread.set(Thread.currentThread().getName());
                    onEventLoop.set(Context.isOnEventLoopThread());
                    rendering.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    return real.render(spec, first, last);
                })
                .build()
                .start()) {
            TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());
            String url = json(client.generate(VALID_BODY)).at("/data/0/url").asText();

            CompletableFuture<HttpResponse<byte[]>> stuck =
                    client.http().sendAsync(client.getRequest(url), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(rendering.await(60, TimeUnit.SECONDS))
                    .as("the render started")
                    .isTrue();

            assertThat(client.generate(VALID_BODY).statusCode()).isEqualTo(200);
            assertThat(client.get("/v1/models").statusCode()).isEqualTo(401);
            assertThat(client.head(url.replace("seedance_", "seedance_unknown")).statusCode())
                    .isEqualTo(404);
            assertThat(stuck).isNotDone();
            assertThat(emulator.downloadsInFlight()).isEqualTo(1);

            release.countDown();
            HttpResponse<byte[]> video = stuck.get(60, TimeUnit.SECONDS);

            assertThat(video.statusCode()).isEqualTo(200);
            assertThat(new String(video.body(), 4, 4, StandardCharsets.ISO_8859_1))
                    .isEqualTo("ftyp");
            assertThat(onEventLoop.get()).isFalse();
            assertThat(renderThread.get()).startsWith("seedance-emulator-render");
        }
    }
}
