package io.github.camelseedance.client.video;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.hc.core5.http.ContentTooLongException;
import org.apache.hc.core5.http.nio.CapacityChannel;

/**
 * A download's bytes on their way from the I/O thread to the route, in one fixed ring: the I/O thread sends only what
 * the ring has room for, and the reader hands room back as it reads (DESIGN.md, "The video consumer", says why).
 */
final class VideoBuffer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Room the I/O thread may use before it asks: the connection's initial window. */
    private final long initialWindow;
    /** Room kept free for what the connection delivers beyond its window (its buffered input). */
    private final int slack;
    /** Room is handed back in steps at least this big, so each read does not wake the I/O thread. */
    private final int minGrant;
    /**
     * The longest a read waits for bytes. The connection's own inactivity timeout normally fails the download first;
     * this bounds the wait even if that failure never reaches the buffer (the transport closed under it).
     */
    private final long stallNanos;
    /** The most bytes the video may have: the download is cut off beyond. */
    private final long maxBytes;
    /** Run once, when the download is over: ended, failed, cut off, aborted or given up by the reader. */
    private final Runnable finished;

    private final AtomicBoolean over = new AtomicBoolean();
    private byte[] ring;
    private int head;
    private int size;
    /** Bytes received, across attempts. */
    private long written;
    /** Bytes the reader has taken. */
    private long taken;
    /** {@link #written} when the connection now delivering attached: its window counts from there. */
    private long attachedAt;
    /** Between attempts: no connection delivers, and the reader waits for the next without the stall limit. */
    private boolean detached;

    private long granted;
    private boolean ended;
    private boolean closed;
    private Throwable failure;
    private CapacityChannel capacity;

    VideoBuffer(int capacity, long initialWindow, int slack, Duration stall) {
        this(capacity, initialWindow, slack, stall, Long.MAX_VALUE, () -> {});
    }

    VideoBuffer(int capacity, long initialWindow, int slack, Duration stall, long maxBytes, Runnable finished) {
        this.ring = new byte[capacity];
        this.stallNanos = stall.toNanos();
        this.initialWindow = initialWindow;
        this.slack = slack;
        this.minGrant = Math.max(1, capacity / 16);
        this.maxBytes = maxBytes;
        this.finished = finished;
    }

    // ---- the I/O thread's side

    /**
     * Takes everything in {@code src}. Fails, which ends the exchange and drops the connection, when the reader has
     * closed the stream, the download was aborted, or the video would grow past its maximum size.
     */
    void fill(ByteBuffer src) throws IOException {
        ContentTooLongException tooLarge = null;
        lock.lock();
        try {
            if (closed) {
                throw new IOException("the reader closed the video stream before its end");
            }
            if (failure != null) {
                throw new IOException("the video download was given up: " + failure.getMessage());
            }
            int n = src.remaining();
            if (n > maxBytes - written) {
                // final: no other attempt would make the video smaller
                tooLarge = new ContentTooLongException("The video is larger than the maxVideoSize of " + maxBytes
                        + " bytes: the download was cut off");
                failure = tooLarge;
                changed.signalAll();
            } else {
                if (n > ring.length - size) {
                    grow(size + n); // only if the connection sent far beyond its window; kept rather than lost
                }
                int tail = (head + size) % ring.length;
                int first = Math.min(n, ring.length - tail);
                src.get(ring, tail, first);
                src.get(ring, 0, n - first);
                size += n;
                written += n;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (tooLarge != null) {
            finish();
            throw tooLarge;
        }
    }

    /** The connection's window is used up: hand over the room there is; the reader hands over more as it reads. */
    void updateCapacity(CapacityChannel channel) throws IOException {
        lock.lock();
        try {
            // the reader gave up, or the download was given up, before the connection asked for room: failing here
            // ends the exchange
            if (closed) {
                throw new IOException("the reader closed the video stream before its end");
            }
            if (failure != null) {
                throw new IOException("the video download was given up: " + failure.getMessage());
            }
            capacity = channel;
            grant();
        } finally {
            lock.unlock();
        }
    }

    /** The connection delivering broke off; another attempt follows. */
    void detach() {
        lock.lock();
        try {
            capacity = null;
            detached = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new connection delivers from {@link #received()} on, its window counted afresh; false when the stream is over.
     */
    boolean resume() {
        lock.lock();
        try {
            if (isOverLocked()) {
                return false;
            }
            attachLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new connection delivers the video from its first byte: what is buffered is dropped. False when the reader has
     * already taken some of it, or the stream is over.
     */
    boolean restart() {
        lock.lock();
        try {
            if (taken > 0 || isOverLocked()) {
                return false;
            }
            head = 0;
            size = 0;
            written = 0;
            attachLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A connection delivers from {@link #written} on, with its own window. Under the lock. */
    private void attachLocked() {
        attachedAt = written;
        granted = 0;
        detached = false;
        changed.signalAll();
    }

    long received() {
        lock.lock();
        try {
            return written;
        } finally {
            lock.unlock();
        }
    }

    boolean isOver() {
        lock.lock();
        try {
            return isOverLocked();
        } finally {
            lock.unlock();
        }
    }

    private boolean isOverLocked() {
        return ended || closed || failure != null;
    }

    void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        finish();
    }

    void fail(Throwable cause) {
        lock.lock();
        try {
            if (failure == null && !ended) {
                failure = cause;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        finish();
    }

    /**
     * Gives up a download that took too long or was stopped: the reader fails at once with {@code cause} (the caller
     * closes the connection). Nothing once the video is in.
     */
    void abort(Throwable cause) {
        lock.lock();
        try {
            if (ended || closed || failure != null) {
                return;
            }
            failure = cause;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        finish();
    }

    // ---- the reader's side

    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            long wait = stallNanos;
            while (size == 0 && !ended && failure == null) {
                if (wait <= 0) {
                    throw new IOException("The video download stalled: no bytes for "
                            + Duration.ofNanos(stallNanos).toSeconds() + "s");
                }
                try {
                    if (detached) {
                        changed.await();
                        wait = stallNanos; // the next attempt's connection gets the whole limit
                    } else {
                        wait = changed.awaitNanos(wait);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting for the video");
                }
            }
            if (failure != null) {
                throw new IOException("The video download broke off: " + failure.getMessage(), failure);
            }
            if (size == 0) {
                return -1;
            }
            int n = Math.min(len, size);
            int first = Math.min(n, ring.length - head);
            System.arraycopy(ring, head, b, off, first);
            System.arraycopy(ring, 0, b, off + first, n - first);
            head = (head + n) % ring.length;
            size -= n;
            taken += n;
            grant();
            return n;
        } finally {
            lock.unlock();
        }
    }

    int available() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The reader gives up before the end. Asking the I/O thread for more makes it deliver, and {@link #fill} then fails
     * the exchange, which closes the connection.
     */
    void close() {
        lock.lock();
        try {
            if (closed || ended) {
                return;
            }
            closed = true;
            if (capacity != null) {
                capacity.update(1);
            }
        } catch (IOException e) {
            // the connection is already gone
        } finally {
            lock.unlock();
        }
        finish();
    }

    private void finish() {
        if (over.compareAndSet(false, true)) {
            finished.run();
        }
    }

    /** Hands the I/O thread the room that is free beyond its open window, keeping the slack. Under the lock. */
    private void grant() throws IOException {
        if (capacity == null || ended || closed) {
            return;
        }
        long window = initialWindow + granted - (written - attachedAt);
        long room = (long) ring.length - slack - size - window;
        if (room >= minGrant) {
            granted += room;
            capacity.update((int) room);
        }
    }

    private void grow(int needed) {
        byte[] bigger = new byte[Math.max(needed, ring.length * 2)];
        int first = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, bigger, 0, first);
        System.arraycopy(ring, 0, bigger, first, size - first);
        ring = bigger;
        head = 0;
    }
}
