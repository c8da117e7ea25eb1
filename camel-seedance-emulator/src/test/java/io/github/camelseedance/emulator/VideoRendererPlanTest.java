package io.github.camelseedance.emulator;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which frame shows what: one a second, the images first and last, a notice where an image is missing. */
class VideoRendererPlanTest {

    private static final VideoSpec FIVE_SECONDS =
            VideoSpec.fromBody("{\"model\":\"m\",\"prompt\":\"p\",\"seconds\":5}");
    private static final VideoSpec TEN_SECONDS =
            VideoSpec.fromBody("{\"model\":\"m\",\"prompt\":\"p\",\"seconds\":10}");

    @Test
    void oneCardASecondWithItsClockWhenThereAreNoImages() {
        List<VideoRenderer.Frame> plan = VideoRenderer.plan(TEN_SECONDS, null, null);

        assertThat(plan).hasSize(10).allSatisfy(frame -> {
            assertThat(frame.image()).isNull();
            assertThat(frame.notice()).isNull();
        });
        assertThat(plan).extracting(VideoRenderer.Frame::second).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(FramePainter.clock(9)).isEqualTo("00:09");
    }

    @Test
    void theFirstImageOpensAndTheLastClosesTheVideo() {
        BufferedImage first = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        BufferedImage last = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);

        List<VideoRenderer.Frame> plan = VideoRenderer.plan(
                FIVE_SECONDS, new VideoRenderer.Decoded(first, null), new VideoRenderer.Decoded(last, null));

        assertThat(plan.get(0).image()).isSameAs(first);
        assertThat(plan.get(4).image()).isSameAs(last);
        assertThat(plan.subList(1, 4))
                .allSatisfy(frame -> assertThat(frame.image()).isNull());
    }

    @Test
    void aMissingImagesFrameIsTheCardWithTheNoticeNamingItsUrl() {
        FrameImage refused = FrameImage.notFetched("https://example.com/a.png", "not a loopback address");

        List<VideoRenderer.Frame> plan = VideoRenderer.plan(FIVE_SECONDS, VideoRenderer.decoded(refused), null);

        assertThat(plan.get(0).image()).isNull();
        assertThat(plan.get(0).notice())
                .isEqualTo("image not fetched: https://example.com/a.png (not a loopback address)");
        assertThat(plan.subList(1, 5))
                .allSatisfy(frame -> assertThat(frame.notice()).isNull());
    }

    @Test
    void bytesThatAreNoImageGiveANoticeSayingSo() {
        VideoRenderer.Decoded decoded =
                VideoRenderer.decoded(FrameImage.fetched("http://127.0.0.1/a.png", new byte[] {1, 2, 3}));

        assertThat(decoded.image()).isNull();
        assertThat(decoded.notice()).startsWith("image not decoded: http://127.0.0.1/a.png (");
    }
}
