package io.github.camelseedance.examples.jmsqueue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One shipped sample request message. A sample whose file name starts with {@value #INVALID_PREFIX} is meant to fail
 * and be answered on the dead-letter queue.
 */
public record SampleRequest(String fileName, String json, String requestId) {

    static final String INVALID_PREFIX = "invalid-";

    /** Every {@code *.json} file in the folder, sorted by name. */
    public static List<SampleRequest> load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("No samples folder at " + folder);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName()
                            .toString()
                            .toLowerCase(Locale.ROOT)
                            .endsWith(".json"))
                    .sorted()
                    .toList();
        }
        List<SampleRequest> samples = new ArrayList<>();
        for (Path file : files) {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            // the envelope must be readable, or there is no id to wait for
            String requestId;
            try {
                requestId = RequestEnvelope.parse(json).requestId();
            } catch (InvalidEnvelopeException e) {
                throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
            }
            samples.add(new SampleRequest(file.getFileName().toString(), json, requestId));
        }
        return samples;
    }

    public boolean meantToFail() {
        return fileName.startsWith(INVALID_PREFIX);
    }
}
