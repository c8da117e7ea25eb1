package io.github.camelseedance.request;

import java.util.List;

import io.github.camelseedance.SeedanceConstants;

/** A request field as users meet it: its option name, its header, the Java type a header value converts to. */
public enum RequestField {
    MODEL("model", SeedanceConstants.MODEL, String.class),
    PROMPT("prompt", SeedanceConstants.PROMPT, String.class),
    SECONDS("seconds", SeedanceConstants.SECONDS, Integer.class),
    RESOLUTION("resolution", SeedanceConstants.RESOLUTION, String.class),
    ASPECT_RATIO("aspectRatio", SeedanceConstants.ASPECT_RATIO, String.class),
    IMAGE_URL("imageUrl", SeedanceConstants.IMAGE_URL, String.class),
    NEGATIVE_PROMPT("negativePrompt", SeedanceConstants.NEGATIVE_PROMPT, String.class),
    SEED("seed", SeedanceConstants.SEED, Long.class),
    GENERATE_AUDIO("generateAudio", SeedanceConstants.GENERATE_AUDIO, Boolean.class),
    FIRST_FRAME_URL("firstFrameUrl", SeedanceConstants.FIRST_FRAME_URL, String.class),
    LAST_FRAME_URL("lastFrameUrl", SeedanceConstants.LAST_FRAME_URL, String.class),
    INPUT_REFERENCES("inputReferences", SeedanceConstants.INPUT_REFERENCES, List.class);

    private final String optionName;
    private final String header;
    private final Class<?> type;

    RequestField(String optionName, String header, Class<?> type) {
        this.optionName = optionName;
        this.header = header;
        this.type = type;
    }

    /** The endpoint option name, also used to name the field in error messages. */
    public String optionName() {
        return optionName;
    }

    public String header() {
        return header;
    }

    Class<?> type() {
        return type;
    }
}
