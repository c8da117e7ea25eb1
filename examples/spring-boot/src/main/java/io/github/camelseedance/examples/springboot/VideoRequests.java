package io.github.camelseedance.examples.springboot;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.util.StringHelper;

/**
 * Reads a request in the API's JSON shape. Strict, since a request is paid for: an unknown field (a typo such as
 * {@code aspectRatio}) is refused rather than ignored, and {@code "seconds": 5.9} or {@code "5"} is not read as 5.
 */
final class VideoRequests {

    private static final ObjectMapper JSON = strictMapper();

    private VideoRequests() {}

    /** The request, or {@link InvalidVideoRequestException} naming the JSON field at fault ("body" for the whole). */
    static VideoGenerationRequest parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidVideoRequestException(
                    "body", "Empty request: send a JSON object such as {\"prompt\": \"...\"}");
        }
        VideoGenerationRequest request;
        try {
            request = JSON.readValue(json, VideoGenerationRequest.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream()
                    .map(Object::toString)
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw new InvalidVideoRequestException(
                    field(e), "Unknown field " + path(e) + ": the fields there are " + known);
        } catch (JsonMappingException e) {
            throw new InvalidVideoRequestException(field(e), "Invalid " + path(e) + ": " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new InvalidVideoRequestException("body", "Malformed JSON: " + e.getOriginalMessage());
        }
        if (request == null) {
            throw new InvalidVideoRequestException("body", "Expected a JSON object such as {\"prompt\": \"...\"}");
        }
        return request;
    }

    /** The JSON field a component error names: its option name in the API's snake_case; frame URLs are frame_images. */
    static String jsonField(String option) {
        return switch (option) {
            case "firstFrameUrl", "lastFrameUrl" -> "frame_images";
            default -> StringHelper.camelCaseToDash(option).replace('-', '_');
        };
    }

    /** The top-level field the error is in, or "body" for the object itself. */
    private static String field(JsonMappingException e) {
        return e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null
                ? "body"
                : e.getPath().get(0).getFieldName();
    }

    /** Where in the JSON the error is, such as {@code seconds} or {@code frame_images[0].type}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "request" : path.toString();
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
