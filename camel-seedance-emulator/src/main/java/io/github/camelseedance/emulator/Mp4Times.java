package io.github.camelseedance.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Overwrites the creation and modification times that jcodec's muxer stamps from the clock into {@code mvhd},
 * {@code tkhd} and {@code mdhd}, in place, so that the same frames always make the same bytes. Patching the bytes keeps
 * the boxes as the muxer wrote them (their order, the track flags), which rebuilding them would not.
 */
final class Mp4Times {

    /** 2020-01-01T00:00:00Z in MP4 time, seconds since 1904-01-01T00:00:00Z. */
    static final long FIXED_TIME = 1_577_836_800L + 2_082_844_800L;

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
    private static final Set<String> STAMPED = Set.of("mvhd", "tkhd", "mdhd");

    private Mp4Times() {}

    static void fix(byte[] file) {
        fix(ByteBuffer.wrap(file), 0, file.length);
    }

    private static void fix(ByteBuffer file, int from, int to) {
        int offset = from;
        while (offset + 8 <= to) {
            long size = Integer.toUnsignedLong(file.getInt(offset));
            String type = new String(
                    new byte[] {file.get(offset + 4), file.get(offset + 5), file.get(offset + 6), file.get(offset + 7)},
                    StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = file.getLong(offset + 8);
                header = 16;
            } else if (size == 0) {
                size = to - offset;
            }
            if (size < header || offset + size > to) {
                throw new IllegalStateException("A malformed MP4 box '" + type + "' at byte " + offset);
            }
            int body = offset + header;
            if (CONTAINERS.contains(type)) {
                fix(file, body, (int) (offset + size));
            } else if (STAMPED.contains(type)) {
                // a full box: one byte of version, three of flags, then the two times, 32 bits each in version 0
                if (file.get(body) == 1) {
                    file.putLong(body + 4, FIXED_TIME);
                    file.putLong(body + 12, FIXED_TIME);
                } else {
                    file.putInt(body + 4, (int) FIXED_TIME);
                    file.putInt(body + 8, (int) FIXED_TIME);
                }
            }
            offset += (int) size;
        }
    }
}
