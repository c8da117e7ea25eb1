package io.github.camelseedance.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An image that pins the first or the last frame of the video ({@code frame_images} item). */
public final class FrameImage {

    private final FrameType type;
    private final String url;

    @JsonCreator
    public FrameImage(@JsonProperty("type") FrameType type, @JsonProperty("url") String url) {
        this.type = Objects.requireNonNull(type, "frame image type");
        this.url = url;
    }

    public static FrameImage firstFrame(String url) {
        return new FrameImage(FrameType.FIRST_FRAME, url);
    }

    public static FrameImage lastFrame(String url) {
        return new FrameImage(FrameType.LAST_FRAME, url);
    }

    @JsonProperty("type")
    public FrameType type() {
        return type;
    }

    @JsonProperty("url")
    public String url() {
        return url;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameImage other && type == other.type && Objects.equals(url, other.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, url);
    }

    @Override
    public String toString() {
        return type.value() + ":" + url;
    }
}
