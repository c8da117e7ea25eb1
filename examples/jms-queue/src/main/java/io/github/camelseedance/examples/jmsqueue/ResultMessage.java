package io.github.camelseedance.examples.jmsqueue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * A result-queue message (the README's "Messages" shows one); {@code instance} names the worker that generated the
 * video, {@code request} is the request it sent (the message's, with the worker's defaults filled in).
 */
@JsonPropertyOrder({"requestId", "videoUrl", "revisedPrompt", "model", "created", "instance", "request"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultMessage(
        String requestId,
        String videoUrl,
        String revisedPrompt,
        String model,
        Long created,
        String instance,
        VideoGenerationRequest request) {

    // readers of the result queue may see fields added later
    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the result of " + requestId, e);
        }
    }

    public static ResultMessage fromJson(String json) {
        try {
            return MAPPER.readValue(json, ResultMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a result message: " + Texts.oneLine(e.getOriginalMessage()), e);
        }
    }
}
