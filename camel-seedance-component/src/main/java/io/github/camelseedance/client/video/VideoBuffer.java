package io.github.camelseedance.client.video;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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

    private byte[] ring;
    private int head;
    private int size;
    private long written;
    private long granted;
    private boolean ended;
    private boolean closed;
    private Throwable failure;
    private CapacityChannel capacity;

    VideoBuffer(int capacity, long initialWindow, int slack, Duration stall) {
        this.ring = new byte[capacity];
        this.stallNanos = stall.toNanos();
        this.initialWindow = initialWindow;
        this.slack = slack;
        this.minGrant = Math.max(1, capacity / 16);
    }

    // ---- the I/O thread's side

    /** Takes everything in {@code src}; fails when the reader has closed the stream, which ends the exchange. */
    void fill(ByteBuffer src) throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new IOException("the reader closed the video stream before its end");
            }
            int n = src.remaining();
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
        } finally {
            lock.unlock();
        }
    }

    /** The connection's window is used up: hand over the room there is; the reader hands over more as it reads. */
    void updateCapacity(CapacityChannel channel) throws IOException {
        lock.lock();
        try {
            if (closed) {
                // the reader gave up before the connection asked for room: failing here ends the exchange
                throw new IOException("the reader closed the video stream before its end");
            }
            capacity = channel;
            grant();
        } finally {
            lock.unlock();
        }
    }

    void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void fail(Throwable cause) {
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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
                            + Duration.ofNanos(stallNanos).toSeconds() + "s (the requestTimeout)");
                }
                try {
                    wait = changed.awaitNanos(wait);
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
    }

    /** Hands the I/O thread the room that is free beyond its open window, keeping the slack. Under the lock. */
    private void grant() throws IOException {
        if (capacity == null || ended || closed) {
            return;
        }
        long window = initialWindow + granted - written;
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
