package io.github.camelseedance.examples.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The demo's own S3 calls, made through Camel's aws2-s3 producer so they reach whichever service the routes use
 * (the embedded server or a real one) with the same settings.
 */
final class DemoStore {

    private final ProducerTemplate template;

    DemoStore(ProducerTemplate template) {
        this.template = template;
    }

    /** Uploads an image the way a user would: the prompt as the user metadata "prompt", when there is one. */
    void upload(String bucket, String key, Path file, String prompt) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(AWS2S3Constants.KEY, key);
        headers.put(AWS2S3Constants.CONTENT_TYPE, contentType(key));
        if (prompt != null) {
            headers.put(AWS2S3Constants.METADATA, Map.of("prompt", prompt));
        }
        template.requestBodyAndHeaders(endpoint(bucket, null), file.toFile(), headers);
    }

    /** The keys under a prefix (one listing page, up to 1000 keys: plenty for the demo's own objects). */
    Set<String> keys(String bucket, String prefix) {
        List<?> objects = template.requestBodyAndHeader(
                endpoint(bucket, "listObjects"), null, AWS2S3Constants.PREFIX, prefix, List.class);
        return objects.stream().map(S3Object.class::cast).map(S3Object::key).collect(Collectors.toSet());
    }

    /** Deletes a key; S3 answers a delete of a missing key with success too. */
    void delete(String bucket, String key) {
        template.requestBodyAndHeader(endpoint(bucket, "deleteObject"), null, AWS2S3Constants.KEY, key);
    }

    /** Streams an object into a file, written under a temporary name so that a partial file never has the real one. */
    void download(String bucket, String key, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(".part-" + target.getFileName());
        try (InputStream in = template.requestBodyAndHeader(
                endpoint(bucket, "getObject"), null, AWS2S3Constants.KEY, key, InputStream.class)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    String readText(String bucket, String key) throws IOException {
        try (InputStream in = template.requestBodyAndHeader(
                endpoint(bucket, "getObject"), null, AWS2S3Constants.KEY, key, InputStream.class)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String endpoint(String bucket, String operation) {
        return "aws2-s3:" + bucket + (operation == null ? "" : "?operation=" + operation);
    }

    private static String contentType(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }
}
