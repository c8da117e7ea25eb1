package io.github.camelseedance.emulator;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.jcodec.common.io.SeekableByteChannel;

/** An in-memory file for jcodec's muxer, which writes, seeks back and patches: a byte array that grows as needed. */
final class GrowingChannel implements SeekableByteChannel {

    private byte[] bytes;
    private int size;
    private int position;

    GrowingChannel(int initialCapacity) {
        this.bytes = new byte[Math.max(1024, initialCapacity)];
    }

    /** A copy of the bytes written, {@code [0, size)}. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public int read(ByteBuffer destination) {
        if (position >= size) {
            return -1;
        }
        int count = Math.min(destination.remaining(), size - position);
        destination.put(bytes, position, count);
        position += count;
        return count;
    }

    @Override
    public int write(ByteBuffer source) {
        int count = source.remaining();
        int end = Math.addExact(position, count);
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
        }
        source.get(bytes, position, count);
        position = end;
        size = Math.max(size, end);
        return count;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel setPosition(long newPosition) {
        position = Math.toIntExact(newPosition);
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        size = (int) Math.min(size, newSize);
        position = Math.min(position, size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        // nothing to release: the bytes stay readable
    }
}
