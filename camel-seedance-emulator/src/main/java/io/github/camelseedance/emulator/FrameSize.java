package io.github.camelseedance.emulator;

import java.util.Map;

/** The pixel size of a rendered video for a {@code resolution} and an {@code aspect_ratio}; always even, as H.264 needs. */
record FrameSize(int width, int height) {

    // 480p 16:9 is 853.3 pixels wide: 854, the nearest even width
    private static final Map<String, FrameSize> SIZES = Map.of(
            "480p 16:9", new FrameSize(854, 480),
            "480p 9:16", new FrameSize(480, 854),
            "480p 1:1", new FrameSize(480, 480),
            "720p 16:9", new FrameSize(1280, 720),
            "720p 9:16", new FrameSize(720, 1280),
            "720p 1:1", new FrameSize(720, 720),
            "1080p 16:9", new FrameSize(1920, 1080),
            "1080p 9:16", new FrameSize(1080, 1920),
            "1080p 1:1", new FrameSize(1080, 1080));

    /** The size for a resolution and an aspect ratio the contract allows; anything else is a programming error. */
    static FrameSize of(String resolution, String aspectRatio) {
        FrameSize size = SIZES.get(resolution + " " + aspectRatio);
        if (size == null) {
            throw new IllegalArgumentException("No frame size for " + resolution + " " + aspectRatio);
        }
        return size;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
