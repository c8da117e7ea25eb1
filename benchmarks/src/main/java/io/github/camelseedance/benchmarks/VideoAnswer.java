package io.github.camelseedance.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The least a hand-written client must do with an answer, as the component does: check the status, parse the JSON
 * with Jackson, take the video URL.
 */
final class VideoAnswer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VideoAnswer() {}

    static String url(int status, byte[] body) {
        if (status != 200) {
            String text = new String(body, StandardCharsets.UTF_8);
            throw new IllegalStateException("HTTP " + status + ": " + text.substring(0, Math.min(200, text.length())));
        }
        try {
            String url = MAPPER.readTree(body).path("data").path(0).path("url").asText(null);
            if (url == null) {
                throw new IllegalStateException("No video URL in " + new String(body, StandardCharsets.UTF_8));
            }
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
