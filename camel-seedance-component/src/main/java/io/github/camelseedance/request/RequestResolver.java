package io.github.camelseedance.request;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.List;

import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.SeedanceConfiguration;
import io.github.camelseedance.model.FrameImage;
import io.github.camelseedance.model.FrameType;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Message;
import org.apache.camel.TypeConverter;
import org.apache.camel.WrappedFile;

import static io.github.camelseedance.request.RequestField.ASPECT_RATIO;
import static io.github.camelseedance.request.RequestField.FIRST_FRAME_URL;
import static io.github.camelseedance.request.RequestField.GENERATE_AUDIO;
import static io.github.camelseedance.request.RequestField.IMAGE_URL;
import static io.github.camelseedance.request.RequestField.INPUT_REFERENCES;
import static io.github.camelseedance.request.RequestField.LAST_FRAME_URL;
import static io.github.camelseedance.request.RequestField.MODEL;
import static io.github.camelseedance.request.RequestField.NEGATIVE_PROMPT;
import static io.github.camelseedance.request.RequestField.PROMPT;
import static io.github.camelseedance.request.RequestField.RESOLUTION;
import static io.github.camelseedance.request.RequestField.SECONDS;
import static io.github.camelseedance.request.RequestField.SEED;

/**
 * Builds the request for one message. Precedence, lowest first: endpoint options (which default from the component),
 * then the body (a {@link VideoGenerationRequest}'s set fields, or a text body as the prompt), then the
 * {@code CamelSeedance*} headers. Each field is taken from the highest layer that sets it.
 */
public final class RequestResolver {

    private final ResolvedRequest options;

    /** Reads and checks the endpoint options once; an invalid option fails here, when the route starts. */
    public RequestResolver(SeedanceConfiguration configuration) {
        this.options = fromOptions(configuration);
        RequestValidator.validateOptions(options);
    }

    /** The model the endpoint options name. */
    public String optionModel() {
        return options.text(MODEL);
    }

    /** Resolves and validates the request for a message; throws {@link InvalidVideoRequestException} if invalid. */
    public ResolvedRequest resolve(Message message) {
        ResolvedRequest request = options.copy();
        applyBody(message, request);
        applyHeaders(message, request);
        RequestValidator.validateMessage(request);
        return request;
    }

    private static ResolvedRequest fromOptions(SeedanceConfiguration c) {
        ResolvedRequest r = new ResolvedRequest();
        r.set(MODEL, c.getModel(), ValueSource.option(MODEL));
        r.set(PROMPT, c.getPrompt(), ValueSource.option(PROMPT));
        r.set(SECONDS, c.getSeconds(), ValueSource.option(SECONDS));
        r.set(RESOLUTION, c.getResolution(), ValueSource.option(RESOLUTION));
        r.set(ASPECT_RATIO, c.getAspectRatio(), ValueSource.option(ASPECT_RATIO));
        r.set(IMAGE_URL, c.getImageUrl(), ValueSource.option(IMAGE_URL));
        r.set(NEGATIVE_PROMPT, c.getNegativePrompt(), ValueSource.option(NEGATIVE_PROMPT));
        r.set(RequestField.SEED, c.getSeed(), ValueSource.option(RequestField.SEED));
        r.set(GENERATE_AUDIO, c.getGenerateAudio(), ValueSource.option(GENERATE_AUDIO));
        r.set(FIRST_FRAME_URL, c.getFirstFrameUrl(), ValueSource.option(FIRST_FRAME_URL));
        r.set(LAST_FRAME_URL, c.getLastFrameUrl(), ValueSource.option(LAST_FRAME_URL));
        if (c.getInputReferences() != null && !c.getInputReferences().isBlank()) {
            ValueSource source = ValueSource.option(INPUT_REFERENCES);
            r.set(INPUT_REFERENCES, nonEmpty(InputReferenceParser.parse(c.getInputReferences(), source)), source);
        }
        return r;
    }

    private static void applyBody(Message message, ResolvedRequest r) {
        Object body = message.getBody();
        if (body == null) {
            return;
        }
        if (body instanceof VideoGenerationRequest typed) {
            applyTypedBody(typed, r);
        } else if (body instanceof CharSequence
                || body instanceof byte[]
                || body instanceof InputStream
                || body instanceof Reader
                || body instanceof WrappedFile<?>) {
            String prompt = message.getBody(String.class);
            if (prompt != null && !prompt.isBlank()) {
                r.set(PROMPT, prompt.strip(), ValueSource.body(null));
            }
        } else {
            throw new InvalidVideoRequestException(
                    "body",
                    "Unsupported message body of type " + body.getClass().getName()
                            + ": send a VideoGenerationRequest or the prompt as text, or clear the body and use the "
                            + PROMPT.header() + " header");
        }
    }

    private static void applyTypedBody(VideoGenerationRequest b, ResolvedRequest r) {
        r.set(MODEL, b.getModel(), ValueSource.body("model"));
        r.set(PROMPT, b.getPrompt(), ValueSource.body("prompt"));
        r.set(SECONDS, b.getSeconds(), ValueSource.body("seconds"));
        r.set(RESOLUTION, b.getResolution(), ValueSource.body("resolution"));
        r.set(ASPECT_RATIO, b.getAspectRatio(), ValueSource.body("aspectRatio"));
        r.set(IMAGE_URL, b.getImageUrl(), ValueSource.body("imageUrl"));
        r.set(NEGATIVE_PROMPT, b.getNegativePrompt(), ValueSource.body("negativePrompt"));
        r.set(SEED, b.getSeed(), ValueSource.body("seed"));
        r.set(GENERATE_AUDIO, b.getGenerateAudio(), ValueSource.body("generateAudio"));
        if (b.getFrameImages() != null) {
            rejectRepeatedFrames(b.getFrameImages());
            for (FrameImage frame : b.getFrameImages()) {
                // a frame without a URL stays visible as blank, so validation names it instead of dropping it
                String url = frame.url() == null ? "" : frame.url();
                r.set(
                        frame.type() == FrameType.FIRST_FRAME ? FIRST_FRAME_URL : LAST_FRAME_URL,
                        url,
                        ValueSource.body("frameImages"));
            }
        }
        r.set(
                INPUT_REFERENCES,
                nonEmpty(checkedReferences(b.getInputReferences(), ValueSource.body("inputReferences"))),
                ValueSource.body("inputReferences"));
    }

    private static void rejectRepeatedFrames(List<FrameImage> frames) {
        for (FrameType type : FrameType.values()) {
            long count = frames.stream().filter(f -> f.type() == type).count();
            if (count > 1) {
                RequestField field = type == FrameType.FIRST_FRAME ? FIRST_FRAME_URL : LAST_FRAME_URL;
                throw new InvalidVideoRequestException(
                        field.optionName(),
                        "Invalid frameImages from body field frameImages: " + type.value() + " is given " + count
                                + " times; each frame type may appear once");
            }
        }
    }

    private static void applyHeaders(Message message, ResolvedRequest r) {
        TypeConverter converter = message.getExchange().getContext().getTypeConverter();
        for (RequestField field : RequestField.values()) {
            Object raw = message.getHeader(field.header());
            if (raw == null) {
                continue;
            }
            ValueSource source = ValueSource.header(field);
            if (field == INPUT_REFERENCES) {
                r.set(field, nonEmpty(headerReferences(raw, source)), source);
            } else {
                Object value = convert(converter, message, field, raw);
                if (value == null) {
                    throw new InvalidVideoRequestException(
                            field.optionName(),
                            "Invalid " + field.optionName() + " '" + raw + "' from " + source + ": expected "
                                    + article(field.type().getSimpleName()) + " but got "
                                    + raw.getClass().getSimpleName());
                }
                r.set(field, value, source);
            }
        }
    }

    /**
     * Converts a header value to the field's type. Numbers must fit exactly: Camel's own conversion would send
     * seconds 5.9 as 5 and a seed of 1e30 as Long.MAX_VALUE.
     */
    private static Object convert(TypeConverter converter, Message message, RequestField field, Object raw) {
        if (raw instanceof Number number && (field.type() == Integer.class || field.type() == Long.class)) {
            try {
                BigDecimal exact = new BigDecimal(number.toString());
                return field.type() == Integer.class ? (Object) exact.intValueExact() : (Object) exact.longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return converter.tryConvertTo(field.type(), message.getExchange(), raw);
    }

    private static List<InputReference> headerReferences(Object raw, ValueSource source) {
        if (raw instanceof String compact) {
            return compact.isBlank() ? null : InputReferenceParser.parse(compact, source);
        }
        if (raw instanceof InputReference single) {
            return List.of(single);
        }
        if (raw instanceof List<?> list) {
            return checkedReferences(list, source);
        }
        throw new InvalidVideoRequestException(
                INPUT_REFERENCES.optionName(),
                "Invalid inputReferences from " + source + ": expected a List of InputReference or the compact"
                        + " type:url form, but got " + raw.getClass().getName());
    }

    private static List<InputReference> checkedReferences(List<?> list, ValueSource source) {
        if (list == null) {
            return null;
        }
        for (Object item : list) {
            if (!(item instanceof InputReference)) {
                throw new InvalidVideoRequestException(
                        INPUT_REFERENCES.optionName(),
                        "Invalid inputReferences from " + source + ": every item must be an InputReference, but"
                                + " found "
                                + (item == null ? "null" : item.getClass().getName()));
            }
        }
        @SuppressWarnings("unchecked")
        List<InputReference> references = (List<InputReference>) list;
        return references;
    }

    /** An empty list is sent as no list at all: the provider wants a non-empty array or no field. */
    private static List<InputReference> nonEmpty(List<InputReference> references) {
        return references == null || references.isEmpty() ? null : references;
    }

    private static String article(String typeName) {
        return ("Integer".equals(typeName) ? "an " : "a ") + typeName;
    }
}
