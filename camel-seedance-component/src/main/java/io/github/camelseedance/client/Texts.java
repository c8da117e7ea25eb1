package io.github.camelseedance.client;

/** Text made safe to show: single-line excerpts of response bodies, and values that cannot break a log line. */
public final class Texts {

    static final int SNIPPET_LENGTH = 300;

    private Texts() {}

    static String snippet(String body) {
        if (body == null || body.isEmpty()) {
            return "an empty body";
        }
        String text = body.substring(0, Math.min(body.length(), SNIPPET_LENGTH * 4))
                .replaceAll("\\s+", " ")
                .strip();
        return "'" + (text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "..." : text) + "'";
    }

    /**
     * The text with every line break escaped: CR and LF as the two characters {@code \r} and {@code \n}, the other
     * line terminators (vertical tab, form feed, NEL, U+2028, U+2029) as a Java-style escape of their code. A value
     * from a request, an answer or a header then cannot start a log line of its own. Null stays null.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case 0x0B, 0x0C, 0x85, 0x2028, 0x2029 -> String.format("\\u%04x", (int) c);
                default -> null;
            };
            if (escape != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escape != null) {
                escaped.append(escape);
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
