package io.github.camelseedance.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reference image, video or audio clip for the 2.0 models ({@code input_references} item). A missing role is
 * derived from the type; a role that does not belong to the type is kept so validation can name it.
 */
public record InputReference(
        @JsonProperty("type") ReferenceType type,
        @JsonProperty("url") String url,
        @JsonProperty("role") ReferenceRole role) {

    public InputReference {
        Objects.requireNonNull(type, "input reference type");
        role = role != null ? role : type.role();
    }

    public InputReference(ReferenceType type, String url) {
        this(type, url, null);
    }

    public static InputReference image(String url) {
        return new InputReference(ReferenceType.IMAGE, url);
    }

    public static InputReference video(String url) {
        return new InputReference(ReferenceType.VIDEO, url);
    }

    public static InputReference audio(String url) {
        return new InputReference(ReferenceType.AUDIO, url);
    }

    /** The compact form accepted by the {@code inputReferences} option: {@code type:url}. */
    @Override
    public String toString() {
        return role == type.role()
                ? type.value() + ":" + url
                : type.value() + ":" + url + " (role " + role.value() + ")";
    }
}
