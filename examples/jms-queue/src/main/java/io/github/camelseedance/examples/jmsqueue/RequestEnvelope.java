package io.github.camelseedance.examples.jmsqueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * A request-queue message, {@code {"requestId": "order-42", "request": {...}}} (the README's "Messages"). Read in two
 * steps, so a message with a usable id but a bad request is still answered under its id, on the dead-letter queue.
 */
public record RequestEnvelope(String requestId, JsonNode request) {

    /** The idempotent store keeps ids in a VARCHAR(100) column. */
    public static final int MAX_REQUEST_ID_LENGTH = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads the envelope and checks the request id; the request itself is read by {@link #videoRequest()}. */
    public static RequestEnvelope parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEnvelopeException(
                    "The message is empty: expected {\"requestId\": ..., \"request\": {...}}");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEnvelopeException("The message is not JSON: " + Texts.oneLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEnvelopeException(
                    "The message is not a JSON object: expected {\"requestId\": ..., \"request\": {...}}");
        }
        JsonNode id = root.get("requestId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new InvalidEnvelopeException("The message has no requestId (a non-blank string)");
        }
        String requestId = id.asText();
        if (requestId.length() > MAX_REQUEST_ID_LENGTH) {
            throw new InvalidEnvelopeException("The requestId is longer than " + MAX_REQUEST_ID_LENGTH + " characters");
        }
        // ids end up in log lines and message headers: no line breaks or other control characters
        if (requestId.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidEnvelopeException("The requestId contains control characters");
        }
        return new RequestEnvelope(requestId, root.get("request"));
    }

    /** The request as the component takes it; an unreadable one is an invalid request, answered on the dead-letter queue. */
    public VideoGenerationRequest videoRequest() {
        if (request == null || !request.isObject()) {
            throw new InvalidVideoRequestException(
                    "request", "The message has no request object: expected \"request\": {\"prompt\": ..., ...}");
        }
        try {
            return MAPPER.treeToValue(request, VideoGenerationRequest.class);
        } catch (JsonProcessingException e) {
            throw new InvalidVideoRequestException(
                    "request",
                    "The request is not a video generation request: " + Texts.oneLine(e.getOriginalMessage()));
        }
    }

    /** Builds the JSON of a request message, for senders. */
    public static String toJson(String requestId, VideoGenerationRequest request) {
        try {
            return MAPPER.writeValueAsString(
                    MAPPER.createObjectNode().put("requestId", requestId).set("request", MAPPER.valueToTree(request)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the request of " + requestId, e);
        }
    }
}
