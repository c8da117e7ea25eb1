package io.github.camelseedance.request;

import java.util.ArrayList;
import java.util.List;

import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.ReferenceType;

/**
 * Reads the compact form of input references that fits in a URI or YAML: comma separated {@code type:url} items,
 * e.g. {@code image:https://cdn.example/a.jpg,audio:https://cdn.example/b.mp3}. The role follows from the type.
 */
final class InputReferenceParser {

    private InputReferenceParser() {}

    static List<InputReference> parse(String compact, ValueSource source) {
        List<InputReference> references = new ArrayList<>();
        for (String item : compact.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw invalid(compact, source, "item '" + trimmed + "' is not of the form type:url");
            }
            ReferenceType type;
            try {
                type = ReferenceType.fromValue(trimmed.substring(0, colon).trim());
            } catch (IllegalArgumentException e) {
                throw invalid(compact, source, e.getMessage());
            }
            references.add(new InputReference(type, trimmed.substring(colon + 1).trim()));
        }
        return references;
    }

    private static InvalidVideoRequestException invalid(String compact, ValueSource source, String reason) {
        return new InvalidVideoRequestException(
                RequestField.INPUT_REFERENCES.optionName(),
                "Invalid inputReferences '" + compact + "' from " + source + ": " + reason
                        + ". Expected comma separated type:url items with type image, video or audio,"
                        + " e.g. image:https://cdn.example/a.jpg,audio:https://cdn.example/b.mp3");
    }
}
