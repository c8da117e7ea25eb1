package io.github.camelseedance.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clock's creation and modification times in {@code mvhd}, {@code tkhd} and {@code mdhd} become the fixed time, in
 * full boxes of version 0 (32-bit times) and 1 (64-bit), and no other byte of the file changes.
 */
class Mp4TimesTest {

    private static final long CLOCK = 3_900_000_000L;

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {0, 1})
    void theThreeHeadersGetTheFixedTimesAndNothingElseChanges(int version) {
        byte[] file = file(version, CLOCK, CLOCK + 7);

        Mp4Times.fix(file);

        assertThat(file).isEqualTo(file(version, Mp4Times.FIXED_TIME, Mp4Times.FIXED_TIME));
        assertThat(file).isNotEqualTo(file(version, CLOCK, CLOCK + 7));
    }

    /**
     * ftyp, then moov holding mvhd and trak (tkhd, then mdia holding mdhd and hdlr), a free box whose payload spells
     * the names of the stamped boxes, and an mdat with a 64-bit size; every box stamped with these two times.
     */
    private static byte[] file(int version, long created, long modified) {
        byte[] mdhd = box("mdhd", stamped(version, created, modified, 20));
        byte[] hdlr = box("hdlr", filler(24));
        byte[] tkhd = box("tkhd", stamped(version, created, modified, 80));
        byte[] trak = box("trak", concat(tkhd, box("mdia", concat(mdhd, hdlr))));
        byte[] mvhd = box("mvhd", stamped(version, created, modified, 96));
        byte[] moov = box("moov", concat(mvhd, trak));
        byte[] free = box("free", "mvhd tkhd mdhd 0123".getBytes(StandardCharsets.ISO_8859_1));
        byte[] mdat = ByteBuffer.allocate(16 + 40)
                .putInt(1)
                .put("mdat".getBytes(StandardCharsets.ISO_8859_1))
                .putLong(16 + 40)
                .put(filler(40))
                .array();
        return concat(box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1)), moov, free, mdat);
    }

    // a full box's body: version, flags, the two times (32 or 64 bits each), then the rest of the box
    private static byte[] stamped(int version, long created, long modified, int rest) {
        ByteBuffer body = ByteBuffer.allocate(4 + (version == 1 ? 16 : 8) + rest);
        body.put((byte) version).put(new byte[] {0, 0, 7});
        if (version == 1) {
            body.putLong(created).putLong(modified);
        } else {
            body.putInt((int) created).putInt((int) modified);
        }
        return body.put(filler(rest)).array();
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length)
                .putInt(8 + body.length)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(body)
                .array();
    }

    private static byte[] filler(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 0x5A);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
