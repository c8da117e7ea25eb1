package io.github.camelseedance.request;

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

/**
 * Builds the request for one message. Precedence, lowest first: endpoint options (which default from the component),
 * then the body (a {@link VideoGenerationRequest}'s set fields, or a text body as the prompt), then the
 * {@code CamelSeedance*} headers. Each field is taken from the highest layer that sets it.
 */
public final class RequestResolver {

    private final RequestDraft options;
    private final TypeConverter converter;
    private final int maxPromptLength;

    /** Reads and checks the endpoint options once; an invalid option fails here, when the route starts. */
    public RequestResolver(SeedanceConfiguration configuration, TypeConverter converter) {
        this.converter = converter;
        this.maxPromptLength = configuration.getMaxPromptLength();
        this.options = new RequestDraft();
        for (RequestField field : RequestField.values()) {
            ValueSource source = ValueSource.option(field);
            options.set(field, read(field, field.fromOptions(configuration), source), source);
        }
        RequestValidator.validateOptions(options, maxPromptLength);
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
        RequestValidator.validateMessage(request, maxPromptLength);
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
        } else if (TextBody.isText(body)) {
            r.set(RequestField.PROMPT, TextBody.prompt(message, converter, maxPromptLength), ValueSource.body(null));
        } else {
            throw new InvalidVideoRequestException(
                    "body",
                    "Unsupported message body of type " + body.getClass().getName()
                            + ": send a VideoGenerationRequest or the prompt as text, or clear the body and use the "
                            + RequestField.PROMPT.header() + " header");
        }
    }

    /**
     * Reads a value from any layer as the field's type, or null when absent. Only text (a String or UTF-8 bytes) is read
     * as text, and numbers and booleans from their own types or text: Camel's own conversion would send a Map's
     * toString() as a prompt, seconds 5.9 as 5 and a seed of 1e30 as Long.MAX_VALUE.
     */
    private static Object read(RequestField field, Object raw, ValueSource source) {
        if (raw == null) {
            return null;
        }
        if (field.type() == List.class) {
            List<InputReference> references = references(raw, source);
            return references == null || references.isEmpty() ? null : references;
        }
        if (field.type() == String.class) {
            return text(field, raw, source);
        }
        if (field.type().isInstance(raw)) {
            return raw;
        }
        if (!(raw instanceof Number || raw instanceof Boolean || TextValues.isText(raw))) {
            throw wrongType(field, raw, source);
        }
        Object given = TextValues.isText(raw) ? TextValues.read(field, raw, source) : raw;
        Object value = convert(field.type(), given);
        if (value == null) {
            String allowed = field.check().kind() == RequestField.Check.Kind.ONE_OF
                    ? "allowed values are "
                            + RequestValidator.join(field.check().allowed())
                    : "expected " + expected(field.type());
            throw new InvalidVideoRequestException(
                    field.optionName(),
                    "Invalid " + field.optionName() + " '" + given + "' from " + source + ": " + allowed);
        }
        return value;
    }

    /** A text field's value as its check reads it; null when an optional one is blank, which is then not sent. */
    private static String text(RequestField field, Object raw, ValueSource source) {
        if (!TextValues.isText(raw)) {
            throw wrongType(field, raw, source);
        }
        String text = TextValues.read(field, raw, source);
        if (field.check().strip()) {
            text = text.strip();
        }
        return field.check().kind() == RequestField.Check.Kind.NONE && text.isBlank() ? null : text;
    }

    private static Object convert(Class<?> type, Object raw) {
        try {
            if (type == Integer.class || type == Long.class) {
                BigDecimal exact = new BigDecimal(raw.toString());
                return type == Integer.class ? (Object) exact.intValueExact() : (Object) exact.longValueExact();
            }
            String text = raw.toString().toLowerCase(Locale.ROOT);
            return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** The value is not shown: its toString() may be long, or hold what was never meant for a message. */
    private static InvalidVideoRequestException wrongType(RequestField field, Object raw, ValueSource source) {
        String forms = field.type() == String.class
                ? "a String, or UTF-8 bytes"
                : field.type() == Boolean.class ? "a Boolean, or text" : "a number, or text";
        return new InvalidVideoRequestException(
                field.optionName(),
                "Invalid " + field.optionName() + " from " + source + ": expected " + expected(field.type()) + " ("
                        + forms + "), not a " + raw.getClass().getName());
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        return type == Boolean.class ? "true or false" : "text";
    }

    private static List<InputReference> references(Object raw, ValueSource source) {
        RequestField field = RequestField.INPUT_REFERENCES;
        if (TextValues.isText(raw)) {
            String compact = TextValues.read(field, raw, source);
            return compact.isBlank() ? null : InputReferenceParser.parse(compact, source);
        }
        if (raw instanceof InputReference single) {
            TextValues.requireUnicode(single.url(), field, source);
            return List.of(single);
        }
        if (!(raw instanceof List<?> list)) {
            throw new InvalidVideoRequestException(
                    field.optionName(),
                    "Invalid inputReferences from " + source + ": expected a List of InputReference or the compact"
                            + " type:url form, but got " + raw.getClass().getName());
        }
        for (Object item : list) {
            if (!(item instanceof InputReference reference)) {
                throw new InvalidVideoRequestException(
                        field.optionName(),
                        "Invalid inputReferences from " + source + ": every item must be an InputReference, but"
                                + " found "
                                + (item == null ? "null" : item.getClass().getName()));
            }
            TextValues.requireUnicode(reference.url(), field, source);
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
