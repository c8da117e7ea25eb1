package io.github.camelseedance.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaddedVideoTest {

    private static final byte[] SAMPLE = SampleVideo.BYTES;

    @Test
    void sampleSizedVideoIsTheSampleItself() {
        PaddedVideo video = new PaddedVideo(SAMPLE, SAMPLE.length);

        assertThat(video.size()).isEqualTo(SAMPLE.length);
        assertThat(video.slice(0, SAMPLE.length).getBytes()).isEqualTo(SAMPLE);
    }

    @Test
    void largerVideoIsTheSampleAndOneFreeBoxFillingTheRest() {
        PaddedVideo video = new PaddedVideo(SAMPLE, SAMPLE.length + 1000L);

        byte[] whole = video.slice(0, SAMPLE.length + 1000).getBytes();

        assertThat(Arrays.copyOf(whole, SAMPLE.length)).isEqualTo(SAMPLE);
        assertThat(ByteBuffer.wrap(whole, SAMPLE.length, 4).getInt()).isEqualTo(1000);
        assertThat(new String(whole, SAMPLE.length + 4, 4, StandardCharsets.US_ASCII))
                .isEqualTo("free");
        assertThat(Arrays.copyOfRange(whole, SAMPLE.length + 8, whole.length))
                .hasSize(992)
                .containsOnly(0);
    }

    @Test
    void slicesOfAnySizeReassembleTheWholeVideo() {
        int size = SAMPLE.length + 5000;
        PaddedVideo video = new PaddedVideo(SAMPLE, size);
        Buffer reassembled = Buffer.buffer();

        for (int from = 0; from < size; from += 777) {
            reassembled.appendBuffer(video.slice(from, Math.min(777, size - from)));
        }

        assertThat(reassembled.getBytes()).isEqualTo(video.slice(0, size).getBytes());
    }

    @Test
    void videoBeyondFourGibibytesUsesTheLargesizeBoxWithoutHoldingIt() {
        long size = 5L * 1024 * 1024 * 1024;
        PaddedVideo video = new PaddedVideo(SAMPLE, size);

        ByteBuffer header = ByteBuffer.wrap(video.slice(SAMPLE.length, 16).getBytes());

        assertThat(header.getInt()).isEqualTo(1);
        byte[] type = new byte[4];
        header.get(type);
        assertThat(new String(type, StandardCharsets.US_ASCII)).isEqualTo("free");
        assertThat(header.getLong()).isEqualTo(size - SAMPLE.length);
        assertThat(video.slice(size - 64, 64).getBytes()).containsOnly(0);
    }

    /** A box's size counts its header; 32 bits hold it up to 0xFFFFFFFF, beyond that the 64-bit largesize form. */
    @Test
    void theLargesizeHeaderIsUsedOnlyBeyond32Bits() {
        PaddedVideo largest32Bit = new PaddedVideo(SAMPLE, SAMPLE.length + 0xFFFF_FFFFL);
        PaddedVideo oneMore = new PaddedVideo(SAMPLE, SAMPLE.length + 0x1_0000_0000L);

        ByteBuffer shortHeader =
                ByteBuffer.wrap(largest32Bit.slice(SAMPLE.length, 16).getBytes());
        ByteBuffer largeHeader =
                ByteBuffer.wrap(oneMore.slice(SAMPLE.length, 16).getBytes());

        assertThat(Integer.toUnsignedLong(shortHeader.getInt())).isEqualTo(0xFFFF_FFFFL);
        assertThat(shortHeader.getInt(8))
                .as("padding right after the 8-byte header")
                .isZero();
        assertThat(largeHeader.getInt()).isEqualTo(1);
        assertThat(largeHeader.getLong(8)).isEqualTo(0x1_0000_0000L);
    }

    /** Size checks as a user meets them are SeedanceEmulatorTest's; this is the smallest padding there can be. */
    @Test
    void theSmallestPaddingIsABareFreeBoxHeader() {
        assertThat(new PaddedVideo(SAMPLE, SAMPLE.length + 8L)
                        .slice(SAMPLE.length, 8)
                        .getBytes())
                .isEqualTo(new byte[] {0, 0, 0, 8, 'f', 'r', 'e', 'e'});
    }

    @Test
    void sliceOutsideTheVideoIsRejected() {
        PaddedVideo video = new PaddedVideo(SAMPLE, SAMPLE.length + 100L);

        assertThatThrownBy(() -> video.slice(SAMPLE.length + 50L, 51)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> video.slice(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
