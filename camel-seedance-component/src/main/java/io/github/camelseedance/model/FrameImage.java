package io.github.camelseedance.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An image that pins the first or the last frame of the video ({@code frame_images} item). */
public record FrameImage(
        @JsonProperty("type") FrameType type,
        @JsonProperty("url") String url) {

    public FrameImage {
        Objects.requireNonNull(type, "frame image type");
    }

    public static FrameImage firstFrame(String url) {
        return new FrameImage(FrameType.FIRST_FRAME, url);
    }

    public static FrameImage lastFrame(String url) {
        return new FrameImage(FrameType.LAST_FRAME, url);
    }

    @Override
    public String toString() {
        return type.value() + ":" + url;
    }
}
