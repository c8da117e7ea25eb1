package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-drop gallery's cards on disk: one JSON record per card in {@code .gallery/}, each moved into place whole,
 * read once and then kept in memory as what the caller makes of each record.
 */
final class GalleryRecords<T> {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropRoutes.class);

    static final String DIR = ".gallery";

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.json");
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One card, as kept on disk.
     *
     * @param video the video's file name in the output folder, or null for a failure
     * @param at    when the input ended, ISO-8601; the page shows the latest first
     */
    record Record(String input, VideoGenerationRequest request, String video, String failure, String at) {

        Instant when() {
            try {
                return Instant.parse(at);
            } catch (RuntimeException e) {
                return Instant.EPOCH;
            }
        }
    }

    private final Path dir;
    private final Function<Record, T> keep;
    private volatile Map<String, T> kept;
    private final Object loading = new Object();

    /** The records of an output folder, each kept as {@code keep} makes it. */
    GalleryRecords(Path outputDir, Function<Record, T> keep) {
        this.dir = outputDir.resolve(DIR);
        this.keep = keep;
    }

    /** Written under a temporary dot-name and moved into place, so a reader never sees half a record. */
    void put(String name, Record record) throws IOException {
        Map<String, T> current = kept();
        T made = keep.apply(record);
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Files.write(temp, JSON.writeValueAsBytes(record));
            // replacing an existing target is platform-specific without REPLACE_EXISTING
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        current.put(name, made);
    }

    void remove(String name) throws IOException {
        Map<String, T> current = kept();
        Files.deleteIfExists(dir.resolve(name));
        current.remove(name);
    }

    /** Every record so far, this run's and earlier runs', as kept. */
    Collection<T> all() throws IOException {
        return kept().values();
    }

    // one card per video (never overwritten, so one input's), and one per failed input; names that differ only in case
    // make one video, as VideoNames counts them
    static String videoKey(String video) {
        return sha256("video:" + video.toLowerCase(Locale.ROOT)) + ".json";
    }

    static String failureKey(String input) {
        return sha256("failed:" + input) + ".json";
    }

    private Map<String, T> kept() throws IOException {
        Map<String, T> loaded = kept;
        if (loaded == null) {
            synchronized (loading) {
                loaded = kept;
                if (loaded == null) {
                    loaded = new ConcurrentHashMap<>(load());
                    kept = loaded;
                }
            }
        }
        return loaded;
    }

    private Map<String, T> load() throws IOException {
        Map<String, T> loaded = new HashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> listing = Files.list(dir)) {
                for (Path file : listing.toList()) {
                    String name = file.getFileName().toString();
                    T made = NAME.matcher(name).matches() ? read(file) : null;
                    if (made != null) {
                        loaded.put(name, made);
                    }
                }
            }
        }
        return loaded;
    }

    private T read(Path file) {
        try {
            return keep.apply(JSON.readValue(file.toFile(), Record.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipped the gallery record {}: {}", file, FileDropRoutes.oneLine(e));
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
