package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The videos the emulator has "generated": every id it issued maps to the same small, real H.264 MP4 shipped as a
 * resource (padded to the configured size, see {@link PaddedVideo}), so clients can download, store and probe a
 * playable file.
 */
final class VideoLibrary {

    // 5 s, 320x180, 12 fps, H.264 yuv420p, moov first (about 44 KB), made once with Debian's ffmpeg:
    // ffmpeg -f lavfi -i testsrc2=duration=5:size=320x180:rate=12 -c:v libx264 -pix_fmt yuv420p -crf 35
    //        -movflags +faststart sample.mp4
    static final String RESOURCE = "/io/github/camelseedance/emulator/sample.mp4";

    private final PaddedVideo video;
    // issued ids survive reset(): a video from an earlier test stays downloadable, as on a CDN
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    // ids whose first GET breaks halfway (Fault.BROKEN_DOWNLOAD); removed by that GET
    private final Set<String> breakOnce = ConcurrentHashMap.newKeySet();

    VideoLibrary(long videoSize) {
        this.video = new PaddedVideo(Sample.BYTES, videoSize);
    }

    /** The shipped sample's size in bytes, the default video size. */
    static long sampleSize() {
        return Sample.BYTES.length;
    }

    /** Issues a fresh id for one generated video. */
    String issue() {
        return issue(false);
    }

    /** Issues a fresh id; when {@code brokenOnce}, the first GET of its video breaks halfway. */
    String issue(boolean brokenOnce) {
        String id = "seedance_" + UUID.randomUUID().toString().replace("-", "");
        if (brokenOnce) {
            breakOnce.add(id);
        }
        issued.add(id);
        return id;
    }

    /** True once for an id issued broken: the caller breaks this download. */
    boolean takeBreak(String id) {
        return breakOnce.remove(id);
    }

    boolean isIssued(String id) {
        return issued.contains(id);
    }

    PaddedVideo video() {
        return video;
    }

    private static byte[] load() {
        try (InputStream in = VideoLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The emulator's sample video is missing from the classpath: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the emulator's sample video " + RESOURCE, e);
        }
    }

    // read once per JVM on first use and never written: every emulator and download shares these bytes
    private static final class Sample {

        static final byte[] BYTES = load();
    }
}
