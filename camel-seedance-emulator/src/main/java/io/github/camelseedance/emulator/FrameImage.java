package io.github.camelseedance.emulator;

/**
 * A first or last frame's image as fetched for a render: its bytes, or the notice a frame shows instead, naming the
 * URL and why the image is not there.
 */
record FrameImage(String url, byte[] bytes, String notice) {

    static FrameImage fetched(String url, byte[] bytes) {
        return new FrameImage(url, bytes, null);
    }

    static FrameImage notFetched(String url, String reason) {
        return new FrameImage(url, null, "image not fetched: " + url + " (" + reason + ")");
    }

    static FrameImage notDecoded(String url, String reason) {
        return new FrameImage(url, null, "image not decoded: " + url + " (" + reason + ")");
    }
}
