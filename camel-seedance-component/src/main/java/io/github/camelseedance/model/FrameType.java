package io.github.camelseedance.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which end of the video a frame image pins. */
public enum FrameType {
    FIRST_FRAME("first_frame"),
    LAST_FRAME("last_frame");

    private final String value;

    FrameType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static FrameType fromValue(String value) {
        return WireValues.fromValue(FrameType.class, values(), FrameType::value, "frame image type", value);
    }
}
