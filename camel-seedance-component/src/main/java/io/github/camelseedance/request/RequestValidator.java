package io.github.camelseedance.request;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.SeedanceModel;

import static io.github.camelseedance.request.RequestField.ASPECT_RATIO;
import static io.github.camelseedance.request.RequestField.FIRST_FRAME_URL;
import static io.github.camelseedance.request.RequestField.IMAGE_URL;
import static io.github.camelseedance.request.RequestField.INPUT_REFERENCES;
import static io.github.camelseedance.request.RequestField.LAST_FRAME_URL;
import static io.github.camelseedance.request.RequestField.MODEL;
import static io.github.camelseedance.request.RequestField.PROMPT;
import static io.github.camelseedance.request.RequestField.RESOLUTION;
import static io.github.camelseedance.request.RequestField.SECONDS;

/**
 * The contract's rules, checked before anything is sent. Each failure names the field, the value, where it came from
 * and what is allowed.
 */
public final class RequestValidator {

    static final List<Integer> SECONDS_ALLOWED = List.of(5, 10);
    static final List<String> RESOLUTIONS = List.of("480p", "720p", "1080p");
    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");

    private RequestValidator() {}

    /**
     * Checks the endpoint options alone: everything that a message cannot change. The prompt usually comes with each
     * message, and the model a reference needs may come in a header.
     */
    public static void validateOptions(ResolvedRequest request) {
        validate(request, false);
    }

    /** Checks a complete request, as it is about to be sent. */
    public static void validateMessage(ResolvedRequest request) {
        validate(request, true);
    }

    private static void validate(ResolvedRequest r, boolean complete) {
        requireText(r, MODEL, "set the model option or the " + MODEL.header() + " header");
        if (complete) {
            requireText(
                    r,
                    PROMPT,
                    "set the prompt option or the " + PROMPT.header() + " header, or send the prompt as a String body");
        }
        oneOf(r, SECONDS, SECONDS_ALLOWED);
        oneOf(r, RESOLUTION, RESOLUTIONS);
        oneOf(r, ASPECT_RATIO, ASPECT_RATIOS);
        httpUrl(r, IMAGE_URL, r.text(IMAGE_URL));
        httpUrl(r, FIRST_FRAME_URL, r.text(FIRST_FRAME_URL));
        httpUrl(r, LAST_FRAME_URL, r.text(LAST_FRAME_URL));
        if (r.has(INPUT_REFERENCES)) {
            for (InputReference reference : r.inputReferences()) {
                if (reference.role() != reference.type().role()) {
                    throw new InvalidVideoRequestException(
                            INPUT_REFERENCES.optionName(),
                            "Invalid inputReferences from " + r.source(INPUT_REFERENCES) + ": a "
                                    + reference.type().value()
                                    + " reference needs role "
                                    + reference.type().role().value() + ", not "
                                    + reference.role().value() + " (leave the role out to derive it from the type)");
                }
                httpUrl(r, INPUT_REFERENCES, reference.url());
            }
        }
        exclusiveModes(r);
        if (complete) {
            // checked per message only: a CamelSeedanceModel header may pick a 2.0 model for references set as options
            modelSupportsReferences(r);
        }
    }

    private static void requireText(ResolvedRequest r, RequestField field, String remedy) {
        String value = r.text(field);
        if (value == null || value.isBlank()) {
            String found = value == null ? "none was given" : "the value from " + r.source(field) + " is blank";
            throw new InvalidVideoRequestException(
                    field.optionName(), "Missing " + field.optionName() + ": " + found + "; " + remedy);
        }
    }

    private static void oneOf(ResolvedRequest r, RequestField field, List<?> allowed) {
        Object value = r.get(field);
        if (value != null && !allowed.contains(value)) {
            throw new InvalidVideoRequestException(
                    field.optionName(),
                    "Invalid " + field.optionName() + " '" + value + "' from " + r.source(field)
                            + ": allowed values are " + join(allowed));
        }
    }

    private static void httpUrl(ResolvedRequest r, RequestField field, String url) {
        if (!r.has(field)) {
            return;
        }
        String problem = urlProblem(url);
        if (problem != null) {
            throw new InvalidVideoRequestException(
                    field.optionName(),
                    "Invalid " + field.optionName() + " '" + url + "' from " + r.source(field) + ": " + problem
                            + ". Give an absolute http or https URL the provider can reach; upload local media first"
                            + " (for example to S3 with a presigned URL)");
        }
    }

    private static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "the URL is blank";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null) {
                return "the URL is not absolute";
            }
            if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
                return "the scheme " + scheme + " is not allowed";
            }
            // getHost() is null for host names the URI grammar dislikes (my_cdn.example), which are still reachable;
            // the authority must still name a host once user info and port are off (https://user@/x names none)
            if (uri.getHost() == null && !namesHost(uri.getRawAuthority())) {
                return "the URL has no host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "it is not a valid URL (" + e.getReason() + ")";
        }
    }

    private static boolean namesHost(String authority) {
        if (authority == null) {
            return false;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return !host.isBlank();
    }

    /** The seed's three modes (first frame; first and last frame; references) exclude each other. */
    private static void exclusiveModes(ResolvedRequest r) {
        if (r.has(LAST_FRAME_URL) && !r.has(FIRST_FRAME_URL)) {
            throw new InvalidVideoRequestException(
                    LAST_FRAME_URL.optionName(),
                    "lastFrameUrl from " + r.source(LAST_FRAME_URL) + " needs a first frame: set firstFrameUrl too"
                            + " (the modes are first frame, or first and last frame)");
        }
        RequestField frame = r.has(FIRST_FRAME_URL) ? FIRST_FRAME_URL : null;
        if (frame != null && r.has(INPUT_REFERENCES)) {
            throw new InvalidVideoRequestException(
                    INPUT_REFERENCES.optionName(),
                    "inputReferences from " + r.source(INPUT_REFERENCES) + " cannot be combined with frame images ("
                            + frame.optionName() + " from " + r.source(frame) + "): the modes are exclusive. To combine"
                            + " references with a first frame, use inputReferences and describe the first frame in the prompt");
        }
        if (r.has(IMAGE_URL) && frame != null) {
            throw new InvalidVideoRequestException(
                    IMAGE_URL.optionName(),
                    "imageUrl from " + r.source(IMAGE_URL) + " cannot be combined with frame images ("
                            + frame.optionName() + " from " + r.source(frame)
                            + "): imageUrl already pins the first frame."
                            + " Use firstFrameUrl instead of imageUrl");
        }
        if (r.has(IMAGE_URL) && r.has(INPUT_REFERENCES)) {
            throw new InvalidVideoRequestException(
                    IMAGE_URL.optionName(),
                    "imageUrl from " + r.source(IMAGE_URL) + " cannot be combined with inputReferences from "
                            + r.source(INPUT_REFERENCES)
                            + ": imageUrl pins the first frame. Pass the image as a reference"
                            + " (image:URL in inputReferences) and describe the first frame in the prompt");
        }
    }

    private static void modelSupportsReferences(ResolvedRequest r) {
        if (!r.has(INPUT_REFERENCES)) {
            return;
        }
        Optional<SeedanceModel> model = SeedanceModel.fromId(r.text(MODEL));
        if (model.isPresent() && !model.get().supportsInputReferences()) {
            throw new InvalidVideoRequestException(
                    INPUT_REFERENCES.optionName(),
                    "inputReferences from " + r.source(INPUT_REFERENCES) + " need model "
                            + String.join(" or ", SeedanceModel.idsWithInputReferences()) + ", but model is '"
                            + r.text(MODEL) + "' from " + r.source(MODEL));
        }
    }

    private static String join(List<?> allowed) {
        return String.join(", ", allowed.stream().map(String::valueOf).toList());
    }
}
