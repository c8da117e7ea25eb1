package io.github.camelseedance.examples.filedrop;

import java.io.IOException;

import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.SeedanceDownloadException;
import io.github.camelseedance.client.Texts;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * However an input ends, a video paid for but not written keeps its URL, so the same request is downloaded next time
 * rather than paid for again; a kept URL that gave its video is dropped. A completion hook as well as a call from the
 * error handler, since after a stop Camel may run no error handler.
 */
final class PaidVideoKeeper implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropRoutes.class);

    private final PaidVideos paid;

    PaidVideoKeeper(PaidVideos paid) {
        this.paid = paid;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                // a handled failure (moved to .error) had its URL kept by the error handler
                if (FileDropRoutes.DONE_DIR.equals(done.getProperty(FileDropRoutes.MOVE_TO))
                        && done.getProperty(PaidVideoLookup.KEPT_URL) != null) {
                    forget(done);
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                // runs before the consumer's own hook (added first, run last), which leaves the input in place
                String kept = keep(failed, failed.getException());
                if (!kept.isEmpty()) {
                    LOG.warn("{}: {}", inputName(failed), kept);
                }
            }
        });
    }

    /**
     * Keeps the URL of the video that {@code failure} left unwritten, if the provider had answered with one. Returns
     * what to add to the input's failure reason, empty when no video was paid for.
     */
    String keep(Exchange exchange, Throwable failure) {
        String fingerprint = exchange.getProperty(PaidVideoLookup.FINGERPRINT, String.class);
        String url = paidUrl(exchange, failure);
        if (fingerprint == null || url == null) {
            return "";
        }
        try {
            paid.keep(fingerprint, url);
            return "the video was paid for and its URL is kept in " + PaidVideos.name(fingerprint)
                    + ", so the same request is downloaded next time instead of generated again";
        } catch (IOException | RuntimeException e) {
            // the URL itself is not logged: a CDN's query may be signed
            return "the video was paid for, but its URL could not be kept: " + FileDropRoutes.oneLine(e);
        }
    }

    /**
     * The URL of a video the provider made for this exchange: carried by a failed download, or, for any other failure
     * after the generation answered, left in the header.
     */
    static String paidUrl(Exchange exchange, Throwable failure) {
        SeedanceDownloadException download = ObjectHelper.getException(SeedanceDownloadException.class, failure);
        if (download != null && download.getVideoUrl() != null) {
            return download.getVideoUrl();
        }
        return exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class);
    }

    private void forget(Exchange done) {
        String fingerprint = done.getProperty(PaidVideoLookup.FINGERPRINT, String.class);
        try {
            paid.forget(fingerprint);
        } catch (IOException e) {
            LOG.warn("Could not delete {} after writing its video: {}", PaidVideos.name(fingerprint), e.toString());
        }
    }

    private static String inputName(Exchange exchange) {
        return Texts.oneLine(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
    }
}
