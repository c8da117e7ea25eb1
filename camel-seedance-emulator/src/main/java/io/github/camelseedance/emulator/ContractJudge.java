package io.github.camelseedance.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import static io.github.camelseedance.emulator.JsonValues.describe;
import static io.github.camelseedance.emulator.JsonValues.quote;
import static io.github.camelseedance.emulator.JsonValues.quotedList;

/**
 * Judges one {@code POST /v1/videos/generations} request against the Seedance contract and reports every violation,
 * not just the first, so a test sees all that is wrong at once. Stateless and thread-safe; usable without the server.
 */
public final class ContractJudge {

    /** Model ids the provider documents. Others are accepted (providers add models), but the 2.0-only rule uses these. */
    public static final Set<String> KNOWN_MODELS = Set.of(
            "ByteDance-Seedance-1.0-pro",
            "ByteDance-Seedance-1.0-pro-fast",
            "ByteDance-Seedance-1.5-pro",
            "SIRAYA-Seedance-2.0",
            "SIRAYA-Seedance-2.0-fast");

    /** The models that accept {@code input_references}. */
    public static final Set<String> REFERENCE_MODELS = Set.of("SIRAYA-Seedance-2.0", "SIRAYA-Seedance-2.0-fast");

    /** Every body field the contract defines, in the provider's order. */
    public static final List<String> ALLOWED_FIELDS = List.of(
            "model",
            "prompt",
            "seconds",
            "resolution",
            "aspect_ratio",
            "image_url",
            "negative_prompt",
            "seed",
            "generate_audio",
            "frame_images",
            "input_references");

    static final List<String> RESOLUTIONS = List.of("480p", "720p", "1080p");
    static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");

    // duplicate keys and trailing content make "one JSON object" ambiguous, so the parser rejects them
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Judges headers and body together.
     *
     * @param headers request headers, first value per name (names are matched case-insensitively)
     * @param body    the request body as received, may be null or empty
     */
    public Verdict judge(Map<String, String> headers, String body) {
        List<Violation> found = new ArrayList<>();
        judgeHeaders(headers, found);
        judgeBody(body, found);
        return new Verdict(found);
    }

    /** The violation sentences of {@link #judge(Map, String)}, for callers who only need the text. */
    public List<String> violations(Map<String, String> headers, String body) {
        return judge(headers, body).messages();
    }

    /** Judges the body alone, for tests of what a client would serialise. */
    public Verdict judgeBody(String body) {
        List<Violation> found = new ArrayList<>();
        judgeBody(body, found);
        return new Verdict(found);
    }

    private static void judgeHeaders(Map<String, String> headers, List<Violation> found) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            byName.putAll(headers);
        }
        judgeAuthorization(byName.get("authorization"), found);
        judgeContentType(byName.get("content-type"), found);
    }

    // whether the key is the right one is the emulator's 401, not a wire-format question; only the shape is judged
    // here,
    // and the value is never put in a message
    private static void judgeAuthorization(String value, List<Violation> found) {
        if (value == null) {
            found.add(new Violation(
                    "Authorization", "Header 'Authorization' is missing; allowed: \"Bearer <API key>\"."));
            return;
        }
        String trimmed = value.strip();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            found.add(new Violation(
                    "Authorization",
                    "Header 'Authorization' uses the scheme "
                            + quote(scheme.length() > 20 ? scheme.substring(0, 20) : scheme)
                            + "; allowed: \"Bearer <API key>\"."));
        } else if (space < 0 || trimmed.substring(space + 1).isBlank()) {
            found.add(new Violation(
                    "Authorization",
                    "Header 'Authorization' has the Bearer scheme but no API key; allowed: \"Bearer <API key>\"."));
        }
    }

    private static void judgeContentType(String value, List<Violation> found) {
        if (value == null) {
            found.add(new Violation(
                    "Content-Type",
                    "Header 'Content-Type' is missing; allowed: \"application/json\" (a charset parameter is fine)."));
            return;
        }
        String[] parts = value.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            found.add(new Violation(
                    "Content-Type",
                    "Header 'Content-Type' is " + quote(value)
                            + "; allowed: \"application/json\" (a charset parameter is fine)."));
            return;
        }
        // JSON on the wire is UTF-8 (RFC 8259); a different declared charset means the body was encoded wrongly
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].strip().split("=", 2);
            if (param.length == 2 && param[0].strip().equalsIgnoreCase("charset")) {
                String charset = param[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    found.add(new Violation(
                            "Content-Type",
                            "Header 'Content-Type' declares the charset " + quote(charset)
                                    + "; allowed: UTF-8, the only encoding of JSON on the wire."));
                }
            }
        }
    }

    private static void judgeBody(String body, List<Violation> found) {
        if (body == null || body.isBlank()) {
            found.add(new Violation(null, "The request body is empty; it must be one JSON object."));
            return;
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            found.add(new Violation(
                    null,
                    "The request body is not one valid JSON value (" + e.getOriginalMessage()
                            + "); it must be one JSON object."));
            return;
        }
        if (root == null || !root.isObject()) {
            found.add(new Violation(null, "The request body is " + describe(root) + "; it must be one JSON object."));
            return;
        }
        judgeEveryValue(root, "", found);
        judgeUnknownFields(root, found);
        judgeFields(root, found);
        judgeModes(root, found);
    }

    // nulls and text, at any depth: a field is omitted rather than null, and text is valid Unicode
    private static void judgeEveryValue(JsonNode node, String path, List<Violation> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                judgeValue(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                judgeValue(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static void judgeValue(JsonNode value, String path, List<Violation> found) {
        if (value.isNull()) {
            found.add(new Violation(
                    path, "Field '" + path + "' is null; absent fields must be omitted, not sent as null."));
        } else if (value.isTextual()) {
            judgeUnicode(value.asText(), path, found);
        } else {
            judgeEveryValue(value, path, found);
        }
    }

    // JSON travels as UTF-8, which has no encoding for half a surrogate pair; only a JSON escape can carry one
    private static void judgeUnicode(String text, String path, List<Violation> found) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                found.add(new Violation(
                        path,
                        "Field '" + path + "' has an unpaired surrogate " + String.format("\\u%04x", (int) c)
                                + " at offset " + i + "; allowed: valid Unicode text."));
                return;
            }
        }
    }

    private static void judgeUnknownFields(JsonNode root, List<Violation> found) {
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (!ALLOWED_FIELDS.contains(name)) {
                found.add(new Violation(
                        name,
                        "Field '" + name + "' is not part of the contract; allowed fields: "
                                + String.join(", ", ALLOWED_FIELDS) + "."));
            }
        }
    }

    private static void judgeFields(JsonNode root, List<Violation> found) {
        judgeRequiredText(root, "model", "a non-blank model id such as \"ByteDance-Seedance-1.5-pro\"", found);
        judgeRequiredText(root, "prompt", "a non-blank string describing the video", found);
        judgeSeconds(root.get("seconds"), found);
        judgeChoice(root.get("resolution"), "resolution", RESOLUTIONS, found);
        judgeChoice(root.get("aspect_ratio"), "aspect_ratio", ASPECT_RATIOS, found);
        judgeString(root.get("negative_prompt"), "negative_prompt", found);
        judgeSeed(root.get("seed"), found);
        judgeBoolean(root.get("generate_audio"), "generate_audio", found);
        judgeUrl(root.get("image_url"), "image_url", found);
        MediaItemRules.judgeFrameImages(root.get("frame_images"), found);
        MediaItemRules.judgeInputReferences(root.get("input_references"), found);
    }

    private static void judgeRequiredText(JsonNode root, String field, String allowed, List<Violation> found) {
        JsonNode value = root.get(field);
        if (value == null) {
            found.add(new Violation(field, "Field '" + field + "' is missing; it is required: " + allowed + "."));
        } else if (!value.isNull() && (!value.isTextual() || value.asText().isBlank())) {
            String what = value.isTextual() ? "blank" : describe(value);
            found.add(new Violation(field, "Field '" + field + "' is " + what + "; allowed: " + allowed + "."));
        }
    }

    private static void judgeSeconds(JsonNode value, List<Violation> found) {
        if (value == null || value.isNull()) {
            return;
        }
        boolean allowed = value.isIntegralNumber()
                && value.canConvertToInt()
                && (value.intValue() == 5 || value.intValue() == 10);
        if (!allowed) {
            found.add(new Violation(
                    "seconds", "Field 'seconds' is " + describe(value) + "; allowed: the JSON integer 5 or 10."));
        }
    }

    private static void judgeChoice(JsonNode value, String field, List<String> choices, List<Violation> found) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isTextual() || !choices.contains(value.asText())) {
            found.add(new Violation(
                    field, "Field '" + field + "' is " + describe(value) + "; allowed: " + quotedList(choices) + "."));
        }
    }

    private static void judgeString(JsonNode value, String field, List<Violation> found) {
        if (value != null && !value.isNull() && !value.isTextual()) {
            found.add(new Violation(field, "Field '" + field + "' is " + describe(value) + "; allowed: a string."));
        }
    }

    private static void judgeSeed(JsonNode value, List<Violation> found) {
        if (value != null && !value.isNull() && !(value.isIntegralNumber() && value.canConvertToLong())) {
            found.add(new Violation(
                    "seed",
                    "Field 'seed' is " + describe(value) + "; allowed: a JSON integer within the 64-bit range."));
        }
    }

    private static void judgeBoolean(JsonNode value, String field, List<Violation> found) {
        if (value != null && !value.isNull() && !value.isBoolean()) {
            found.add(new Violation(
                    field,
                    "Field '" + field + "' is " + describe(value) + "; allowed: the JSON boolean true or false."));
        }
    }

    static void judgeUrl(JsonNode value, String field, List<Violation> found) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isTextual() || !JsonValues.isHttpUrl(value.asText())) {
            found.add(new Violation(
                    field,
                    "Field '" + field + "' is " + describe(value)
                            + "; allowed: an absolute http or https URL with a host, reachable by the provider."));
        }
    }

    // the three modes (first frame, first + last frame, references) exclude each other; image_url pins the first frame
    private static void judgeModes(JsonNode root, List<Violation> found) {
        boolean imageUrl = present(root, "image_url");
        boolean frames = present(root, "frame_images");
        boolean references = present(root, "input_references");
        if (frames && references) {
            found.add(new Violation(
                    "input_references",
                    "Fields 'frame_images' and 'input_references' are both set; "
                            + "they cannot be used together: use frame_images for exact first/last frames, or input_references "
                            + "and describe the first frame in the prompt."));
        }
        if (imageUrl && frames) {
            found.add(
                    new Violation(
                            "image_url",
                            "Fields 'image_url' and 'frame_images' are both set; image_url pins "
                                    + "the first frame, so send that image as the frame_images item of type \"first_frame\" instead."));
        }
        if (imageUrl && references) {
            found.add(new Violation(
                    "image_url",
                    "Fields 'image_url' and 'input_references' are both set; image_url "
                            + "pins the first frame, which references cannot be combined with: pass the image as an "
                            + "input_references item of type \"image\" instead."));
        }
        JsonNode model = root.get("model");
        if (references
                && model != null
                && model.isTextual()
                && KNOWN_MODELS.contains(model.asText())
                && !REFERENCE_MODELS.contains(model.asText())) {
            found.add(new Violation(
                    "input_references",
                    "Field 'input_references' is used with the model "
                            + quote(model.asText()) + "; allowed only with "
                            + String.join(" or ", List.of("SIRAYA-Seedance-2.0", "SIRAYA-Seedance-2.0-fast")) + "."));
        }
    }

    private static boolean present(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && !value.isNull();
    }
}
