package io.github.camelseedance.emulator;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one video, or one byte range of it (206), to one response in 64 KiB chunks, pausing while the client's write
 * queue is full so a gigabyte video holds a few chunks in memory. A broken stream closes the connection at its break
 * point (halfway unless chosen); a stalled one goes silent halfway until the client closes it.
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
    private final boolean lengthSent;
    private final long from;
    private final long to;
    private final boolean partial;
    private final long end;
    private long position;
    private boolean finished;
    private Future<Void> lastWrite = Future.succeededFuture();

    private VideoSender(
            HttpServerRequest request,
            PaddedVideo video,
            Delivery delivery,
            boolean lengthSent,
            VideoRange range,
            long breakAt) {
        this.request = request;
        this.response = request.response();
        this.video = video;
        this.delivery = delivery;
        this.lengthSent = lengthSent;
        this.partial = range != null;
        this.from = partial ? range.from() : 0;
        this.to = partial ? range.to() : video.size();
        long cut = delivery == Delivery.BROKEN && breakAt >= 0 ? breakAt : from + (to - from) / 2;
        this.end = delivery == Delivery.WHOLE ? to : Math.max(from, Math.min(cut, to));
        this.position = from;
    }

    /**
     * Sends the video, or the byte range asked for (null: all of it), or headers for it and the bytes up to the break
     * point ({@code breakAt}, or halfway when it is negative), then closes (broken) or waits (stalled); with its
     * Content-Length, or chunked without one.
     */
    static void send(
            HttpServerRequest request,
            PaddedVideo video,
            Delivery delivery,
            boolean lengthSent,
            VideoRange range,
            long breakAt) {
        new VideoSender(request, video, delivery, lengthSent, range, breakAt).start();
    }

    private void start() {
        if (response.closed() || response.ended()) {
            LOG.debug("GET {}: the client left before the video was sent", request.path());
            return;
        }
        response.setStatusCode(partial ? 206 : 200).putHeader("Content-Type", "video/mp4");
        if (partial) {
            response.putHeader("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + video.size());
        }
        if (lengthSent) {
            response.setChunked(false).putHeader("Content-Length", String.valueOf(to - from));
        } else {
            response.setChunked(true);
        }
        pump();
    }

    // runs on the connection's event loop, first from start() and then from the drain handler, never concurrently
    private void pump() {
        // Vert.x may report a drained queue after the last write (end() still queued behind other chunks): the
        // response is then already ended, and a second end() would throw "Response has already been written"
        if (finished) {
            return;
        }
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
        finished = true;
        response.drainHandler(null);
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
