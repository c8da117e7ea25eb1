package io.github.camelseedance.client;

/** Short, single-line excerpts of response bodies for exception messages. */
final class Texts {

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
}
