package io.github.camelseedance.examples.jmsqueue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.examples.gallery.Gallery;
import io.github.camelseedance.examples.gallery.GalleryCard;
import io.github.camelseedance.examples.gallery.GalleryFile;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The demo's gallery: each result's video fetched with {@code seedance:download} (a download only, never a generation)
 * into the output folder under its request id, and {@code index.html} beside them with one card per request id.
 */
final class DemoGallery {

    static final String TITLE = "Seedance JMS queue demo";
    static final String DOWNLOAD_URI = "seedance:download";

    /** What was written: the page, the video file of each request id downloaded, and the downloads that failed. */
    record Written(Path page, Map<String, String> videoFiles, int downloadsFailed) {}

    private DemoGallery() {}

    /** Downloads the videos and writes the page; call while the video host (the emulator) still runs. */
    static Written write(CamelContext context, Path folder, AnswerTally tally) throws IOException {
        Files.createDirectories(folder);
        Map<String, String> files = new LinkedHashMap<>();
        List<GalleryCard> cards = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int downloadsFailed = 0;
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (String id : tally.requestIds()) {
                Optional<ResultMessage> result = tally.result(id);
                Optional<QueueClient.DeadLetter> deadLetter = tally.deadLetter(id);
                if (result.isPresent()) {
                    VideoGenerationRequest request = sentRequest(result.get(), tally, id);
                    String name = fileName(id, taken);
                    try {
                        download(template, result.get().videoUrl(), folder.resolve(name));
                        files.put(id, name);
                        cards.add(GalleryCard.video(id, request, Gallery.href(name)));
                    } catch (Exception e) {
                        downloadsFailed++;
                        cards.add(GalleryCard.failed(
                                id, request, "The video was generated but not downloaded: " + Texts.oneLine(e)));
                    }
                } else if (deadLetter.isPresent()) {
                    cards.add(GalleryCard.failed(
                            id,
                            asWritten(deadLetter.get().body()),
                            deadLetter.get().reason()));
                } else {
                    cards.add(GalleryCard.failed(
                            id,
                            tally.sample(id)
                                    .map(sample -> asWritten(sample.json()))
                                    .orElse(null),
                            "No answer before the demo stopped waiting"));
                }
            }
        }
        return new Written(GalleryFile.write(folder, TITLE, cards), files, downloadsFailed);
    }

    /**
     * The file a request id's video is written to: the id with every character but letters, digits, {@code . _ -}
     * replaced (ids are free text), never a dot-name, and numbered when two ids would share a name on any file system.
     */
    static String fileName(String requestId, Set<String> taken) {
        String base = requestId.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
        String name = base + ".mp4";
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n + ".mp4";
        }
        return name;
    }

    // written under a dot-name first, so that a download cut short never leaves a file that looks whole
    private static void download(ProducerTemplate template, String url, Path target) throws Exception {
        Exchange exchange =
                template.request(DOWNLOAD_URI, e -> e.getMessage().setHeader(SeedanceConstants.VIDEO_URL, url));
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            try (InputStream video = exchange.getMessage().getMandatoryBody(InputStream.class)) {
                Files.copy(video, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The request the worker sent; from a worker that did not say, the request as the message wrote it. */
    private static VideoGenerationRequest sentRequest(ResultMessage result, AnswerTally tally, String id) {
        if (result.request() != null) {
            return result.request();
        }
        VideoGenerationRequest written =
                tally.sample(id).map(sample -> asWritten(sample.json())).orElse(null);
        return written != null
                ? written
                : VideoGenerationRequest.builder().model(result.model()).build();
    }

    /** The request in a request message as written, or null when it cannot be read as one. */
    private static VideoGenerationRequest asWritten(String json) {
        try {
            return RequestEnvelope.parse(json).videoRequest();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
