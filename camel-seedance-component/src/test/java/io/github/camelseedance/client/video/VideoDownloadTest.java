package io.github.camelseedance.client.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelseedance.SeedanceStoppedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Aborting a download at each of its stages: before it runs, before its head, and while a reader waits for bytes. */
class VideoDownloadTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final SeedanceStoppedException stop = new SeedanceStoppedException("stopped", true);
    private final AtomicInteger cancelled = new AtomicInteger();

    private static VideoBuffer buffer() {
        return new VideoBuffer(VideoConsumer.RING_BYTES, 64 * 1024, 32 * 1024, TEN_MINUTES);
    }

    @Test
    void anAbortBeforeTheExchangeRunsCancelsItAsSoonAsItDoes() {
        VideoDownload download = new VideoDownload("http://127.0.0.1/videos/v.mp4");

        download.abort(stop);
        download.running(() -> cancelled.incrementAndGet() > 0);

        assertThat(download.isAborted()).isTrue();
        assertThat(cancelled).hasValue(1);
        assertThat(catchThrowable(() -> download.content().get())).hasCause(stop);
    }

    @Test
    void anAbortBeforeTheHeadFailsTheContentAndAHeadArrivingLaterIsNotHandedOver() {
        VideoDownload download = new VideoDownload("http://127.0.0.1/videos/v.mp4");
        download.running(() -> cancelled.incrementAndGet() > 0);

        download.abort(stop);
        VideoBuffer late = buffer();
        download.arrived(late, new VideoContent(new VideoStream(late), "video/mp4", 10));

        assertThat(cancelled).hasValue(1);
        assertThat(catchThrowable(() -> download.content().get())).hasCause(stop);
        assertThat(catchThrowable(() -> late.read(new byte[1], 0, 1)))
                .isInstanceOf(IOException.class)
                .hasRootCause(stop);
    }

    @Test
    void anAbortFailsAReaderWaitingForBytesAndClosesTheConnection() throws Exception {
        VideoDownload download = new VideoDownload("http://127.0.0.1/videos/v.mp4");
        download.running(() -> cancelled.incrementAndGet() > 0);
        VideoBuffer video = buffer();
        download.arrived(video, new VideoContent(new VideoStream(video), "video/mp4", 10));
        VideoContent content = download.content().get(10, TimeUnit.SECONDS);
        video.fill(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(content.stream().readNBytes(3)).containsExactly(1, 2, 3);
        // nothing more comes: the reader waits, for up to ten minutes without the abort
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return content.stream().read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        download.abort(stop);

        Throwable failure = catchThrowable(() -> waiting.get(30, TimeUnit.SECONDS));
        assertThat(failure).isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).hasCauseInstanceOf(IOException.class).hasRootCause(stop);
        assertThat(cancelled).hasValue(1);
    }

    @Test
    void anAbortAfterTheConnectionIsDoneChangesNothing() throws Exception {
        VideoDownload download = new VideoDownload("http://127.0.0.1/videos/v.mp4");
        download.running(() -> cancelled.incrementAndGet() > 0);
        VideoBuffer video = buffer();
        download.arrived(video, new VideoContent(new VideoStream(video), "video/mp4", 3));
        video.fill(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        video.end();
        download.finished();

        download.abort(stop);

        assertThat(cancelled).hasValue(0);
        assertThat(download.content().get().stream().readAllBytes()).containsExactly(1, 2, 3);
    }
}
