package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An application that starts an emulator and a forward proxy, uses them, and then fails out of {@code main} without
 * closing either: run in its own JVM by {@link EmulatorLeftOpenTest}, which checks that the JVM still exits.
 */
public final class AbandonedEmulator {

    /** Printed once a generation and its download went through, so the test knows both servers were working. */
    static final String SERVED = "served a generation and its download";

    private AbandonedEmulator() {}

    public static void main(String[] args) throws IOException {
        // rendering, so the render workers are among the threads that must not hold the JVM
        SeedanceEmulator emulator = SeedanceEmulator.builder().build().start();
        ForwardProxy proxy = ForwardProxy.builder().build().start();
        String url = generate(emulator);
        download(url);
        System.out.println(SERVED + " (proxy on port " + proxy.port() + ")");
        throw new IllegalStateException("A failure before the emulator and the proxy were closed");
    }

    private static String generate(SeedanceEmulator emulator) throws IOException {
        HttpURLConnection post = (HttpURLConnection) URI.create(emulator.baseUrl() + "/v1/videos/generations")
                .toURL()
                .openConnection();
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setRequestProperty("Content-Type", "application/json");
        post.setRequestProperty("Authorization", "Bearer " + emulator.apiKey());
        try (OutputStream out = post.getOutputStream()) {
            out.write(TestClient.VALID_BODY.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = post.getInputStream()) {
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ObjectMapper().readTree(answer).at("/data/0/url").asText();
        }
    }

    private static void download(String url) throws IOException {
        HttpURLConnection get = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try (InputStream in = get.getInputStream()) {
            if (in.readAllBytes().length != get.getContentLengthLong()) {
                throw new IOException("The video came short");
            }
        }
    }
}
