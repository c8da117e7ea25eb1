package io.github.camelseedance.examples.jmsqueue;

/** Text helpers for log lines and message headers. */
final class Texts {

    private Texts() {}

    /** The message of a failure on one line: parser messages span lines, a header or a log line should not. */
    static String oneLine(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = oneLine(failure.getMessage());
        return message.isEmpty() ? failure.getClass().getSimpleName() : message;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * A connection URL without what may be a secret: user info and query (an Artemis URL can carry
     * {@code ?user=..&password=..}), and for a JDBC URL the settings after the first {@code ;}.
     */
    static String withoutSecrets(String url) {
        if (url == null) {
            return "";
        }
        String shown = url.strip();
        int cut = shown.length();
        for (char c : new char[] {'?', ';'}) {
            int at = shown.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        shown = shown.substring(0, cut);
        int at = shown.lastIndexOf('@');
        int scheme = shown.indexOf("://");
        if (at > 0 && scheme >= 0 && at > scheme) {
            shown = shown.substring(0, scheme + 3) + shown.substring(at + 1);
        }
        return shown;
    }
}
