package io.github.camelseedance.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelseedance.emulator.EmulatorVertx.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache of rendered videos holds at most its byte budget, renders an evicted video again to the same bytes, lets
 * concurrent requests for one video share one render, and keeps no failed render. The renderer here is a stand-in
 * that makes 1000 bytes from the prompt.
 */
class RenderCacheTest {

    private static final int VIDEO_BYTES = 1000;

    private final Vertx vertx = EmulatorVertx.create();

    @AfterEach
    void closeVertx() {
        await(vertx.close());
    }

    @Test
    void moreVideosThanFitKeepTheCacheWithinItsBytesAndComeBackTheSame() {
        RenderedVideos videos = new RenderedVideos(vertx, RenderCacheTest::bytesOf, 3 * VIDEO_BYTES);

        for (int i = 0; i < 10; i++) {
            assertThat(bytes(videos, "video " + i)).isEqualTo(bytesOf(spec("video " + i), null, null));
            assertThat(videos.cachedBytes()).isLessThanOrEqualTo(3 * VIDEO_BYTES);
        }
        assertThat(videos.renders()).isEqualTo(10);

        for (int i = 0; i < 10; i++) {
            assertThat(bytes(videos, "video " + i)).isEqualTo(bytesOf(spec("video " + i), null, null));
        }
        // at most 3 of the 10 were still held: the other 7 at least were rendered again
        assertThat(videos.renders()).isGreaterThanOrEqualTo(17);
        assertThat(videos.cachedBytes()).isLessThanOrEqualTo(3 * VIDEO_BYTES);
    }

    @Test
    void concurrentRequestsForOneVideoShareOneRender() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RenderedVideos videos = new RenderedVideos(
                vertx,
                (spec, first, last) -> {
                    started.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return bytesOf(spec, first, last);
                },
                RenderedVideos.DEFAULT_MAX_BYTES);

        Future<PaddedVideo> one = videos.video(spec("shared"));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Future<PaddedVideo> two = videos.video(spec("shared"));
        release.countDown();

        assertThat(await(one)).isSameAs(await(two));
        assertThat(videos.renders()).isEqualTo(1);
    }

    @Test
    void aFailedRenderIsNotKeptAndIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        RenderedVideos videos = new RenderedVideos(
                vertx,
                (spec, first, last) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("the first render fails");
                    }
                    return bytesOf(spec, first, last);
                },
                RenderedVideos.DEFAULT_MAX_BYTES);

        assertThatThrownBy(() -> await(videos.video(spec("flaky")))).hasMessageContaining("the first render fails");
        assertThat(bytes(videos, "flaky")).hasSize(VIDEO_BYTES);
        assertThat(videos.renders()).isEqualTo(2);
    }

    @Test
    void aFailureBeforeTheRenderIsAFailedVideoNotAThrowAndIsNotKept() {
        AtomicInteger fetches = new AtomicInteger();
        RenderedVideos videos = new RenderedVideos(
                vertx,
                url -> {
                    if (fetches.incrementAndGet() == 1) {
                        throw new IllegalArgumentException("the first fetch throws");
                    }
                    return Future.succeededFuture(FrameImage.notFetched(url, "a stand-in"));
                },
                RenderCacheTest::bytesOf,
                RenderedVideos.DEFAULT_MAX_BYTES);
        VideoSpec spec =
                VideoSpec.fromBody("{\"model\":\"m\",\"prompt\":\"framed\",\"image_url\":\"http://127.0.0.1/a.png\"}");

        Future<PaddedVideo> failed = videos.video(spec);

        assertThatThrownBy(() -> await(failed)).hasMessageContaining("the first fetch throws");
        assertThat(await(videos.video(spec)).size()).isEqualTo(VIDEO_BYTES);
        assertThat(videos.renders()).isEqualTo(1);
    }

    private static byte[] bytes(RenderedVideos videos, String prompt) {
        PaddedVideo video = await(videos.video(spec(prompt)));
        return video.slice(0, (int) video.size()).getBytes();
    }

    private static VideoSpec spec(String prompt) {
        return VideoSpec.fromBody("{\"model\":\"m\",\"prompt\":\"" + prompt + "\"}");
    }

    private static byte[] bytesOf(VideoSpec spec, FrameImage first, FrameImage last) {
        byte[] bytes = new byte[VIDEO_BYTES];
        byte[] prompt = spec.prompt().getBytes(StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) spec.prompt().hashCode());
        System.arraycopy(prompt, 0, bytes, 0, prompt.length);
        return bytes;
    }
}
