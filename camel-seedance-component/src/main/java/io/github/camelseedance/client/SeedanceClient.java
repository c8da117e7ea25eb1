package io.github.camelseedance.client;

import java.util.concurrent.CompletableFuture;

import io.github.camelseedance.client.video.VideoContent;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * The Seedance API as the producer needs it. Both calls return at once; the futures complete when the provider has
 * answered, exceptionally with a {@link io.github.camelseedance.SeedanceException} on any failure.
 */
public interface SeedanceClient {

    /** Asks for one video; completes when the provider has made it (which takes minutes). */
    CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request);

    /** Opens the video at its CDN address, sending no credentials; completes when the response headers arrive. */
    CompletableFuture<VideoContent> download(String videoUrl);
}
