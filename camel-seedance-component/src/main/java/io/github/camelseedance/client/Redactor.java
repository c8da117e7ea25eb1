package io.github.camelseedance.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the key in error texts however each of its characters is written: as is, percent-encoded, as a JSON escape
 * ({@code \u002d}, {@code \/}) or an HTML character reference, in any mix.
 */
final class Redactor {

    static final String MARK = "[redacted]";

    /** Null when there is no key to hide. */
    private final Pattern key;

    Redactor(String secret) {
        this.key = secret == null || secret.isEmpty() ? null : Pattern.compile(anyEncodingOf(secret));
    }

    /** The text with every occurrence of the key replaced by {@value #MARK}; null stays null. */
    String redact(String text) {
        if (text == null || key == null) {
            return text;
        }
        return key.matcher(text).replaceAll(Matcher.quoteReplacement(MARK));
    }

    private static String anyEncodingOf(String secret) {
        StringBuilder pattern = new StringBuilder();
        secret.codePoints().forEach(c -> pattern.append(anyEncodingOf(c)));
        return pattern.toString();
    }

    private static String anyEncodingOf(int c) {
        List<String> forms = new ArrayList<>();
        forms.add(Pattern.quote(Character.toString(c)));
        StringBuilder percent = new StringBuilder();
        for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
            percent.append('%').append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        forms.add("(?i:" + percent + ")");
        StringBuilder json = new StringBuilder();
        for (char unit : Character.toChars(c)) {
            json.append("\\\\u").append(String.format(Locale.ROOT, "%04x", (int) unit));
        }
        forms.add("(?i:" + json + ")");
        if (c == '/' || c == '"' || c == '\\') {
            forms.add(Pattern.quote("\\" + (char) c));
        }
        forms.add("&#0*" + c + ";");
        forms.add("(?i:&#x0*" + Integer.toHexString(c) + ";)");
        return "(?:" + String.join("|", forms) + ")";
    }
}
