package io.github.camelseedance.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of media an input reference points at. */
public enum ReferenceType {
    IMAGE("image"),
    VIDEO("video"),
    AUDIO("audio");

    private final String value;

    ReferenceType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The only role the provider accepts for this type. */
    public ReferenceRole role() {
        return switch (this) {
            case IMAGE -> ReferenceRole.REFERENCE_IMAGE;
            case VIDEO -> ReferenceRole.REFERENCE_VIDEO;
            case AUDIO -> ReferenceRole.REFERENCE_AUDIO;
        };
    }

    @JsonCreator
    public static ReferenceType fromValue(String value) {
        return WireValues.fromValue(ReferenceType.class, values(), ReferenceType::value, "input reference type", value);
    }
}
