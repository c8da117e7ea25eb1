package io.github.camelseedance.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** Small helpers the contract rules share: describing a received value in a sentence, and checking URLs. */
final class JsonValues {

    private static final int MAX_SHOWN = 80;

    private JsonValues() {}

    /** Says what a value is, so a violation can name both its type and its content. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "the string " + quote(node.asText());
        }
        if (node.isIntegralNumber()) {
            return "the integer " + node.asText();
        }
        if (node.isNumber()) {
            return "the non-integer number " + node.asText();
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isArray()) {
            return "an array of " + node.size() + " item" + (node.size() == 1 ? "" : "s");
        }
        if (node.isObject()) {
            return "an object";
        }
        return "an unexpected JSON value";
    }

    /** Quotes a string for a message, shortened so a huge prompt cannot flood a log or an error body. */
    static String quote(String text) {
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String quotedList(Collection<String> values) {
        return values.stream().map(JsonValues::quote).collect(Collectors.joining(", "));
    }

    /**
     * True for an absolute http or https URL with a host. Hosts that java.net.URI keeps only as an authority (an
     * underscore in a bucket name, say) still count, because the provider would fetch them.
     */
    static boolean isHttpUrl(String text) {
        if (text == null || text.isBlank() || !text.equals(text.strip())) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return false;
        }
        if (uri.getHost() != null && !uri.getHost().isEmpty()) {
            return true;
        }
        String authority = uri.getRawAuthority();
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
}
