package io.github.camelseedance.request;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * A request being put together from options, body and headers: each field's value and where it came from. Layers are
 * applied from the lowest precedence to the highest, so a later {@link #set} wins.
 */
public final class RequestDraft {

    private final Map<RequestField, Object> values;
    private final Map<RequestField, ValueSource> sources;

    RequestDraft() {
        this(new EnumMap<>(RequestField.class), new EnumMap<>(RequestField.class));
    }

    private RequestDraft(Map<RequestField, Object> values, Map<RequestField, ValueSource> sources) {
        this.values = values;
        this.sources = sources;
    }

    RequestDraft copy() {
        return new RequestDraft(new EnumMap<>(values), new EnumMap<>(sources));
    }

    /** Sets the field if the value is present; null leaves the lower layer's value in place. */
    void set(RequestField field, Object value, ValueSource source) {
        if (value != null) {
            values.put(field, value);
            sources.put(field, source);
        }
    }

    boolean has(RequestField field) {
        return values.containsKey(field);
    }

    Object get(RequestField field) {
        return values.get(field);
    }

    String text(RequestField field) {
        return (String) values.get(field);
    }

    @SuppressWarnings("unchecked")
    List<InputReference> inputReferences() {
        return (List<InputReference>) values.get(RequestField.INPUT_REFERENCES);
    }

    ValueSource source(RequestField field) {
        return sources.get(field);
    }

    /** The request as it goes on the wire. */
    public VideoGenerationRequest toRequest() {
        VideoGenerationRequest.Builder request = VideoGenerationRequest.builder();
        values.forEach((field, value) -> field.toRequest(request, value));
        return request.build();
    }
}
