package io.github.camelseedance.client;

import java.util.concurrent.CompletableFuture;

import io.github.camelseedance.client.video.VideoDownload;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * The Seedance API as the producer needs it. Both calls return at once; the futures complete when the provider has
 * answered, exceptionally with a {@link io.github.camelseedance.SeedanceException} on any failure.
 */
public interface SeedanceClient {

    /**
     * Asks for one video; completes when the provider has made it (which takes minutes). The request is written only if
     * {@code gate} admits it when its body is about to go out. Cancelling the future ends the HTTP exchange and closes
     * its connection.
     */
    CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request, SendGate gate);

    /** Opens the video at its CDN address, sending no credentials; the download can be aborted at any point. */
    VideoDownload download(String videoUrl);
}
