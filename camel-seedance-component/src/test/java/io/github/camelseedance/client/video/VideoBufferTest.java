package io.github.camelseedance.client.video;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.core5.http.nio.CapacityChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VideoBufferTest {

    private static final int RING = 64 * 1024;
    private static final int INITIAL_WINDOW = 16 * 1024;
    private static final int SLACK = 8 * 1024;
    private static final Duration STALL = Duration.ofMinutes(1);

    /** Stands in for the connection: counts the room handed over, as httpcore5's window does. */
    private static final class Window implements CapacityChannel {
        final AtomicLong granted = new AtomicLong();
        final List<Integer> updates = new ArrayList<>();

        @Override
        public synchronized void update(int increment) {
            granted.addAndGet(increment);
            updates.add(increment);
        }
    }

    /**
     * A writer that sends only what its window allows, in random pieces, and a reader on another thread: the bytes
     * arrive whole and in order across many turns of the ring, and the writer is never stopped for good.
     */
    @Test
    void deliversEveryByteInOrderWhileTheWriterKeepsToTheWindow() throws Exception {
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL);
        Window window = new Window();
        byte[] video = new byte[5 * 1024 * 1024 + 123];
        new Random(7).nextBytes(video);

        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[3000];
            try {
                for (int n; (n = buffer.read(chunk, 0, chunk.length)) != -1; ) {
                    out.write(chunk, 0, n);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toByteArray();
        });

        Random sizes = new Random(11);
        int sent = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sent < video.length) {
            long room = INITIAL_WINDOW + window.granted.get() - sent;
            if (room <= 0) {
                buffer.updateCapacity(window); // what the connection does when its window is used up
                assertThat(System.nanoTime()).as("the writer got room again").isLessThan(deadline);
                Thread.yield();
                continue;
            }
            int piece = (int) Math.min(Math.min(room, 1 + sizes.nextInt(9000)), video.length - sent);
            buffer.fill(ByteBuffer.wrap(video, sent, piece));
            sent += piece;
            assertThat(buffer.available()).as("bytes held").isLessThanOrEqualTo(RING);
        }
        buffer.end();

        assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo(video);
        assertThat(window.updates).allSatisfy(update -> assertThat(update).isGreaterThanOrEqualTo(RING / 16));
    }

    @Test
    void aFailedDownloadFailsTheReaderWithTheCause() throws IOException {
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL);
        buffer.fill(ByteBuffer.wrap(new byte[100]));
        buffer.fail(new IOException("Premature end of Content-Length delimited message body"));

        assertThatThrownBy(() -> buffer.read(new byte[10], 0, 10))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("broke off")
                .hasMessageContaining("Premature end");
    }

    @Test
    void readsWhatIsLeftAfterTheEndThenReportsTheEnd() throws IOException {
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL);
        buffer.fill(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        buffer.end();

        byte[] into = new byte[10];
        assertThat(buffer.read(into, 0, 10)).isEqualTo(3);
        assertThat(buffer.read(into, 0, 10)).isEqualTo(-1);
    }

    /** Closing early asks the connection for more, so the I/O thread delivers, and that delivery ends the exchange. */
    @Test
    void closingBeforeTheEndWakesTheConnectionAndRefusesFurtherBytes() throws IOException {
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL);
        Window window = new Window();
        buffer.updateCapacity(window);
        int updatesBefore = window.updates.size();

        buffer.close();

        assertThat(window.updates).hasSize(updatesBefore + 1);
        assertThatThrownBy(() -> buffer.fill(ByteBuffer.wrap(new byte[10])))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("closed the video stream");
    }

    /**
     * The reader may give up after the connection took its last bytes but before it asked for room: asking then fails,
     * which ends the exchange, rather than leaving the connection waiting for room that never comes.
     */
    @Test
    void closingBeforeTheConnectionAsksForRoomFailsItsRequest() throws IOException {
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL);
        buffer.fill(ByteBuffer.wrap(new byte[INITIAL_WINDOW]));

        buffer.close();

        assertThatThrownBy(() -> buffer.updateCapacity(new Window()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("closed the video stream");
    }

    @Test
    void aReadThatGetsNoBytesForTheStallTimeFails() {
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, Duration.ofMillis(50));

        assertThatThrownBy(() -> buffer.read(new byte[10], 0, 10))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("stalled");
    }

    /** A video may not grow past its maximum: the delivery that would is refused, and the reader learns why. */
    @Test
    void aVideoLargerThanItsMaximumFailsTheDeliveryAndTheReader() throws IOException {
        AtomicLong finished = new AtomicLong();
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL, 1000, finished::incrementAndGet);
        buffer.fill(ByteBuffer.wrap(new byte[600]));

        assertThatThrownBy(() -> buffer.fill(ByteBuffer.wrap(new byte[600])))
                .hasMessageContaining("larger than the maxVideoSize of 1000 bytes");
        byte[] into = new byte[1000];
        assertThatThrownBy(() -> buffer.read(into, 0, into.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("maxVideoSize of 1000 bytes");
        assertThat(finished.get()).isEqualTo(1);
    }

    /** A download given up for its deadline fails the reader at once, and is told over once only. */
    @Test
    void anAbortedDownloadFailsTheReaderAtOnce() throws IOException {
        AtomicLong finished = new AtomicLong();
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL, 1000, finished::incrementAndGet);

        buffer.abort(new TimeoutException("took longer than the downloadTimeout of 1s"));
        buffer.close();

        assertThatThrownBy(() -> buffer.read(new byte[10], 0, 10))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("downloadTimeout");
        assertThatThrownBy(() -> buffer.fill(ByteBuffer.wrap(new byte[10]))).isInstanceOf(IOException.class);
        assertThat(finished.get()).isEqualTo(1);
    }

    /** More than the window allowed is kept, not lost: the ring grows. */
    @Test
    void keepsBytesSentBeyondTheWindow() throws IOException {
        VideoBuffer buffer = new VideoBuffer(1024, 512, 128, STALL);
        byte[] video = new byte[3000];
        new Random(3).nextBytes(video);
        buffer.fill(ByteBuffer.wrap(video));
        buffer.end();

        byte[] into = new byte[4000];
        int total = 0;
        for (int n; (n = buffer.read(into, total, into.length - total)) != -1; ) {
            total += n;
        }
        assertThat(java.util.Arrays.copyOf(into, total)).isEqualTo(video);
    }

    /** Between attempts the reader waits past the stall limit, and goes on with the bytes of the next attempt. */
    @Test
    void aReaderWaitsAcrossABreakAndReadsOnWithoutASeam() throws Exception {
        VideoBuffer buffer = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, Duration.ofMillis(50));
        buffer.fill(ByteBuffer.wrap(new byte[] {1, 2}));
        byte[] two = new byte[2];
        assertThat(buffer.read(two, 0, 2)).isEqualTo(2);
        buffer.detach();
        CompletableFuture<Integer> next = CompletableFuture.supplyAsync(() -> {
            try {
                return buffer.read(new byte[1], 0, 1) == 1 ? 1 : -1;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        // far past the 50 ms stall limit, which applies only while a connection delivers
        assertThatThrownBy(() -> next.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(buffer.received()).isEqualTo(2);
        assertThat(buffer.resume()).isTrue();
        buffer.fill(ByteBuffer.wrap(new byte[] {3}));

        assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(buffer.received()).isEqualTo(3);
    }

    /** Starting over is possible only while the reader has taken nothing: what it has read cannot be taken back. */
    @Test
    void startingOverDropsWhatIsBufferedUnlessTheReaderHasTakenSome() throws IOException {
        VideoBuffer untouched = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL);
        untouched.fill(ByteBuffer.wrap(new byte[] {9, 9, 9}));
        untouched.detach();

        assertThat(untouched.restart()).isTrue();
        untouched.fill(ByteBuffer.wrap(new byte[] {1, 2}));
        untouched.end();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] chunk = new byte[10];
        for (int n; (n = untouched.read(chunk, 0, chunk.length)) != -1; ) {
            read.write(chunk, 0, n);
        }
        assertThat(read.toByteArray()).containsExactly(1, 2);

        VideoBuffer touched = new VideoBuffer(RING, INITIAL_WINDOW, SLACK, STALL);
        touched.fill(ByteBuffer.wrap(new byte[] {9, 9, 9}));
        assertThat(touched.read(new byte[1], 0, 1)).isEqualTo(1);
        touched.detach();
        assertThat(touched.restart()).isFalse();
        assertThat(touched.received()).isEqualTo(3);
    }
}
