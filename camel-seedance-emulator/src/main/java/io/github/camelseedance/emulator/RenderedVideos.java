package io.github.camelseedance.emulator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The videos rendered for requests, in a cache bounded by bytes: a video is rendered when it is first asked for, on a
 * small pool of worker threads (never an event loop), and every request for it while it renders waits for that one
 * render. An evicted video is rendered again, to the same bytes, when asked for again.
 */
final class RenderedVideos {

    /** Turns a request and its fetched images into the bytes of an MP4; blocking. */
    @FunctionalInterface
    interface Renderer {

        byte[] render(VideoSpec spec, FrameImage first, FrameImage last) throws Exception;
    }

    /** 64 MiB: about 300 videos of 720p and 5 s, or 70 of 1080p and 10 s. */
    static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** A render keeps one core busy: one per core, at most two, so renders leave cores to the code under test. */
    static final int RENDER_THREADS =
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private static final Logger LOG = LoggerFactory.getLogger(RenderedVideos.class);

    private final Vertx vertx;
    private final WorkerExecutor workers;
    private final Function<String, Future<FrameImage>> images;
    private final Renderer renderer;
    private final AsyncCache<VideoSpec, PaddedVideo> cache;
    private final AtomicInteger renders = new AtomicInteger();

    RenderedVideos(Vertx vertx, Renderer renderer, long maxBytes) {
        this(vertx, new FrameImageFetcher(vertx)::fetch, renderer, maxBytes);
    }

    /** With {@code images} fetching a frame's image by its URL in place of a {@link FrameImageFetcher}. */
    RenderedVideos(Vertx vertx, Function<String, Future<FrameImage>> images, Renderer renderer, long maxBytes) {
        this.vertx = vertx;
        this.workers =
                vertx.createSharedWorkerExecutor("seedance-emulator-render", RENDER_THREADS, 5, TimeUnit.MINUTES);
        this.images = images;
        this.renderer = renderer;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((VideoSpec spec, PaddedVideo video) -> (int) Math.min(Integer.MAX_VALUE, video.size()))
                // eviction runs on the caller: no thread of Caffeine's own, and nothing left running after close
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * The video for this request: from the cache, or rendered now. Completes on the caller's Vert.x context, so an
     * event loop can go on writing the response; a render that fails is not cached and is tried again next time. Never
     * throws: any failure, before the render or in it, is a failed future, which the caller answers.
     */
    Future<PaddedVideo> video(VideoSpec spec) {
        CompletableFuture<PaddedVideo> video;
        try {
            // a mapping function that throws leaves nothing in the cache and the exception here
            video = cache.get(spec, (key, executor) -> render(key));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        // a failed render leaves the cache before anyone hears of it, so the next request renders afresh
        CompletableFuture<PaddedVideo> settled = video.whenComplete((done, failure) -> {
            if (failure != null) {
                cache.asMap().remove(spec, video);
            }
        });
        return Future.fromCompletionStage(settled, vertx.getOrCreateContext());
    }

    /** How many renders have started since this cache was made. */
    int renders() {
        return renders.get();
    }

    /** The bytes of the rendered videos held now. */
    long cachedBytes() {
        cache.synchronous().cleanUp();
        return cache.synchronous()
                .policy()
                .eviction()
                .orElseThrow()
                .weightedSize()
                .orElseThrow();
    }

    private CompletableFuture<PaddedVideo> render(VideoSpec spec) {
        Future<FrameImage> first = fetch(spec.firstFrameUrl());
        Future<FrameImage> last = fetch(spec.lastFrameUrl());
        return Future.all(first, last)
                .compose(fetched -> workers.executeBlocking(
                        () -> {
                            renders.incrementAndGet();
                            long start = System.nanoTime();
                            byte[] bytes = renderer.render(spec, first.result(), last.result());
                            LOG.debug(
                                    "Rendered a {} {} s video ({} bytes) in {} ms",
                                    spec.size(),
                                    spec.seconds(),
                                    bytes.length,
                                    (System.nanoTime() - start) / 1_000_000);
                            return new PaddedVideo(bytes, bytes.length);
                        },
                        false))
                .toCompletionStage()
                .toCompletableFuture();
    }

    private Future<FrameImage> fetch(String url) {
        return url == null ? Future.succeededFuture() : images.apply(url);
    }
}
