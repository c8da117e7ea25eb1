package io.github.camelseedance.examples.springboot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The page's Content-Security-Policy: exactly its own inline script and styles run, by their hashes. */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {}

    /** For a page as served: the hashes are of its script and styles as a browser reads them back from the HTML. */
    static String of(String html) {
        Document parsed = Jsoup.parse(html);
        return "default-src 'none'; script-src " + hashes(parsed, "script") + "; style-src " + hashes(parsed, "style")
                // the video comes from the provider (or the emulator on another port)
                + "; media-src http: https:; connect-src 'self'; form-action 'self'; base-uri 'none';"
                + " frame-ancestors 'none'";
    }

    private static String hashes(Document page, String tag) {
        return page.select(tag).stream()
                .map(element -> "'sha256-" + sha256(element.data()) + "'")
                .collect(Collectors.joining(" "));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
