package io.github.camelseedance.emulator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the video a request asks for: one frame a second, each showing the request and a running clock, starting on
 * the first frame's image and ending on the last frame's when the request has them, with a tick a second as audio
 * when {@code generate_audio} is true. Blocking and CPU-bound: never call it on an event loop.
 */
final class VideoRenderer implements RenderedVideos.Renderer {

    /**
     * One frame a second: the clock ticks once a second, and the H.264 encoder, the whole cost, then has 10 frames to
     * encode for the longest video (1080p, 10 s), well within the 5 s a render may take.
     */
    static final int FRAMES_PER_SECOND = 1;

    /** One frame of the plan: an image, or the request's card for a second, with a notice or none. */
    record Frame(int second, BufferedImage image, String notice) {}

    @Override
    public byte[] render(VideoSpec spec, FrameImage first, FrameImage last) throws IOException {
        FramePainter painter = new FramePainter(spec);
        Mp4Writer writer = new Mp4Writer(spec.size(), FRAMES_PER_SECOND);
        List<String> notices = new ArrayList<>();
        for (Frame frame : plan(spec, decoded(first), decoded(last))) {
            if (frame.image() != null) {
                writer.addFrame(painter.picture(frame.image()));
            } else {
                writer.addFrame(painter.card(frame.second(), frame.notice()));
                if (frame.notice() != null && !notices.contains(frame.notice())) {
                    notices.add(frame.notice());
                }
            }
        }
        return writer.finish(spec.audio() ? AacLoop.frames(spec.seconds()) : List.of(), tags(spec, painter, notices));
    }

    /**
     * The frames, one per second: the first is the first image when there is one, the last the last image; a missing
     * image's frame is the card with the notice naming its URL and why.
     */
    static List<Frame> plan(VideoSpec spec, Decoded first, Decoded last) {
        int count = spec.seconds() * FRAMES_PER_SECOND;
        List<Frame> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int second = i / FRAMES_PER_SECOND;
            Decoded shown = i == 0 && first != null ? first : i == count - 1 && last != null ? last : null;
            frames.add(
                    shown == null
                            ? new Frame(second, null, null)
                            : new Frame(second, shown.image(), shown.image() == null ? shown.notice() : null));
        }
        return frames;
    }

    /** A fetched image decoded, or the notice saying why there is none; null when the request gave no URL. */
    record Decoded(BufferedImage image, String notice) {}

    static Decoded decoded(FrameImage fetched) {
        if (fetched == null) {
            return null;
        }
        if (fetched.bytes() == null) {
            return new Decoded(null, fetched.notice());
        }
        try {
            return new Decoded(ImageDecoding.decode(fetched.bytes()), null);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Decoded(
                    null, FrameImage.notDecoded(fetched.url(), reason).notice());
        }
    }

    // ffprobe shows them as the format's title and comment: what the video answers, without looking at it
    private static Map<String, String> tags(VideoSpec spec, FramePainter painter, List<String> notices) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("\u00a9nam", spec.prompt());
        StringBuilder comment =
                new StringBuilder(String.valueOf(spec.model())).append("; ").append(painter.details());
        notices.forEach(notice -> comment.append("; ").append(notice));
        tags.put("\u00a9cmt", comment.toString());
        return tags;
    }
}
