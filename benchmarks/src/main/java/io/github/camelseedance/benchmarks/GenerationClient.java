package io.github.camelseedance.benchmarks;

import java.util.concurrent.CompletableFuture;

/**
 * One way of asking the emulator for a video: the Camel route, or one of the floors written by hand. The scenarios
 * drive every contender through this, so each side is measured by the same loop.
 */
interface GenerationClient extends AutoCloseable {

    /** Starts one generation without waiting; completes with the video URL, or exceptionally. */
    CompletableFuture<String> generate();

    @Override
    void close() throws Exception;
}
