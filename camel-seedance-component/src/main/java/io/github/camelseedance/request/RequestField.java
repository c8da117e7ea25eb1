package io.github.camelseedance.request;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.camelseedance.SeedanceConfiguration;
import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.model.FrameImage;
import io.github.camelseedance.model.FrameType;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.VideoGenerationRequest;
import io.github.camelseedance.model.VideoGenerationRequest.Builder;

/**
 * Every API field of a generation, described once: its option, header and JSON name, its Java type, how it is checked,
 * and how it is read from the options and a body and written to the request. Resolution, validation and the wire
 * mapping loop over this table.
 */
enum RequestField {
    MODEL(
            "model",
            SeedanceConstants.MODEL,
            "model",
            String.class,
            Check.REQUIRED.stripped(),
            SeedanceConfiguration::getModel,
            VideoGenerationRequest::model,
            (b, v) -> b.model((String) v)),
    PROMPT(
            "prompt",
            SeedanceConstants.PROMPT,
            "prompt",
            String.class,
            Check.REQUIRED.promptLength(),
            SeedanceConfiguration::getPrompt,
            VideoGenerationRequest::prompt,
            (b, v) -> b.prompt((String) v)),
    SECONDS(
            "seconds",
            SeedanceConstants.SECONDS,
            "seconds",
            Integer.class,
            Check.oneOf(5, 10),
            SeedanceConfiguration::getSeconds,
            VideoGenerationRequest::seconds,
            (b, v) -> b.seconds((Integer) v)),
    RESOLUTION(
            "resolution",
            SeedanceConstants.RESOLUTION,
            "resolution",
            String.class,
            Check.oneOf("480p", "720p", "1080p"),
            SeedanceConfiguration::getResolution,
            VideoGenerationRequest::resolution,
            (b, v) -> b.resolution((String) v)),
    ASPECT_RATIO(
            "aspectRatio",
            SeedanceConstants.ASPECT_RATIO,
            "aspect_ratio",
            String.class,
            Check.oneOf("16:9", "9:16", "1:1"),
            SeedanceConfiguration::getAspectRatio,
            VideoGenerationRequest::aspectRatio,
            (b, v) -> b.aspectRatio((String) v)),
    IMAGE_URL(
            "imageUrl",
            SeedanceConstants.IMAGE_URL,
            "image_url",
            String.class,
            Check.HTTP_URL,
            SeedanceConfiguration::getImageUrl,
            VideoGenerationRequest::imageUrl,
            (b, v) -> b.imageUrl((String) v)),
    NEGATIVE_PROMPT(
            "negativePrompt",
            SeedanceConstants.NEGATIVE_PROMPT,
            "negative_prompt",
            String.class,
            Check.NONE.promptLength(),
            SeedanceConfiguration::getNegativePrompt,
            VideoGenerationRequest::negativePrompt,
            (b, v) -> b.negativePrompt((String) v)),
    SEED(
            "seed",
            SeedanceConstants.SEED,
            "seed",
            Long.class,
            Check.NONE,
            SeedanceConfiguration::getSeed,
            VideoGenerationRequest::seed,
            (b, v) -> b.seed((Long) v)),
    GENERATE_AUDIO(
            "generateAudio",
            SeedanceConstants.GENERATE_AUDIO,
            "generate_audio",
            Boolean.class,
            Check.NONE,
            SeedanceConfiguration::getGenerateAudio,
            VideoGenerationRequest::generateAudio,
            (b, v) -> b.generateAudio((Boolean) v)),
    FIRST_FRAME_URL(
            "firstFrameUrl",
            SeedanceConstants.FIRST_FRAME_URL,
            "frame_images",
            String.class,
            Check.HTTP_URL,
            SeedanceConfiguration::getFirstFrameUrl,
            r -> frameUrl(r, FrameType.FIRST_FRAME),
            (b, v) -> b.firstFrame((String) v)),
    LAST_FRAME_URL(
            "lastFrameUrl",
            SeedanceConstants.LAST_FRAME_URL,
            "frame_images",
            String.class,
            Check.HTTP_URL,
            SeedanceConfiguration::getLastFrameUrl,
            r -> frameUrl(r, FrameType.LAST_FRAME),
            (b, v) -> b.lastFrame((String) v)),
    INPUT_REFERENCES(
            "inputReferences",
            SeedanceConstants.INPUT_REFERENCES,
            "input_references",
            List.class,
            Check.REFERENCES,
            SeedanceConfiguration::getInputReferences,
            VideoGenerationRequest::inputReferences,
            (b, v) -> b.inputReferences(references(v)));

    private final String optionName;
    private final String header;
    private final String jsonName;
    private final Class<?> type;
    private final Check check;
    private final Function<SeedanceConfiguration, Object> fromOptions;
    private final Function<VideoGenerationRequest, Object> fromBody;
    private final BiConsumer<Builder, Object> toRequest;

    RequestField(
            String optionName,
            String header,
            String jsonName,
            Class<?> type,
            Check check,
            Function<SeedanceConfiguration, Object> fromOptions,
            Function<VideoGenerationRequest, Object> fromBody,
            BiConsumer<Builder, Object> toRequest) {
        this.optionName = optionName;
        this.header = header;
        this.jsonName = jsonName;
        this.type = type;
        this.check = check;
        this.fromOptions = fromOptions;
        this.fromBody = fromBody;
        this.toRequest = toRequest;
    }

    /** The endpoint option name, also used to name the field in error messages. */
    String optionName() {
        return optionName;
    }

    String header() {
        return header;
    }

    /** The field's name in the request JSON; both frame fields go in {@code frame_images}. */
    String jsonName() {
        return jsonName;
    }

    /** The type a value has once read, whatever its source. */
    Class<?> type() {
        return type;
    }

    Check check() {
        return check;
    }

    /** The property of a {@link VideoGenerationRequest} body the field is read from, for error messages. */
    String bodyProperty() {
        return jsonName.equals("frame_images") ? "frameImages" : optionName;
    }

    Object fromOptions(SeedanceConfiguration configuration) {
        return fromOptions.apply(configuration);
    }

    Object fromBody(VideoGenerationRequest body) {
        return fromBody.apply(body);
    }

    void toRequest(Builder request, Object value) {
        toRequest.accept(request, value);
    }

    /** A frame of the given type; a frame without a URL reads as blank, so validation names it. */
    private static String frameUrl(VideoGenerationRequest body, FrameType type) {
        if (body.frameImages() == null) {
            return null;
        }
        return body.frameImages().stream()
                .filter(frame -> frame.type() == type)
                .map(FrameImage::url)
                .map(url -> url == null ? "" : url)
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<InputReference> references(Object value) {
        return (List<InputReference>) value;
    }

    /**
     * How a field's value is checked before anything is sent, besides being text that decodes exactly, or a value of the
     * field's type ({@link RequestResolver}): {@code strip} takes the white space around a text off as it is read, and
     * {@code limitLength} bounds it to maxPromptLength characters.
     */
    record Check(Kind kind, List<Object> allowed, boolean strip, boolean limitLength) {

        enum Kind {
            /** Free text or a number the provider judges; blank text counts as not set. */
            NONE,
            /** Must be given, and not blank, by some layer. */
            REQUIRED,
            /** One of {@link #allowed()}. */
            ONE_OF,
            /** An absolute http or https URL. */
            HTTP_URL,
            /** Input references: each an http or https URL, with the role its type needs. */
            REFERENCES
        }

        static final Check NONE = new Check(Kind.NONE, List.of(), false, false);
        static final Check REQUIRED = new Check(Kind.REQUIRED, List.of(), false, false);
        static final Check HTTP_URL = new Check(Kind.HTTP_URL, List.of(), false, false);
        static final Check REFERENCES = new Check(Kind.REFERENCES, List.of(), false, false);

        static Check oneOf(Object... allowed) {
            return new Check(Kind.ONE_OF, List.of(allowed), false, false);
        }

        /** This check, on the value without the white space around it: an id has none of its own. */
        Check stripped() {
            return new Check(kind, allowed, true, limitLength);
        }

        /** This check, and at most maxPromptLength characters. */
        Check promptLength() {
            return new Check(kind, allowed, strip, true);
        }
    }
}
