package io.github.camelseedance.client;

import java.nio.charset.StandardCharsets;

/** Short, single-line excerpts of response bodies for exception messages. */
final class Texts {

    static final int SNIPPET_LENGTH = 300;

    private Texts() {
    }

    static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "an empty body";
        }
        String text = new String(body, 0, Math.min(body.length, SNIPPET_LENGTH * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return "'" + (text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "..." : text) + "'";
    }
}
