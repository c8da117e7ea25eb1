package io.github.camelseedance.client.video;

import java.io.InputStream;

/**
 * A video being read from its host. The stream delivers the bytes as they arrive, so the whole video is never held
 * in memory; whoever consumes it closes it.
 *
 * @param stream        the video bytes
 * @param contentType   the Content-Type the host sent, or null
 * @param contentLength the length the host announced, or -1
 */
public record VideoContent(InputStream stream, String contentType, long contentLength) {}
