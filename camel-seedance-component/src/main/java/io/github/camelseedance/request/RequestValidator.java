package io.github.camelseedance.request;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.SeedanceModel;

import static io.github.camelseedance.request.RequestField.FIRST_FRAME_URL;
import static io.github.camelseedance.request.RequestField.IMAGE_URL;
import static io.github.camelseedance.request.RequestField.INPUT_REFERENCES;
import static io.github.camelseedance.request.RequestField.LAST_FRAME_URL;
import static io.github.camelseedance.request.RequestField.MODEL;
import static io.github.camelseedance.request.RequestField.PROMPT;

/**
 * The contract's rules, checked before anything is sent: each field's own check from {@link RequestField}, then the
 * rules that join fields. Each failure names the field, the value, where it came from and what is allowed.
 */
final class RequestValidator {

    private RequestValidator() {}

    /**
     * Checks the endpoint options alone: only what no header could still complete or change. A missing prompt or
     * model, a last frame without a first, or references with a 1.x model may be completed per message.
     */
    static void validateOptions(RequestDraft request, int maxPromptLength) {
        checkFields(request, false, maxPromptLength);
        conflictingModes(request);
    }

    /** Checks a complete request, as it is about to be sent. */
    static void validateMessage(RequestDraft request, int maxPromptLength) {
        checkFields(request, true, maxPromptLength);
        lastFrameNeedsFirst(request);
        conflictingModes(request);
        modelSupportsReferences(request);
    }

    private static void checkFields(RequestDraft r, boolean complete, int maxPromptLength) {
        for (RequestField field : RequestField.values()) {
            if (field.check().limitLength()) {
                maxLength(r, field, maxPromptLength);
            }
            switch (field.check().kind()) {
                case REQUIRED -> {
                    if (complete) {
                        requireText(r, field);
                    }
                }
                case ONE_OF -> oneOf(r, field, field.check().allowed());
                case HTTP_URL -> httpUrl(r, field, r.text(field));
                case REFERENCES -> references(r, field);
                case NONE -> {}
            }
        }
    }

    /** The text is not shown: it is long, and the count says enough. */
    private static void maxLength(RequestDraft r, RequestField field, int max) {
        String value = r.text(field);
        int length = value == null ? 0 : TextValues.length(value);
        if (length > max) {
            throw new InvalidVideoRequestException(
                    field.optionName(),
                    "Invalid " + field.optionName() + " from " + r.source(field) + ": " + length
                            + " characters, more than maxPromptLength " + max + "; shorten it, or raise"
                            + " maxPromptLength (the provider documents no limit)");
        }
    }

    private static void references(RequestDraft r, RequestField field) {
        if (!r.has(field)) {
            return;
        }
        for (InputReference reference : r.inputReferences()) {
            if (reference.role() != reference.type().role()) {
                throw new InvalidVideoRequestException(
                        field.optionName(),
                        "Invalid inputReferences from " + r.source(field) + ": a "
                                + reference.type().value()
                                + " reference needs role "
                                + reference.type().role().value() + ", not "
                                + reference.role().value() + " (leave the role out to derive it from the type)");
            }
            httpUrl(r, field, reference.url());
        }
    }

    private static void requireText(RequestDraft r, RequestField field) {
        String value = r.text(field);
        if (value == null || value.isBlank()) {
            String found = value == null ? "none was given" : "the value from " + r.source(field) + " is blank";
            String remedy = "set the " + field.optionName() + " option or the " + field.header() + " header"
                    + (field == PROMPT ? ", or send the prompt as a String body" : "");
            throw new InvalidVideoRequestException(
                    field.optionName(), "Missing " + field.optionName() + ": " + found + "; " + remedy);
        }
    }

    private static void oneOf(RequestDraft r, RequestField field, List<?> allowed) {
        Object value = r.get(field);
        if (value != null && !allowed.contains(value)) {
            // Camel turns an option's text into a number before the component sees it: 1m becomes 60000, abc 0
            String reading = value instanceof Number && r.source(field).kind().equals("option")
                    ? " (the value as Camel read the option's text; write a plain whole number)"
                    : "";
            throw new InvalidVideoRequestException(
                    field.optionName(),
                    "Invalid " + field.optionName() + " '" + value + "' from " + r.source(field)
                            + ": allowed values are " + join(allowed) + reading);
        }
    }

    private static void httpUrl(RequestDraft r, RequestField field, String url) {
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

    private static void lastFrameNeedsFirst(RequestDraft r) {
        if (r.has(LAST_FRAME_URL) && !r.has(FIRST_FRAME_URL)) {
            throw new InvalidVideoRequestException(
                    LAST_FRAME_URL.optionName(),
                    "lastFrameUrl from " + r.source(LAST_FRAME_URL) + " needs a first frame: set firstFrameUrl too"
                            + " (the modes are first frame, or first and last frame)");
        }
    }

    /** The seed's modes (first frame; first and last frame; references) exclude each other, whatever is added. */
    private static void conflictingModes(RequestDraft r) {
        RequestField frame = r.has(FIRST_FRAME_URL) ? FIRST_FRAME_URL : r.has(LAST_FRAME_URL) ? LAST_FRAME_URL : null;
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

    private static void modelSupportsReferences(RequestDraft r) {
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

    static String join(List<?> allowed) {
        return String.join(", ", allowed.stream().map(String::valueOf).toList());
    }
}
