package io.github.camelseedance.client;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.CapacityChannel;

/**
 * A GET of a video. A 200 completes as soon as its head arrives, with a {@link VideoStream} that delivers the body as
 * it comes through a {@link VideoBuffer}; any other status completes with that status and its Location, and its body
 * is read and dropped.
 */
final class VideoCall extends HttpCall<VideoCall.Reply> {

    /**
     * @param status   the HTTP status
     * @param location the Location header, or null
     * @param video    the video, for a 200; null otherwise
     */
    record Reply(int status, String location, VideoContent video) {
    }

    private final HttpTransport.Buffers buffers;
    private final Duration stall;
    private VideoBuffer buffer;

    /** {@code stall}: the longest the reader waits for bytes, the requestTimeout. */
    VideoCall(URI uri, HttpTransport.Buffers buffers, Duration stall) {
        super(uri, new BasicHttpRequest(Method.GET, uri), null);
        this.buffers = buffers;
        this.stall = stall;
    }

    @Override
    void onResponse(HttpResponse response, EntityDetails entity) {
        if (response.getCode() != 200) {
            Header location = response.getFirstHeader("Location");
            complete(new Reply(response.getCode(), location == null ? null : location.getValue(), null));
            return;
        }
        buffer = new VideoBuffer(buffers.perDownload(), buffers.initialWindow(), buffers.slack(), stall);
        if (entity == null) {
            buffer.end();
        }
        Header type = response.getFirstHeader("Content-Type");
        long length = entity == null ? 0 : entity.getContentLength();
        complete(new Reply(200, null, new VideoContent(new VideoStream(buffer), type == null ? null : type.getValue(),
                length)));
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        if (buffer == null) {
            super.updateCapacity(capacityChannel);
        } else {
            buffer.updateCapacity(capacityChannel);
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (buffer == null) {
            src.position(src.limit()); // the body of a redirect or an error: not needed
        } else {
            buffer.fill(src);
        }
    }

    @Override
    void onEnd() {
        if (buffer != null) {
            buffer.end();
        }
    }

    @Override
    public void failed(Exception cause) {
        if (buffer != null) {
            buffer.fail(cause);
        }
        super.failed(cause);
    }
}
