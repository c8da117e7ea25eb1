package io.github.camelseedance.examples.gallery;

import java.util.Objects;

import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * One input of a run as a gallery shows it: its name, the request as it was sent (absent when the input could not be
 * read as one), and either the video or the reason there is none.
 *
 * @param input     the input's name, such as the dropped file's
 * @param request   the request as sent, or null when the input never became one
 * @param videoHref where the page finds the video, relative to it (see {@link Gallery#href}) or absolute; null when
 *                  failed
 * @param failure   why there is no video; null when there is one
 */
public record GalleryCard(String input, VideoGenerationRequest request, String videoHref, String failure) {

    public GalleryCard {
        Objects.requireNonNull(input, "input");
        if ((videoHref == null) == (failure == null)) {
            throw new IllegalArgumentException("a card has either a video or a failure: " + input);
        }
    }

    public static GalleryCard video(String input, VideoGenerationRequest request, String videoHref) {
        return new GalleryCard(input, Objects.requireNonNull(request, "request"), videoHref, null);
    }

    public static GalleryCard failed(String input, VideoGenerationRequest request, String reason) {
        return new GalleryCard(input, request, null, reason == null || reason.isBlank() ? "unknown failure" : reason);
    }

    public boolean failed() {
        return failure != null;
    }
}
