package io.github.camelseedance.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import static io.github.camelseedance.emulator.JsonValues.describe;
import static io.github.camelseedance.emulator.JsonValues.quote;
import static io.github.camelseedance.emulator.JsonValues.quotedList;

/** The contract's rules for the two arrays of media items: {@code frame_images} and {@code input_references}. */
final class MediaItemRules {

    static final List<String> FRAME_TYPES = List.of("first_frame", "last_frame");
    static final List<String> REFERENCE_TYPES = List.of("image", "video", "audio");
    static final List<String> REFERENCE_ROLES = List.of("reference_image", "reference_video", "reference_audio");

    private static final List<String> FRAME_KEYS = List.of("type", "url");
    private static final List<String> REFERENCE_KEYS = List.of("type", "url", "role");

    private MediaItemRules() {}

    static void judgeFrameImages(JsonNode value, List<Violation> found) {
        if (!judgeArray(value, "frame_images", found)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            String path = "frame_images[" + i + "]";
            JsonNode item = value.get(i);
            if (!judgeItemShape(item, path, FRAME_KEYS, found)) {
                continue;
            }
            JsonNode type = item.get("type");
            if (judgeItemChoice(type, path + ".type", FRAME_TYPES, found) && !seen.add(type.asText())) {
                found.add(new Violation(
                        path + ".type",
                        "Field '" + path + ".type' repeats " + quote(type.asText())
                                + "; each frame type may appear at most once."));
            }
            ContractJudge.judgeUrl(item.get("url"), path + ".url", found);
        }
        // the provider's modes are "first frame" and "first + last frame": a last frame alone is neither
        if (seen.contains("last_frame") && !seen.contains("first_frame")) {
            found.add(new Violation(
                    "frame_images",
                    "Field 'frame_images' has a \"last_frame\" but no \"first_frame\"; "
                            + "allowed: a first frame alone, or a first and a last frame."));
        }
    }

    static void judgeInputReferences(JsonNode value, List<Violation> found) {
        if (!judgeArray(value, "input_references", found)) {
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            String path = "input_references[" + i + "]";
            JsonNode item = value.get(i);
            if (!judgeItemShape(item, path, REFERENCE_KEYS, found)) {
                continue;
            }
            JsonNode type = item.get("type");
            JsonNode role = item.get("role");
            boolean typeOk = judgeItemChoice(type, path + ".type", REFERENCE_TYPES, found);
            boolean roleOk = judgeItemChoice(role, path + ".role", REFERENCE_ROLES, found);
            if (typeOk && roleOk && !role.asText().equals("reference_" + type.asText())) {
                found.add(new Violation(
                        path + ".role",
                        "Field '" + path + ".role' is " + quote(role.asText())
                                + " but the type is " + quote(type.asText()) + "; allowed for that type: "
                                + quote("reference_" + type.asText()) + "."));
            }
            ContractJudge.judgeUrl(item.get("url"), path + ".url", found);
        }
    }

    /** True when the value is a non-empty array whose items are worth judging. */
    private static boolean judgeArray(JsonNode value, String field, List<Violation> found) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isArray()) {
            found.add(new Violation(
                    field, "Field '" + field + "' is " + describe(value) + "; allowed: an array of objects."));
            return false;
        }
        if (value.isEmpty()) {
            found.add(new Violation(
                    field, "Field '" + field + "' is an empty array; allowed: at least one item, or omit the field."));
            return false;
        }
        return true;
    }

    /** True when the item is an object; reports any missing or extra key. */
    private static boolean judgeItemShape(JsonNode item, String path, List<String> keys, List<Violation> found) {
        if (!item.isObject()) {
            if (!item.isNull()) {
                found.add(new Violation(
                        path,
                        "Field '" + path + "' is " + describe(item) + "; allowed: an object with exactly the keys "
                                + String.join(", ", keys) + "."));
            }
            return false;
        }
        for (String key : keys) {
            if (!item.has(key)) {
                found.add(new Violation(
                        path + "." + key,
                        "Field '" + path + "." + key + "' is missing; items have " + "exactly the keys "
                                + String.join(", ", keys) + "."));
            }
        }
        for (Map.Entry<String, JsonNode> property : item.properties()) {
            String key = property.getKey();
            if (!keys.contains(key)) {
                found.add(new Violation(
                        path + "." + key,
                        "Field '" + path + "." + key + "' is not allowed; items have " + "exactly the keys "
                                + String.join(", ", keys) + "."));
            }
        }
        return true;
    }

    /** True when the value is one of the choices; absent and null values were reported elsewhere. */
    private static boolean judgeItemChoice(JsonNode value, String path, List<String> choices, List<Violation> found) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual() && choices.contains(value.asText())) {
            return true;
        }
        found.add(new Violation(
                path, "Field '" + path + "' is " + describe(value) + "; allowed: " + quotedList(choices) + "."));
        return false;
    }
}
