package io.github.camelseedance.emulator;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /videos/<id>.mp4}: streams issued videos, once rendered, and records each download and whether it carried
 * credentials. A GET breaks or stalls halfway for a {@link Fault#BROKEN_DOWNLOAD} video's first GET or while
 * {@link SeedanceEmulator#breakNextDownloads} or {@link SeedanceEmulator#stallNextDownloads} have some pending.
 */
final class VideoEndpoint {

    static final String PREFIX = "/videos/";
    static final String SUFFIX = ".mp4";

    private static final Logger LOG = LoggerFactory.getLogger(VideoEndpoint.class);

    private final EmulatorRecords records;
    private final VideoLibrary videos;
    private final Countdown brokenDownloads;
    private final Countdown stalledDownloads;
    private final ConcurrencyGauge gauge;
    private final BooleanSupplier lengthSent;
    private final BooleanSupplier rangesSupported;
    private final LongSupplier breakPoint;

    VideoEndpoint(
            EmulatorRecords records,
            VideoLibrary videos,
            Countdown brokenDownloads,
            Countdown stalledDownloads,
            ConcurrencyGauge gauge,
            BooleanSupplier lengthSent,
            BooleanSupplier rangesSupported,
            LongSupplier breakPoint) {
        this.records = records;
        this.videos = videos;
        this.brokenDownloads = brokenDownloads;
        this.stalledDownloads = stalledDownloads;
        this.gauge = gauge;
        this.lengthSent = lengthSent;
        this.rangesSupported = rangesSupported;
        this.breakPoint = breakPoint;
    }

    static boolean matches(HttpServerRequest request) {
        return request.path().startsWith(PREFIX)
                && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD);
    }

    void handle(HttpServerRequest request) {
        String path = request.path();
        String name = path.substring(PREFIX.length());
        String id = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : null;
        boolean known = id != null && videos.isIssued(id);
        int status = known ? 200 : 404;
        Map<String, List<String>> headers = HeaderMaps.copyOf(request.headers());
        records.addDownload(new RecordedDownload(request.method().name(), path, headers, status));
        LOG.debug(
                "{} {} -> {} (Authorization header {})",
                request.method(),
                path,
                status,
                headers.containsKey("authorization") ? "present" : "absent");

        if (!known) {
            Replies.sendError(
                    request, 404, "No video at " + path, "invalid_request_error", null, "not_found", Replies::ignore);
            return;
        }
        if (request.method() == HttpMethod.HEAD) {
            videos.video(id).onComplete(video -> {
                if (video.failed()) {
                    renderFailed(request, video.cause());
                    return;
                }
                acceptRanges(request);
                request.response()
                        .setStatusCode(200)
                        .putHeader("Content-Type", "video/mp4")
                        .putHeader(
                                "Content-Length", String.valueOf(video.result().size()))
                        .end();
            });
            return;
        }
        // counted out when the response ends or its connection closes, whichever comes first; counted in at once, so
        // a GET waiting for its video to render is in flight too
        Runnable leave = gauge.enter();
        request.response().endHandler(ended -> leave.run());
        request.response().closeHandler(closed -> leave.run());
        // taken on arrival, in the order the GETs came: a video's own injected fault first, so it does not use up a
        // break scripted for another download; only a GET of a known video uses up a pending break or stall
        VideoSender.Delivery delivery = videos.takeBreak(id) || brokenDownloads.take()
                ? VideoSender.Delivery.BROKEN
                : stalledDownloads.take() ? VideoSender.Delivery.STALLED : VideoSender.Delivery.WHOLE;
        long breakAt = delivery == VideoSender.Delivery.BROKEN ? breakPoint.getAsLong() : -1;
        boolean ranges = rangesSupported.getAsBoolean();
        boolean withLength = lengthSent.getAsBoolean();
        // completes on this request's event loop: the render itself runs on a worker
        videos.video(id).onComplete(video -> {
            if (video.failed()) {
                renderFailed(request, video.cause());
                return;
            }
            long size = video.result().size();
            VideoRange range = ranges ? VideoRange.parse(request.getHeader("Range"), size) : null;
            if (range == VideoRange.UNSATISFIABLE) {
                request.response()
                        .setStatusCode(416)
                        .putHeader("Content-Range", "bytes */" + size)
                        .end();
                return;
            }
            acceptRanges(request);
            VideoSender.send(request, video.result(), delivery, withLength, range, breakAt);
        });
    }

    // a bug, not a fault a test asked for: a 500 that names it, so the test that met it shows why
    private static void renderFailed(HttpServerRequest request, Throwable cause) {
        LOG.warn("GET {}: the video could not be rendered", request.path(), cause);
        if (!request.response().closed() && !request.response().ended()) {
            Replies.sendError(
                    request,
                    500,
                    "The emulator could not render this video: " + cause,
                    "server_error",
                    null,
                    "render_failed",
                    Replies::ignore);
        }
    }

    private void acceptRanges(HttpServerRequest request) {
        request.response().putHeader("Accept-Ranges", rangesSupported.getAsBoolean() ? "bytes" : "none");
    }
}
