package io.github.camelseedance.examples.jmsqueue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.camelseedance.examples.gallery.Gallery;
import io.github.camelseedance.examples.gallery.GalleryCard;
import io.github.camelseedance.examples.gallery.GalleryFile;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * The demo's {@code index.html}, beside the videos {@link ResultDownloads} fetched: one card per request id, with its
 * video or the reason it has none.
 */
final class DemoGallery {

    static final String TITLE = "Seedance JMS queue demo";

    private DemoGallery() {}

    /** Writes the page and returns its path. */
    static Path write(Path folder, AnswerTally tally, ResultDownloads.Downloaded downloads) throws IOException {
        List<GalleryCard> cards = tally.requestIds().stream()
                .map(id -> card(id, tally, downloads))
                .toList();
        return GalleryFile.write(folder, TITLE, cards);
    }

    private static GalleryCard card(String id, AnswerTally tally, ResultDownloads.Downloaded downloads) {
        Optional<ResultMessage> result = tally.result(id);
        if (result.isPresent()) {
            VideoGenerationRequest request = sentRequest(result.get(), tally, id);
            String file = downloads.files().get(id);
            return file != null
                    ? GalleryCard.video(id, request, Gallery.href(file))
                    : GalleryCard.failed(
                            id,
                            request,
                            "The video was generated but not downloaded: "
                                    + downloads.failures().get(id));
        }
        Optional<QueueClient.DeadLetter> deadLetter = tally.deadLetter(id);
        if (deadLetter.isPresent()) {
            return GalleryCard.failed(
                    id, asWritten(deadLetter.get().body()), deadLetter.get().reason());
        }
        return GalleryCard.failed(
                id,
                tally.sample(id).map(sample -> asWritten(sample.json())).orElse(null),
                "No answer before the demo stopped waiting");
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
