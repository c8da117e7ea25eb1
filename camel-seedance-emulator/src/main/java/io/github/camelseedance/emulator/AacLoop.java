package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The sound of a video with {@code generate_audio}: a tick at each second, pre-encoded AAC frames shipped as a resource
 * and looped to the video's length (the emulator has no audio encoder, and needs none).
 */
final class AacLoop {

    // 8 s of 80 ms 880 Hz ticks, one a second, mono 48 kHz AAC-LC in ADTS: exactly 375 frames of 1024 samples, so the
    // loop repeats without drift. Made once with Debian's ffmpeg (the trim leaves room for the encoder's priming
    // frame):
    // ffmpeg -f lavfi -i "aevalsrc='0.4*sin(2*PI*880*t)*lt(mod(t\,1)\,0.08)':s=48000:d=8"
    //        -af atrim=end_sample=382976 -c:a aac -b:a 64k -ac 1 -f adts tick.aac
    static final String RESOURCE = "/io/github/camelseedance/emulator/tick.aac";
    static final int SAMPLE_RATE = 48_000;
    static final int SAMPLES_PER_FRAME = 1024;

    private AacLoop() {}

    /**
     * The ADTS frames (header included, as jcodec's muxer wants them) for {@code seconds} of sound: whole frames only,
     * so the track ends at or just before the video's end and never makes the file longer than the video.
     */
    static List<ByteBuffer> frames(int seconds) {
        List<ByteBuffer> loop = Loop.FRAMES;
        int count = (int) ((long) seconds * SAMPLE_RATE / SAMPLES_PER_FRAME);
        List<ByteBuffer> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(loop.get(i % loop.size()).duplicate());
        }
        return frames;
    }

    // ADTS: a 7- or 9-byte header whose 13-bit frame length, header included, spans bytes 3 to 5
    private static List<ByteBuffer> split(byte[] adts) {
        List<ByteBuffer> frames = new ArrayList<>();
        int offset = 0;
        while (offset + 7 <= adts.length) {
            if ((adts[offset] & 0xFF) != 0xFF || (adts[offset + 1] & 0xF0) != 0xF0) {
                throw new IllegalStateException("Not an ADTS frame at byte " + offset + " of " + RESOURCE);
            }
            int length = ((adts[offset + 3] & 0x03) << 11)
                    | ((adts[offset + 4] & 0xFF) << 3)
                    | ((adts[offset + 5] & 0xE0) >>> 5);
            if (length < 7 || offset + length > adts.length) {
                throw new IllegalStateException("A truncated ADTS frame at byte " + offset + " of " + RESOURCE);
            }
            frames.add(ByteBuffer.wrap(adts, offset, length).slice());
            offset += length;
        }
        return List.copyOf(frames);
    }

    private static byte[] load() {
        try (InputStream in = AacLoop.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The emulator's audio loop is missing from the classpath: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the emulator's audio loop " + RESOURCE, e);
        }
    }

    // read once per JVM on first use and never written
    private static final class Loop {

        static final List<ByteBuffer> FRAMES = split(load());
    }
}
