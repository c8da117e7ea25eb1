package io.github.camelseedance.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;

/**
 * The bytes of a served video: an MP4 as it is (a rendered one), or the shipped sample padded to a larger configured
 * size by one MP4 {@code free} box, which players skip. Only the MP4 and the box header are held; the zeros are made
 * chunk by chunk, so a multi-gigabyte video never sits in memory.
 */
final class PaddedVideo {

    private static final int BOX_HEADER = 8;
    private static final int LARGE_BOX_HEADER = 16;
    private static final long MAX_32_BIT_BOX = 0xFFFF_FFFFL;

    // the sample followed by the free box header: every byte past it is zero
    private final byte[] prefix;
    private final long size;

    PaddedVideo(byte[] sample, long size) {
        check(sample.length, size);
        this.size = size;
        this.prefix = size == sample.length ? sample : concat(sample, freeBoxHeader(size - sample.length));
    }

    /** Rejects a size the sample cannot be padded to: smaller than the sample, or too little room for a box header. */
    static void check(long sampleSize, long size) {
        if (size < sampleSize) {
            throw new IllegalArgumentException(
                    "videoSize must be at least the sample's " + sampleSize + " bytes: " + size);
        }
        if (size > sampleSize && size - sampleSize < BOX_HEADER) {
            throw new IllegalArgumentException("videoSize must be the sample's " + sampleSize + " bytes or at least "
                    + (sampleSize + BOX_HEADER) + ", room for an MP4 free box header: " + size);
        }
    }

    long size() {
        return size;
    }

    /** A fresh buffer with the bytes at {@code [from, from + length)}; fresh so concurrent downloads share nothing. */
    Buffer slice(long from, int length) {
        if (from < 0 || length < 0 || from + length > size) {
            throw new IndexOutOfBoundsException("slice " + from + "+" + length + " of a " + size + "-byte video");
        }
        byte[] chunk = new byte[length];
        if (from < prefix.length) {
            System.arraycopy(prefix, (int) from, chunk, 0, (int) Math.min(length, prefix.length - from));
        }
        return Buffer.buffer(chunk);
    }

    // ISO BMFF box: 32-bit big-endian size including the header, then the type; size 1 means a 64-bit size follows
    private static byte[] freeBoxHeader(long boxSize) {
        byte[] type = "free".getBytes(StandardCharsets.US_ASCII);
        if (boxSize <= MAX_32_BIT_BOX) {
            return ByteBuffer.allocate(BOX_HEADER)
                    .putInt((int) boxSize)
                    .put(type)
                    .array();
        }
        return ByteBuffer.allocate(LARGE_BOX_HEADER)
                .putInt(1)
                .put(type)
                .putLong(boxSize)
                .array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
