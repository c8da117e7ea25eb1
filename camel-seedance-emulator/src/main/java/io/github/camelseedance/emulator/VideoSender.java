package io.github.camelseedance.emulator;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one video to one response in 64 KiB chunks with its full Content-Length, pausing whenever the client's write
 * queue is full, so even a gigabyte video holds only a few chunks in memory. A broken stream stops after half the bytes
 * and closes the connection; a stalled one stops after half the bytes and leaves the connection open, silent, until the
 * client closes it.
 */
final class VideoSender {

    /** How much of the video is sent, and what happens after. */
    enum Delivery {
        WHOLE,
        BROKEN,
        STALLED
    }

    static final int CHUNK_SIZE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(VideoSender.class);

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final PaddedVideo video;
    private final Delivery delivery;
    private final long end;
    private long position;
    private Future<Void> lastWrite = Future.succeededFuture();

    private VideoSender(HttpServerRequest request, PaddedVideo video, Delivery delivery) {
        this.request = request;
        this.response = request.response();
        this.video = video;
        this.delivery = delivery;
        this.end = delivery == Delivery.WHOLE ? video.size() : video.size() / 2;
    }

    /** Sends the whole video, or headers for the whole and half the bytes, then closes (broken) or waits (stalled). */
    static void send(HttpServerRequest request, PaddedVideo video, Delivery delivery) {
        new VideoSender(request, video, delivery).start();
    }

    private void start() {
        if (response.closed() || response.ended()) {
            LOG.debug("GET {}: the client left before the video was sent", request.path());
            return;
        }
        response.setStatusCode(200)
                .setChunked(false)
                .putHeader("Content-Type", "video/mp4")
                .putHeader("Content-Length", String.valueOf(video.size()));
        pump();
    }

    // runs on the connection's event loop, first from start() and then from the drain handler, never concurrently
    private void pump() {
        while (position < end) {
            if (response.closed()) {
                LOG.debug("GET {}: the client left after {} of {} bytes", request.path(), position, video.size());
                return;
            }
            if (response.writeQueueFull()) {
                response.drainHandler(drained -> pump());
                return;
            }
            int length = (int) Math.min(CHUNK_SIZE, end - position);
            lastWrite = response.write(video.slice(position, length));
            position += length;
        }
        if (delivery == Delivery.STALLED) {
            LOG.debug("GET {}: stalling after {} of {} bytes, as scripted", request.path(), position, video.size());
        } else if (delivery == Delivery.BROKEN) {
            // closed only once the last chunk is on the wire: a close with writes still queued would discard them
            lastWrite.onComplete(written -> {
                LOG.debug(
                        "GET {}: breaking the download after {} of {} bytes, as scripted",
                        request.path(),
                        position,
                        video.size());
                request.connection().close();
            });
        } else {
            response.end()
                    .onFailure(e -> LOG.debug("GET {}: video not fully delivered: {}", request.path(), e.toString()));
        }
    }
}
