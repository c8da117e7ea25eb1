package io.github.camelseedance.client.video;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.apache.hc.client5.http.HttpResponseException;
import org.apache.hc.client5.http.protocol.RedirectStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentTooLongException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Receives one hop of a video download: the first 200 hands its {@link VideoDownload} a stream at the head, a later
 * attempt's 206 (or 200, while the reader has taken nothing) carries the same stream on, and the exchange completes at
 * the end of the body; a redirect fails with {@link Redirect}, other statuses with an {@link HttpResponseException},
 * their bodies unread. Why it is custom: DESIGN.md, "The video consumer".
 */
public final class VideoConsumer implements AsyncResponseConsumer<VideoContent> {

    /** The ring each download streams through; what the connection may send before being asked is its own window. */
    public static final int RING_BYTES = 1024 * 1024;

    /** A redirect to follow: the caller follows it with a new exchange, so this one's body is never read. */
    public static final class Redirect extends HttpResponseException {

        private static final long serialVersionUID = 1L;
        private final URI location;

        Redirect(int statusCode, String reason, URI location) {
            super(statusCode, reason);
            this.location = location;
        }

        /** Where the video is said to be, resolved against the URL that answered. */
        public URI location() {
            return location;
        }
    }

    /** An answer that cannot carry on the stream a route is reading: another attempt would not help. */
    public static final class NotResumable extends IOException {

        private static final long serialVersionUID = 1L;

        NotResumable(String message) {
            super(message);
        }
    }

    private final VideoDownload download;
    private final URI uri;
    private final RedirectStrategy redirects;
    private final long initialWindow;
    private final int slack;
    private final Duration stall;
    private final long maxBytes;
    private final long offset;
    private final Runnable finished;
    private volatile VideoBuffer buffer;
    private volatile VideoContent content;
    private volatile FutureCallback<VideoContent> result;
    /** The response's body is not wanted: the exchange is failed when it arrives, which drops the connection. */
    private volatile boolean refused;

    /**
     * @param download      what the video is handed to, and what aborts it
     * @param uri           the URL requested, against which a relative redirect resolves
     * @param redirects     which answers are redirects, and where to
     * @param initialWindow what the connection may deliver before it asks for room (its initial window)
     * @param slack         room kept free for what the connection delivers beyond its window (its input buffer)
     * @param stall         the longest a reader waits for bytes
     * @param maxBytes      the most bytes the video may have (maxVideoSize)
     * @param offset        the first byte asked for: 0, or where a later attempt takes the download up (Range)
     * @param finished      run once the video's body is over (ended, failed, cut off, aborted or closed by its reader)
     */
    public VideoConsumer(
            VideoDownload download,
            URI uri,
            RedirectStrategy redirects,
            long initialWindow,
            int slack,
            Duration stall,
            long maxBytes,
            long offset,
            Runnable finished) {
        this.offset = offset;
        this.download = download;
        this.uri = uri;
        this.redirects = redirects;
        this.initialWindow = initialWindow;
        this.slack = slack;
        this.stall = stall;
        this.maxBytes = maxBytes;
        this.finished = finished;
    }

    @Override
    public void consumeResponse(
            HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<VideoContent> result)
            throws HttpException {
        int code = response.getCode();
        long length = entity == null ? 0 : entity.getContentLength();
        // the stream a route already reads, when this is a later attempt
        VideoBuffer resumed = download.buffer();
        Exception refusal;
        if (download.isAborted()) {
            refusal = new IOException("the download was aborted before its answer arrived");
        } else if (code == 200) {
            refusal = length > maxBytes ? tooLong(length) : resumed == null || resumed.restart() ? null : wholeVideo();
        } else if (code == 206 && resumed != null && offset > 0) {
            refusal = rangeRefusal(ContentRange.parse(header(response, "Content-Range")));
            if (refusal == null && !resumed.resume()) {
                refusal = new IOException("the video stream was closed before the download was taken up again");
            }
        } else {
            BasicHttpRequest request = new BasicHttpRequest(Method.GET, uri);
            refusal = redirects.isRedirected(request, response, context)
                    ? new Redirect(
                            code, response.getReasonPhrase(), redirects.getLocationURI(request, response, context))
                    : new HttpResponseException(code, response.getReasonPhrase());
        }
        if (refusal != null) {
            refused = true;
            result.failed(refusal);
            return;
        }
        this.result = result;
        if (resumed != null) {
            content = download.content().getNow(null);
            buffer = resumed;
            if (entity == null) {
                resumed.end();
                result.completed(content);
            }
            return;
        }
        VideoBuffer video = new VideoBuffer(RING_BYTES, initialWindow, slack, stall, maxBytes, finished);
        Header type = response.getFirstHeader("Content-Type");
        VideoContent arrived = new VideoContent(new VideoStream(video), type == null ? null : type.getValue(), length);
        content = arrived;
        buffer = video;
        // an abort that came after the check above fails the stream here, and closes the connection itself
        download.arrived(video, arrived);
        if (entity == null) {
            video.end();
            result.completed(arrived);
        }
    }

    private ContentTooLongException tooLong(long length) {
        return new ContentTooLongException("its Content-Length of " + length
                + " bytes is larger than the maxVideoSize of " + maxBytes + " bytes, so it was not downloaded");
    }

    private NotResumable wholeVideo() {
        return new NotResumable("the video host does not answer ranges: it sent the whole video (HTTP 200) when"
                + " asked for the bytes from " + offset + ", and the route had already read the first ones");
    }

    /** Why a 206 cannot carry the stream on, or null when it starts at the first missing byte of the same video. */
    private Exception rangeRefusal(ContentRange range) {
        if (range == null) {
            return new NotResumable("the video host answered HTTP 206 without a valid Content-Range");
        }
        if (range.first() != offset) {
            return new NotResumable("the video host answered the bytes from " + range.first() + " when asked for the"
                    + " bytes from " + offset);
        }
        VideoContent first = download.content().getNow(null);
        long announced = first == null ? -1 : first.contentLength();
        if (announced >= 0 && range.total() >= 0 && range.total() != announced) {
            return new NotResumable("the video's length changed from " + announced + " to " + range.total()
                    + " bytes between attempts");
        }
        return range.total() > maxBytes ? tooLong(range.total()) : null;
    }

    private static String header(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing a download needs
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        wanted().updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        wanted().fill(src);
    }

    /** The buffer of a body that is wanted; for any other, a failure that ends the exchange and drops its connection. */
    private VideoBuffer wanted() throws IOException {
        VideoBuffer video = buffer;
        if (refused || video == null) {
            throw new IOException("the body of a response that is not the video is not read");
        }
        return video;
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        VideoBuffer video = buffer;
        if (video != null) {
            video.end();
            result.completed(content);
        }
    }

    @Override
    public void failed(Exception cause) {
        // the download decides: another attempt carries the stream on, or the stream fails for good
    }

    @Override
    public void releaseResources() {
        // the buffer belongs to the reader until it has read or closed the stream
    }
}
