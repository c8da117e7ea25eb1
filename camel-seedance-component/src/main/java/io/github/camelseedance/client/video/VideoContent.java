package io.github.camelseedance.client.video;

import java.io.InputStream;

/**
 * A video being read from its host: {@code stream} delivers the bytes as they arrive and is closed by its consumer;
 * {@code contentType} is the host's Content-Type or null, {@code contentLength} its announced length or -1.
 */
public record VideoContent(InputStream stream, String contentType, long contentLength) {}
