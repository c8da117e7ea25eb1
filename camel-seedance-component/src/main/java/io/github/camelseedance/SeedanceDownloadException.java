package io.github.camelseedance;

/**
 * A video the provider made, and billed, could not be downloaded. {@link #getVideoUrl()} is its address: fetch it
 * again with {@code seedance:download} while the provider keeps it, rather than generating (and paying for) it anew.
 * The message names the host and path only, since a CDN's query may be signed.
 */
public class SeedanceDownloadException extends SeedanceException {

    private final String videoUrl;

    /**
     * @param statusCode the video host's HTTP status, or 0 when it gave none
     * @param permanent  whether downloading again would fail alike (the URL expired, the video is too large)
     */
    public SeedanceDownloadException(
            String message, Throwable cause, String videoUrl, int statusCode, boolean permanent) {
        this(message, cause, videoUrl, statusCode, permanent, 1);
    }

    private SeedanceDownloadException(
            String message, Throwable cause, String videoUrl, int statusCode, boolean permanent, int attempts) {
        super(message, cause, true, statusCode, permanent, attempts);
        this.videoUrl = videoUrl;
    }

    /** The video's address, as the provider gave it (its query included): what seedance:download fetches. */
    public String getVideoUrl() {
        return videoUrl;
    }

    @Override
    public SeedanceDownloadException afterAttempts(int attempts, String note) {
        SeedanceDownloadException copy = new SeedanceDownloadException(
                withNote(note), getCause(), videoUrl, getStatusCode(), isPermanent(), attempts);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
