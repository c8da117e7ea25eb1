package io.github.camelseedance.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.camelseedance.model.FrameImage;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * The value of each request field together with where it came from. Layers are applied from the lowest precedence
 * to the highest, so a later {@link #set} wins.
 */
public final class ResolvedRequest {

    private final Map<RequestField, Object> values;
    private final Map<RequestField, ValueSource> sources;

    ResolvedRequest() {
        this(new EnumMap<>(RequestField.class), new EnumMap<>(RequestField.class));
    }

    private ResolvedRequest(Map<RequestField, Object> values, Map<RequestField, ValueSource> sources) {
        this.values = values;
        this.sources = sources;
    }

    ResolvedRequest copy() {
        return new ResolvedRequest(new EnumMap<>(values), new EnumMap<>(sources));
    }

    /** Sets the field if the value is present; null leaves the lower layer's value in place. */
    void set(RequestField field, Object value, ValueSource source) {
        if (value != null) {
            values.put(field, value);
            sources.put(field, source);
        }
    }

    public boolean has(RequestField field) {
        return values.containsKey(field);
    }

    public Object get(RequestField field) {
        return values.get(field);
    }

    public String text(RequestField field) {
        return (String) values.get(field);
    }

    @SuppressWarnings("unchecked")
    public List<InputReference> inputReferences() {
        return (List<InputReference>) values.get(RequestField.INPUT_REFERENCES);
    }

    public ValueSource source(RequestField field) {
        return sources.get(field);
    }

    /** The request as it goes on the wire. */
    public VideoGenerationRequest toRequest() {
        List<FrameImage> frames = new ArrayList<>(2);
        if (has(RequestField.FIRST_FRAME_URL)) {
            frames.add(FrameImage.firstFrame(text(RequestField.FIRST_FRAME_URL)));
        }
        if (has(RequestField.LAST_FRAME_URL)) {
            frames.add(FrameImage.lastFrame(text(RequestField.LAST_FRAME_URL)));
        }
        return VideoGenerationRequest.builder()
                .model(text(RequestField.MODEL))
                .prompt(text(RequestField.PROMPT))
                .seconds((Integer) get(RequestField.SECONDS))
                .resolution(text(RequestField.RESOLUTION))
                .aspectRatio(text(RequestField.ASPECT_RATIO))
                .imageUrl(text(RequestField.IMAGE_URL))
                .negativePrompt(text(RequestField.NEGATIVE_PROMPT))
                .seed((Long) get(RequestField.SEED))
                .generateAudio((Boolean) get(RequestField.GENERATE_AUDIO))
                .frameImages(frames.isEmpty() ? null : frames)
                .inputReferences(inputReferences())
                .build();
    }
}
