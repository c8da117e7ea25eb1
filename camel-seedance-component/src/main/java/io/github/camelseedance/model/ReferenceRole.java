package io.github.camelseedance.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the model uses an input reference; each role belongs to one {@link ReferenceType}. */
public enum ReferenceRole {
    REFERENCE_IMAGE("reference_image"),
    REFERENCE_VIDEO("reference_video"),
    REFERENCE_AUDIO("reference_audio");

    private final String value;

    ReferenceRole(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ReferenceRole fromValue(String value) {
        return WireValues.fromValue(ReferenceRole.class, values(), ReferenceRole::value, "input reference role", value);
    }
}
