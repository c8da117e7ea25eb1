package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URLs of videos paid for but not written, one file per request fingerprint ({@code .paid/<fingerprint>.url} in
 * the input folder), so that they outlive the process and the same request is downloaded rather than paid for again.
 */
final class PaidVideos {

    static final String DIR = ".paid";
    private static final String SUFFIX = ".url";
    /** A SHA-256 in hex: nothing else may name a file here. */
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;

    PaidVideos(Path inputDir) {
        this.dir = inputDir.resolve(DIR);
    }

    /** The URL kept for this request, if any. */
    Optional<String> find(String fingerprint) throws IOException {
        try {
            String url =
                    Files.readString(file(fingerprint), StandardCharsets.UTF_8).strip();
            return url.isEmpty() ? Optional.empty() : Optional.of(url);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps the URL, replacing any kept for the request. Written to disk under a temporary name and moved into place, so
     * a reader, or the next run after a crash, never sees half a URL.
     */
    void keep(String fingerprint, String url) throws IOException {
        Path file = file(fingerprint);
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + fingerprint, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap((url + "\n").getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Drops the URL kept for the request; nothing happens when there is none. */
    void forget(String fingerprint) throws IOException {
        Files.deleteIfExists(file(fingerprint));
    }

    /** The record's name relative to the input folder, for log lines. */
    static String name(String fingerprint) {
        return DIR + "/" + fingerprint + SUFFIX;
    }

    private Path file(String fingerprint) {
        if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("Not a request fingerprint: " + fingerprint);
        }
        return dir.resolve(fingerprint + SUFFIX);
    }
}
