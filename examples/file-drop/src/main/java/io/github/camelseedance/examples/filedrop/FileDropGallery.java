package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.github.camelseedance.client.Texts;
import io.github.camelseedance.examples.filedrop.GalleryRecords.Record;
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
 * The output folder's {@code index.html}, rebuilt from the {@link GalleryRecords} whenever a card is added, so it shows
 * the latest videos and failures across restarts. A broken gallery never fails an input: it is logged, and the next
 * card tries again.
 */
final class FileDropGallery {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropRoutes.class);

    static final String TITLE = "Seedance file drop";
    /** The request as sent, set as soon as the route knows it; a card shows it. */
    static final String REQUEST = "FileDropRequest";
    /** The input's name, set first thing, so a card names it however far the input got. */
    static final String INPUT_NAME = "FileDropInputName";
    /** The cards on the page, the latest; its summary counts them all. */
    static final int MAX_CARDS = 500;

    private final Path outputDir;
    private final int maxCards;
    private final Clock clock;
    // each card's markup is made once, when its record is read or written: a page of many cards is rebuilt without
    // rendering them all again
    private final GalleryRecords<Shown> records;
    // set by each new card, cleared by the rewrite that will include it: cards that arrive during a rewrite share the
    // next one instead of each rebuilding the page
    private final AtomicBoolean stale = new AtomicBoolean();
    private final Object rewriting = new Object();

    FileDropGallery(Path outputDir) {
        this(outputDir, MAX_CARDS, Clock.systemUTC());
    }

    FileDropGallery(Path outputDir, int maxCards, Clock clock) {
        this.outputDir = outputDir;
        this.maxCards = maxCards;
        this.clock = clock;
        this.records = new GalleryRecords<>(outputDir, Shown::of);
    }

    /** A record with what the page needs of it, made once. */
    private record Shown(Record record, Instant when, GalleryCard card, String html) {

        static Shown of(Record record) {
            GalleryCard card = record.video() != null
                    ? GalleryCard.video(record.input(), record.request(), Gallery.href(record.video()))
                    : GalleryCard.failed(record.input(), record.request(), record.failure());
            return new Shown(record, record.when(), card, Gallery.cardHtml(card));
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
            records.put(GalleryRecords.videoKey(video), new Record(input, request, video, null, now()));
            records.remove(GalleryRecords.failureKey(input));
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
        update(input, () -> records.put(GalleryRecords.failureKey(input), record));
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
                List<Shown> onPage = shown.subList(0, Math.min(maxCards, shown.size()));
                String summary = Gallery.summary(shown.stream().map(Shown::card).toList());
                Document page = Gallery.page(TITLE, List.of());
                page.selectFirst("p.summary")
                        .text(
                                onPage.size() < shown.size()
                                        ? summary + "; the latest " + onPage.size() + " shown"
                                        : summary);
                // each card's markup was made, and its text escaped, by Gallery.cardHtml: written as it is
                page.getElementById("cards")
                        .appendChild(
                                new DataNode(onPage.stream().map(Shown::html).collect(Collectors.joining("\n"))));
                GalleryFile.write(outputDir, page);
            } catch (IOException | RuntimeException e) {
                stale.set(true);
                throw e;
            }
        }
    }

    /** The cards, latest first; a video moved away since has none. */
    private List<Shown> shown() throws IOException {
        return records.all().stream()
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

    private static String inputName(Exchange exchange) {
        String name = exchange.getProperty(INPUT_NAME, String.class);
        return name != null ? name : exchange.getMessage().getHeader(Exchange.FILE_NAME, "unknown input", String.class);
    }

    private String now() {
        return clock.instant().toString();
    }
}
