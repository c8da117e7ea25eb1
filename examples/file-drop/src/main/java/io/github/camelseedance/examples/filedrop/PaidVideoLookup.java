package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.util.function.Function;

import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.SeedanceDownloadException;
import io.github.camelseedance.client.Texts;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before generating: a request whose video was paid for but never written is downloaded from its kept URL instead,
 * unless that URL has expired (the video host answers 4xx), in which case its record is dropped and it is generated.
 */
final class PaidVideoLookup implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropRoutes.class);

    /** The request's fingerprint: what its paid video's URL is kept under. */
    static final String FINGERPRINT = "FileDropFingerprint";
    /** The URL kept for the request, while the route downloads it instead of generating. */
    static final String KEPT_URL = "FileDropKeptUrl";

    private final PaidVideos paid;
    private final Function<Message, String> fingerprints;

    PaidVideoLookup(PaidVideos paid, Function<Message, String> fingerprints) {
        this.paid = paid;
        this.fingerprints = fingerprints;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        // invalid input fails here as the generation would, before any call
        String fingerprint = fingerprints.apply(message);
        exchange.setProperty(FINGERPRINT, fingerprint);
        String url = paid.find(fingerprint).orElse(null);
        if (url != null) {
            exchange.setProperty(KEPT_URL, url);
            message.setHeader(SeedanceConstants.VIDEO_URL, url);
        }
    }

    /** Whether the kept URL no longer answers: its host refused it with a 4xx, so trying it again is no use. */
    static boolean expired(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        SeedanceDownloadException download = ObjectHelper.getException(SeedanceDownloadException.class, failure);
        return exchange.getProperty(KEPT_URL) != null
                && download != null
                && download.getStatusCode() >= 400
                && download.getStatusCode() < 500;
    }

    /** Drops the record of an expired URL, so the route generates the video anew. */
    void generateAnew(Exchange exchange) throws IOException {
        String fingerprint = exchange.getProperty(FINGERPRINT, String.class);
        SeedanceDownloadException download = ObjectHelper.getException(
                SeedanceDownloadException.class, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        paid.forget(fingerprint);
        exchange.removeProperty(KEPT_URL);
        exchange.getMessage().removeHeader(SeedanceConstants.VIDEO_URL);
        LOG.warn(
                "{}: the URL kept for its paid video no longer answers (HTTP {}); {} is dropped and the video is"
                        + " generated anew",
                Texts.oneLine(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class)),
                download == null ? "4xx" : download.getStatusCode(),
                PaidVideos.name(fingerprint));
    }
}
