package io.github.camelseedance.examples.s3;

/**
 * The route's naming rule, for the demo that has to know where to look: the image's key with {@code .mp4} in place
 * of its extension.
 */
final class OutputKeys {

    private OutputKeys() {}

    // the same expression as the outputKey variable in routes/image-to-video.yaml
    static String videoKeyFor(String imageKey) {
        return imageKey.replaceFirst("\\.[^./]+$", ".mp4");
    }
}
