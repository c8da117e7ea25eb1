package io.github.camelseedance.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample video the emulator ships, read from its resource as any user of the jar would find it. */
final class SampleVideo {

    static final byte[] BYTES = read("/io/github/camelseedance/emulator/sample.mp4");

    private SampleVideo() {}

    private static byte[] read(String resource) {
        try (InputStream in = SampleVideo.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The sample video is missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
