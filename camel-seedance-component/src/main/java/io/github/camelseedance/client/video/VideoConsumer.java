package io.github.camelseedance.client.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.apache.hc.client5.http.HttpResponseException;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Receives a video for HttpClient's async client: a 200 hands its {@link VideoDownload} a stream as soon as its head
 * arrives, fed through one {@link VideoBuffer} so the heap stays flat, and completes the HTTP exchange only at the end
 * of the body, so that the exchange can be cancelled until then; any other status, once redirects are followed, fails
 * with an {@link HttpResponseException}. Custom, as DESIGN.md's "The video consumer" explains.
 */
public final class VideoConsumer implements AsyncResponseConsumer<VideoContent> {

    /** The ring each download streams through; what the connection may send before being asked is its own window. */
    public static final int RING_BYTES = 1024 * 1024;

    private final VideoDownload download;
    private final long initialWindow;
    private final int slack;
    private final Duration stall;
    private volatile VideoBuffer buffer;
    private volatile VideoContent content;
    private volatile FutureCallback<VideoContent> result;

    /**
     * @param download      what the video is handed to
     * @param initialWindow what the connection may deliver before it asks for room (its initial window)
     * @param slack         room kept free for what the connection delivers beyond its window (its input buffer)
     * @param stall         the longest a reader waits for bytes
     */
    public VideoConsumer(VideoDownload download, long initialWindow, int slack, Duration stall) {
        this.download = download;
        this.initialWindow = initialWindow;
        this.slack = slack;
        this.stall = stall;
    }

    @Override
    public void consumeResponse(
            HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<VideoContent> result) {
        if (response.getCode() != 200) {
            result.failed(new HttpResponseException(response.getCode(), response.getReasonPhrase()));
            return;
        }
        VideoBuffer video = new VideoBuffer(RING_BYTES, initialWindow, slack, stall);
        Header type = response.getFirstHeader("Content-Type");
        long length = entity == null ? 0 : entity.getContentLength();
        VideoContent arrived = new VideoContent(new VideoStream(video), type == null ? null : type.getValue(), length);
        buffer = video;
        content = arrived;
        this.result = result;
        download.arrived(video, arrived);
        if (entity == null) {
            video.end();
            result.completed(arrived);
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing a download needs
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        VideoBuffer video = buffer;
        if (video == null) {
            capacityChannel.update(Integer.MAX_VALUE); // the body of an error: read and dropped
        } else {
            video.updateCapacity(capacityChannel);
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        VideoBuffer video = buffer;
        if (video == null) {
            src.position(src.limit());
        } else {
            video.fill(src);
        }
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
        VideoBuffer video = buffer;
        if (video != null) {
            video.fail(cause);
        }
    }

    @Override
    public void releaseResources() {
        // the buffer belongs to the reader until it has read or closed the stream
    }
}
