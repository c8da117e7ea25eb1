package io.github.camelseedance.client.video;

import java.io.IOException;
import java.io.InputStream;

/**
 * The video's bytes as they arrive. Closing the stream before its end gives the download up and closes its
 * connection.
 */
final class VideoStream extends InputStream {

    private final VideoBuffer buffer;
    private boolean closed;

    VideoStream(VideoBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("The video stream is closed");
        }
        return buffer.read(b, off, len);
    }

    @Override
    public int available() {
        return closed ? 0 : buffer.available();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            buffer.close();
        }
    }
}
