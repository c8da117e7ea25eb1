package io.github.camelseedance.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * The API's JSON: the request as it goes out, the success and error bodies as they come back. A success is read as
 * sent; the key is hidden only in what an exception shows.
 */
final class SeedanceJson {

    // the request classes carry their own snake_case names and NON_NULL inclusion; responses may grow new fields
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Redactor redactor;

    SeedanceJson(Redactor redactor) {
        this.redactor = redactor;
    }

    byte[] write(VideoGenerationRequest request) {
        try {
            return mapper.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw SeedanceException.refusedBeforeSending(
                    "Could not write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@code {"data":[{"url","revised_prompt"}],"created"}}; anything without a video URL is an error. */
    GeneratedVideo readVideo(int status, String body, String model) {
        JsonNode root = parse(body);
        if (root == null || !root.isObject()) {
            throw SeedanceException.unusableAnswer(
                    status,
                    "The Seedance API answered with success but the body is not" + " a JSON object: " + excerpt(body));
        }
        JsonNode data = root.path("data");
        if (!data.isArray() || data.isEmpty()) {
            throw SeedanceException.unusableAnswer(
                    status,
                    "The Seedance API answered with success but without a video:"
                            + " data is " + (data.isMissingNode() ? "missing" : "empty")
                            + " in " + excerpt(body));
        }
        JsonNode first = data.get(0);
        String url = first.path("url").asText(null);
        if (url == null || url.isBlank()) {
            throw SeedanceException.unusableAnswer(
                    status,
                    "The Seedance API answered with success but data[0].url is" + " missing in " + excerpt(body));
        }
        JsonNode created = root.path("created");
        return new GeneratedVideo(
                url,
                first.path("revised_prompt").asText(""),
                created.canConvertToLong() ? created.asLong() : null,
                model);
    }

    /** The {@code id} of each entry of an OpenAI-style list, {@code {"data":[{"id"}]}}; whatever else it holds is ignored. */
    List<String> readModelIds(String body) {
        JsonNode root = parse(body);
        JsonNode data = root == null ? null : root.path("data");
        List<String> ids = new ArrayList<>();
        if (data != null && data.isArray()) {
            for (JsonNode model : data) {
                String id = text(model, "id");
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The provider's error object, or null when the body is not JSON in that shape. Each field is redacted once
     * decoded, so no JSON escape can carry the key past the redactor.
     */
    ApiError readError(String body) {
        JsonNode root = parse(body);
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || !error.isObject()) {
            return null;
        }
        return new ApiError(
                redactor.redact(text(error, "message")),
                redactor.redact(text(error, "type")),
                redactor.redact(text(error, "param")),
                redactor.redact(text(error, "code")));
    }

    /** The start of a body for an exception message, with the key hidden (redacted whole, then shortened). */
    String excerpt(String body) {
        return Texts.snippet(redactor.redact(body));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A field as text, whether the provider sent a string or a number; null when absent or JSON null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    record ApiError(String message, String type, String param, String code) {}
}
