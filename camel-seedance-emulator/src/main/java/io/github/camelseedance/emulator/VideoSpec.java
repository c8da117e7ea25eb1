package io.github.camelseedance.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a rendered video shows, read from a valid generation request, with the emulator's choices for the fields the
 * provider gives no default for; equal requests give equal specs, so it is the key of the render cache.
 */
record VideoSpec(
        String model,
        String prompt,
        String negativePrompt,
        Long seed,
        String resolution,
        String aspectRatio,
        int seconds,
        boolean audio,
        String firstFrameUrl,
        String lastFrameUrl) {

    static final String DEFAULT_RESOLUTION = "720p";
    static final String DEFAULT_ASPECT_RATIO = "16:9";
    static final int DEFAULT_SECONDS = 5;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads a request body the contract judge accepted; {@code image_url} counts as the first frame. */
    static VideoSpec fromBody(String body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON request body: " + e.getOriginalMessage(), e);
        }
        String firstFrame = text(root, "image_url");
        String lastFrame = null;
        for (JsonNode frame : root.path("frame_images")) {
            String type = frame.path("type").asText();
            if (type.equals("first_frame")) {
                firstFrame = text(frame, "url");
            } else if (type.equals("last_frame")) {
                lastFrame = text(frame, "url");
            }
        }
        JsonNode seed = root.get("seed");
        return new VideoSpec(
                text(root, "model"),
                text(root, "prompt"),
                text(root, "negative_prompt"),
                seed != null && seed.canConvertToLong() ? seed.asLong() : null,
                orElse(text(root, "resolution"), DEFAULT_RESOLUTION),
                orElse(text(root, "aspect_ratio"), DEFAULT_ASPECT_RATIO),
                root.path("seconds").asInt(DEFAULT_SECONDS),
                root.path("generate_audio").asBoolean(false),
                firstFrame,
                lastFrame);
    }

    FrameSize size() {
        return FrameSize.of(resolution, aspectRatio);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
