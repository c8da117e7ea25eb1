package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Future;

/**
 * The videos the emulator has "generated": every id it issued maps to the video rendered for its request
 * ({@link RenderedVideos}), or, for a fixed-clip emulator, to the same small H.264 MP4 shipped as a resource, padded to
 * the configured size ({@link PaddedVideo}).
 */
final class VideoLibrary {

    // 5 s, 320x180, 12 fps, H.264 yuv420p, moov first (about 44 KB), made once with Debian's ffmpeg:
    // ffmpeg -f lavfi -i testsrc2=duration=5:size=320x180:rate=12 -c:v libx264 -pix_fmt yuv420p -crf 35
    //        -movflags +faststart sample.mp4
    static final String RESOURCE = "/io/github/camelseedance/emulator/sample.mp4";

    private final PaddedVideo fixedClip;
    private final RenderedVideos rendered;
    // issued ids survive reset(): a video from an earlier test stays downloadable, as on a CDN
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    // what each issued video shows; rendering emulators only
    private final Map<String, VideoSpec> specs = new ConcurrentHashMap<>();
    // ids whose first GET breaks halfway (Fault.BROKEN_DOWNLOAD); removed by that GET
    private final Set<String> breakOnce = ConcurrentHashMap.newKeySet();

    private VideoLibrary(PaddedVideo fixedClip, RenderedVideos rendered) {
        this.fixedClip = fixedClip;
        this.rendered = rendered;
    }

    /** Every video is the shipped sample, padded to {@code videoSize} bytes. */
    static VideoLibrary fixedClip(long videoSize) {
        return new VideoLibrary(new PaddedVideo(Sample.BYTES, videoSize), null);
    }

    /** Every video is rendered for its request. */
    static VideoLibrary rendered(RenderedVideos rendered) {
        return new VideoLibrary(null, rendered);
    }

    /** The shipped sample's size in bytes, the fixed clip's default size. */
    static long sampleSize() {
        return Sample.BYTES.length;
    }

    /** The fixed clip every video is, or null when videos are rendered. */
    PaddedVideo fixedClip() {
        return fixedClip;
    }

    /**
     * Issues a fresh id for the video answering this (valid) request body; when {@code brokenOnce}, the first GET of its
     * video breaks halfway. Nothing is rendered yet: that waits for the first download.
     */
    String issue(String body, boolean brokenOnce) {
        String id = "seedance_" + UUID.randomUUID().toString().replace("-", "");
        if (rendered != null) {
            specs.put(id, VideoSpec.fromBody(body));
        }
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

    /** The video of an issued id: at once for the fixed clip, once rendered otherwise. */
    Future<PaddedVideo> video(String id) {
        if (fixedClip != null) {
            return Future.succeededFuture(fixedClip);
        }
        VideoSpec spec = specs.get(id);
        if (spec == null) {
            return Future.failedFuture(new IllegalArgumentException("No video was issued as " + id));
        }
        return rendered.video(spec);
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
