package io.github.camelseedance.client.video;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import io.github.camelseedance.SeedanceException;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.ComplexCancellable;

/**
 * One video download, across its attempts: {@link #content()} completes when the first video head arrives,
 * {@link #ended()} once no connection works on it any more, and {@link #abort} ends it at any point, failing its stream
 * and closing its connection.
 */
public final class VideoDownload {

    private final String url;
    private final CompletableFuture<VideoContent> content = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final ComplexCancellable exchange = new ComplexCancellable();

    // guarded by this
    private VideoBuffer buffer;
    private SeedanceException aborted;
    private int resumptions;

    /** @param url the video's address, which the failures of the download carry */
    public VideoDownload(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** The video as it arrives; fails when no 200 head came, or when aborted before it. */
    public CompletableFuture<VideoContent> content() {
        return content;
    }

    /** Completes when the connection is done with the download: its end arrived, it failed, or it was aborted. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /**
     * Ends the download now: a reader of its stream, even one waiting for bytes, gets an IOException caused by
     * {@code reason}; the connection is closed; and if the head has not arrived, {@link #content()} fails with
     * {@code reason}. Does nothing once the download has ended.
     */
    public void abort(SeedanceException reason) {
        VideoBuffer video;
        synchronized (this) {
            if (aborted != null || ended.isDone()) {
                return;
            }
            aborted = reason;
            video = buffer;
        }
        content.completeExceptionally(reason);
        if (video != null) {
            video.abort(new IOException(reason.getMessage(), reason));
        }
        exchange.cancel();
    }

    /** Whether {@link #abort} was called; a download not started yet is then not started at all. */
    public synchronized boolean isAborted() {
        return aborted != null;
    }

    // ---- the HTTP client's side

    /** How to cancel the HTTP exchange once it runs; cancelled at once when the download was aborted before. */
    public void running(Cancellable httpExchange) {
        exchange.setDependency(httpExchange);
    }

    /** The download failed for good: before its head arrived, its content fails; after, its stream. */
    public void failed(SeedanceException failure) {
        VideoBuffer video;
        synchronized (this) {
            video = buffer;
        }
        content.completeExceptionally(failure);
        if (video != null) {
            video.fail(failure);
        }
        ended.complete(null);
    }

    /**
     * An attempt broke off and another will follow: a reader of the stream waits for it, without the stall limit,
     * since the attempts have their own bounds.
     */
    public void broke() {
        VideoBuffer video;
        synchronized (this) {
            resumptions++;
            video = buffer;
        }
        if (video != null) {
            video.detach();
        }
    }

    /** How many times an attempt broke off and another followed. */
    public synchronized int resumptions() {
        return resumptions;
    }

    /** The bytes of the video received so far, where a later attempt takes up the download; 0 before its head. */
    public long received() {
        VideoBuffer video = buffer();
        return video == null ? 0 : video.received();
    }

    /** Whether nothing more is wanted: aborted, or the stream ended, failed or was closed by its reader. */
    public boolean isOver() {
        VideoBuffer video;
        synchronized (this) {
            if (aborted != null) {
                return true;
            }
            video = buffer;
        }
        return video != null && video.isOver();
    }

    /** The stream's buffer once the first head has arrived; a later attempt writes into it. */
    synchronized VideoBuffer buffer() {
        return buffer;
    }

    /** The connection is done with the download, whatever the reason. */
    public void finished() {
        ended.complete(null);
    }

    /** The 200 head arrived: the video is handed over, unless the download was aborted first. */
    void arrived(VideoBuffer video, VideoContent arrived) {
        SeedanceException refused;
        synchronized (this) {
            buffer = video;
            refused = aborted;
        }
        if (refused != null) {
            video.abort(new IOException(refused.getMessage(), refused));
        } else {
            content.complete(arrived);
        }
    }
}
