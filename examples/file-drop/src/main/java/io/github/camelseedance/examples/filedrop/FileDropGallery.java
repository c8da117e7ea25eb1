package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.client.Texts;
import io.github.camelseedance.examples.gallery.Gallery;
import io.github.camelseedance.examples.gallery.GalleryCard;
import io.github.camelseedance.examples.gallery.GalleryFile;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output folder's {@code index.html}: one record per card on disk in {@code .gallery/}, and the page rebuilt from
 * all of them whenever a card is added, so it shows every video and failure so far, across restarts. A broken gallery
 * never fails an input: it is logged, and the next card tries again.
 */
final class FileDropGallery {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropRoutes.class);

    static final String RECORDS_DIR = ".gallery";
    static final String TITLE = "Seedance file drop";
    /** The request as sent, set as soon as the route knows it; a card shows it. */
    static final String REQUEST = "FileDropRequest";
    /** The input's name, set first thing, so a card names it however far the input got. */
    static final String INPUT_NAME = "FileDropInputName";

    private static final Pattern RECORD = Pattern.compile("[0-9a-f]{64}\\.json");
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path outputDir;
    private final Path recordsDir;
    // the records on disk, read once, with each card's markup: a page of many cards is rebuilt without reading or
    // rendering them all again
    private volatile Map<String, Shown> records;
    private final Object loading = new Object();
    // set by each new card, cleared by the rewrite that will include it: cards that arrive during a rewrite share the
    // next one instead of each rebuilding the page
    private final AtomicBoolean stale = new AtomicBoolean();
    private final Object rewriting = new Object();

    FileDropGallery(Path outputDir) {
        this.outputDir = outputDir;
        this.recordsDir = outputDir.resolve(RECORDS_DIR);
    }

    /**
     * One card, as kept on disk.
     *
     * @param video the video's file name in the output folder, or null for a failure
     * @param at    when the input ended, ISO-8601; the page shows the latest first
     */
    record Record(String input, VideoGenerationRequest request, String video, String failure, String at) {

        GalleryCard card() {
            return video != null
                    ? GalleryCard.video(input, request, Gallery.href(video))
                    : GalleryCard.failed(input, request, failure);
        }

        Instant when() {
            try {
                return Instant.parse(at);
            } catch (RuntimeException e) {
                return Instant.EPOCH;
            }
        }
    }

    /** A record with what the page needs of it, made once. */
    private record Shown(Record record, Instant when, GalleryCard card, String html) {

        static Shown of(Record record) {
            GalleryCard card = record.card();
            return new Shown(record, record.when(), card, Gallery.card(card).outerHtml());
        }
    }

    Path page() {
        return outputDir.resolve(GalleryFile.NAME);
    }

    /** After the video is in place: its card replaces any failure card of the same input. */
    void videoWritten(Exchange exchange) {
        String input = inputName(exchange);
        String video = exchange.getProperty(FileDropRoutes.VIDEO_NAME, String.class);
        VideoGenerationRequest request = exchange.getProperty(REQUEST, VideoGenerationRequest.class);
        update(input, () -> {
            put(videoKey(video), new Record(input, request, video, null, now()));
            remove(failureKey(input));
        });
    }

    /**
     * After an input failed, with the reason the route logs: the request as sent, or as far as it was read (a JSON
     * body that did not pass validation), or none. An earlier video of the same input keeps its card.
     */
    void failed(Exchange exchange, String reason) {
        String input = inputName(exchange);
        VideoGenerationRequest request = exchange.getProperty(REQUEST, VideoGenerationRequest.class);
        if (request == null && exchange.getMessage().getBody() instanceof VideoGenerationRequest read) {
            request = read;
        }
        Record record = new Record(input, request, null, reason, now());
        update(input, () -> put(failureKey(input), record));
    }

    /** Rebuilds the page from the records, unless a rewrite started after the last change has already done it. */
    void rewrite() throws IOException {
        stale.set(true);
        synchronized (rewriting) {
            if (!stale.getAndSet(false)) {
                return;
            }
            try {
                List<Shown> shown = shown();
                Document page = Gallery.page(TITLE, List.of());
                page.selectFirst("p.summary")
                        .text(Gallery.summary(shown.stream().map(Shown::card).toList()));
                // each card's markup was made, and its text escaped, by Gallery.card: written as it is
                page.getElementById("cards")
                        .appendChild(
                                new DataNode(shown.stream().map(Shown::html).collect(Collectors.joining("\n"))));
                GalleryFile.write(outputDir, page);
            } catch (IOException | RuntimeException e) {
                stale.set(true);
                throw e;
            }
        }
    }

    /** The cards, latest first; a video moved away since has none. */
    private List<Shown> shown() throws IOException {
        return records().values().stream()
                .filter(shown -> shown.record().video() == null
                        || Files.exists(outputDir.resolve(shown.record().video())))
                .sorted(Comparator.comparing(Shown::when)
                        .reversed()
                        .thenComparing(shown -> shown.record().input()))
                .toList();
    }

    private interface Change {
        void apply() throws IOException;
    }

    private void update(String input, Change change) {
        try {
            change.apply();
            rewrite();
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Could not add the card of {} to the gallery {}: {}",
                    Texts.oneLine(input),
                    page(),
                    FileDropRoutes.oneLine(e));
        }
    }

    /** Written under a temporary dot-name and moved into place, so a reader never sees half a record. */
    private void put(String name, Record record) throws IOException {
        Map<String, Shown> current = records();
        Shown shown = Shown.of(record);
        Files.createDirectories(recordsDir);
        Path temp = Files.createTempFile(recordsDir, "." + name, ".tmp");
        try {
            Files.write(temp, JSON.writeValueAsBytes(record));
            Files.move(temp, recordsDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        current.put(name, shown);
    }

    private void remove(String name) throws IOException {
        Map<String, Shown> current = records();
        Files.deleteIfExists(recordsDir.resolve(name));
        current.remove(name);
    }

    private Map<String, Shown> records() throws IOException {
        Map<String, Shown> loaded = records;
        if (loaded == null) {
            synchronized (loading) {
                loaded = records;
                if (loaded == null) {
                    loaded = new ConcurrentHashMap<>(load());
                    records = loaded;
                }
            }
        }
        return loaded;
    }

    private Map<String, Shown> load() throws IOException {
        Map<String, Shown> loaded = new HashMap<>();
        if (Files.isDirectory(recordsDir)) {
            try (Stream<Path> listing = Files.list(recordsDir)) {
                for (Path file : listing.toList()) {
                    String name = file.getFileName().toString();
                    Shown shown = RECORD.matcher(name).matches() ? read(file) : null;
                    if (shown != null) {
                        loaded.put(name, shown);
                    }
                }
            }
        }
        return loaded;
    }

    private static Shown read(Path file) {
        try {
            return Shown.of(JSON.readValue(file.toFile(), Record.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipped the gallery record {}: {}", file, FileDropRoutes.oneLine(e));
            return null;
        }
    }

    // one card per video (never overwritten, so one input's), and one per failed input; names that differ only in case
    // make one video, as VideoNames counts them
    static String videoKey(String video) {
        return sha256("video:" + video.toLowerCase(Locale.ROOT)) + ".json";
    }

    static String failureKey(String input) {
        return sha256("failed:" + input) + ".json";
    }

    private static String inputName(Exchange exchange) {
        String name = exchange.getProperty(INPUT_NAME, String.class);
        return name != null ? name : exchange.getMessage().getHeader(Exchange.FILE_NAME, "unknown input", String.class);
    }

    private static String now() {
        return Instant.now().toString();
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
