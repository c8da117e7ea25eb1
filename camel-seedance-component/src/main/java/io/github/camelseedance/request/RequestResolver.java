package io.github.camelseedance.request;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.SeedanceConfiguration;
import io.github.camelseedance.model.FrameImage;
import io.github.camelseedance.model.FrameType;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Message;
import org.apache.camel.TypeConverter;
import org.apache.camel.WrappedFile;

/**
 * Builds the request for one message. Precedence, lowest first: endpoint options (which default from the component),
 * then the body (a {@link VideoGenerationRequest}'s set fields, or a text body as the prompt), then the
 * {@code CamelSeedance*} headers. Each field is taken from the highest layer that sets it.
 */
public final class RequestResolver {

    private final RequestDraft options;
    private final TypeConverter converter;

    /** Reads and checks the endpoint options once; an invalid option fails here, when the route starts. */
    public RequestResolver(SeedanceConfiguration configuration, TypeConverter converter) {
        this.converter = converter;
        this.options = new RequestDraft();
        for (RequestField field : RequestField.values()) {
            ValueSource source = ValueSource.option(field);
            options.set(field, read(field, field.fromOptions(configuration), source), source);
        }
        RequestValidator.validateOptions(options);
    }

    /** The model the endpoint options name. */
    public String optionModel() {
        return options.text(RequestField.MODEL);
    }

    /** Resolves and validates the request for a message; throws {@link InvalidVideoRequestException} if invalid. */
    public RequestDraft resolve(Message message) {
        RequestDraft request = options.copy();
        applyBody(message, request);
        for (RequestField field : RequestField.values()) {
            ValueSource source = ValueSource.header(field);
            request.set(field, read(field, message.getHeader(field.header()), source), source);
        }
        RequestValidator.validateMessage(request);
        return request;
    }

    private void applyBody(Message message, RequestDraft r) {
        Object body = message.getBody();
        if (body == null) {
            return;
        }
        if (body instanceof VideoGenerationRequest typed) {
            rejectRepeatedFrames(typed.frameImages());
            for (RequestField field : RequestField.values()) {
                ValueSource source = ValueSource.body(field.bodyProperty());
                r.set(field, read(field, field.fromBody(typed), source), source);
            }
        } else if (body instanceof CharSequence
                || body instanceof byte[]
                || body instanceof InputStream
                || body instanceof Reader
                || body instanceof WrappedFile<?>) {
            String prompt = message.getBody(String.class);
            if (prompt != null && !prompt.isBlank()) {
                r.set(RequestField.PROMPT, prompt.strip(), ValueSource.body(null));
            }
        } else {
            throw new InvalidVideoRequestException(
                    "body",
                    "Unsupported message body of type " + body.getClass().getName()
                            + ": send a VideoGenerationRequest or the prompt as text, or clear the body and use the "
                            + RequestField.PROMPT.header() + " header");
        }
    }

    /**
     * Reads a value from any layer as the field's type, or null when absent. Text is read exactly: Camel's own
     * conversion would send seconds 5.9 as 5 and a seed of 1e30 as Long.MAX_VALUE.
     */
    private Object read(RequestField field, Object raw, ValueSource source) {
        if (raw == null) {
            return null;
        }
        if (field.type() == List.class) {
            List<InputReference> references = references(raw, source);
            return references == null || references.isEmpty() ? null : references;
        }
        if (field.type().isInstance(raw)) {
            return raw;
        }
        Object value = convert(field.type(), raw);
        if (value == null) {
            String allowed = field.check().kind() == RequestField.Check.Kind.ONE_OF
                    ? "allowed values are "
                            + RequestValidator.join(field.check().allowed())
                    : "expected " + expected(field.type());
            throw new InvalidVideoRequestException(
                    field.optionName(),
                    "Invalid " + field.optionName() + " '" + raw + "' from " + source + ": " + allowed);
        }
        return value;
    }

    private Object convert(Class<?> type, Object raw) {
        try {
            if (type == Integer.class || type == Long.class) {
                BigDecimal exact = new BigDecimal(raw.toString());
                return type == Integer.class ? (Object) exact.intValueExact() : (Object) exact.longValueExact();
            }
            if (type == Boolean.class) {
                String text = raw.toString().toLowerCase(Locale.ROOT);
                return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
            }
            return converter.tryConvertTo(type, raw);
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        return type == Boolean.class ? "true or false" : "text";
    }

    private static List<InputReference> references(Object raw, ValueSource source) {
        if (raw instanceof String compact) {
            return compact.isBlank() ? null : InputReferenceParser.parse(compact, source);
        }
        if (raw instanceof InputReference single) {
            return List.of(single);
        }
        if (!(raw instanceof List<?> list)) {
            throw new InvalidVideoRequestException(
                    RequestField.INPUT_REFERENCES.optionName(),
                    "Invalid inputReferences from " + source + ": expected a List of InputReference or the compact"
                            + " type:url form, but got " + raw.getClass().getName());
        }
        for (Object item : list) {
            if (!(item instanceof InputReference)) {
                throw new InvalidVideoRequestException(
                        RequestField.INPUT_REFERENCES.optionName(),
                        "Invalid inputReferences from " + source + ": every item must be an InputReference, but"
                                + " found "
                                + (item == null ? "null" : item.getClass().getName()));
            }
        }
        @SuppressWarnings("unchecked")
        List<InputReference> references = (List<InputReference>) list;
        return references;
    }

    private static void rejectRepeatedFrames(List<FrameImage> frames) {
        if (frames == null) {
            return;
        }
        for (FrameType type : FrameType.values()) {
            long count = frames.stream().filter(f -> f.type() == type).count();
            if (count > 1) {
                RequestField field =
                        type == FrameType.FIRST_FRAME ? RequestField.FIRST_FRAME_URL : RequestField.LAST_FRAME_URL;
                throw new InvalidVideoRequestException(
                        field.optionName(),
                        "Invalid frameImages from body field frameImages: " + type.value() + " is given " + count
                                + " times; each frame type may appear once");
            }
        }
    }
}
