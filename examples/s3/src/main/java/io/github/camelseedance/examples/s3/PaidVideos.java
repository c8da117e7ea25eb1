package io.github.camelseedance.examples.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.SeedanceDownloadException;
import io.github.camelseedance.SeedanceEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;

/**
 * The route's side of a video the provider made, and billed, that never reached the output bucket: the request's
 * fingerprint, under which the route keeps the video's URL, and that URL as a failed exchange carries it.
 */
public final class PaidVideos {

    /** The route's variable holding the image's ETag, as the consumer read it. */
    static final String IMAGE_ETAG = "imageETag";
    /** The exchange property where a watched video stream keeps the failure that ended it. */
    static final String VIDEO_READ_FAILURE = "SeedanceExampleVideoReadFailure";

    // bounds the walk over causes and suppressed exceptions, however an SDK nests them
    private static final int MAX_CAUSES = 64;

    private String endpointUri;

    /** The URI of the route's seedance:generate step, whose options are part of the request. */
    public void setEndpointUri(String endpointUri) {
        this.endpointUri = endpointUri;
    }

    public String getEndpointUri() {
        return endpointUri;
    }

    /**
     * The fingerprint of the request the route's seedance step sends for this message, with one change: the presigned
     * image URL, signed anew (and so different) on every attempt, is replaced by the image's address and ETag, so that
     * the same image under the same key with the same prompt gives the same fingerprint, and any other image another.
     */
    public String fingerprint(Exchange exchange) {
        // hasEndpoint, not getEndpoint: a URI that drifted from the route's would otherwise make an endpoint of its own
        Endpoint endpoint = exchange.getContext().hasEndpoint(endpointUri);
        if (!(endpoint instanceof SeedanceEndpoint seedance)) {
            throw new IllegalStateException("No seedance endpoint " + endpointUri + " in the routes: the paidVideos"
                    + " bean must name the URI of the route's seedance:generate step");
        }
        Message request = exchange.getMessage().copy();
        String imageUrl = request.getHeader(SeedanceConstants.IMAGE_URL, String.class);
        if (imageUrl != null) {
            request.setHeader(
                    SeedanceConstants.IMAGE_URL,
                    stableImageUrl(imageUrl, exchange.getVariable(IMAGE_ETAG, String.class)));
        }
        return seedance.requestFingerprint(request);
    }

    /**
     * The presigned URL without its query (the signature, the expiry), with the ETag as its fragment. Without an ETag
     * the URL stays as signed: that fingerprint never comes again, so the image is generated rather than matched to
     * another image's video.
     */
    static String stableImageUrl(String presignedUrl, String etag) {
        if (etag == null || etag.isBlank()) {
            return presignedUrl;
        }
        int query = presignedUrl.indexOf('?');
        String address = query < 0 ? presignedUrl : presignedUrl.substring(0, query);
        return address + "#etag=" + URLEncoder.encode(etag.replace("\"", ""), StandardCharsets.UTF_8);
    }

    /**
     * The URL of the video a failed exchange had been made: from a SeedanceDownloadException among the failure's
     * causes (a stream handed to the upload fails as an IOException), else from the header the producer sets once the
     * provider has answered. Null when the provider made no video.
     */
    public String videoUrl(Exchange exchange) {
        SeedanceDownloadException download = downloadFailure(exchange);
        if (download != null && download.getVideoUrl() != null) {
            return download.getVideoUrl();
        }
        String header = exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class);
        return header == null || header.isBlank() ? null : header.strip();
    }

    /**
     * Lets the video stream the upload reads tell what ended it: the AWS SDK, failing to reset a stream it cannot
     * read twice, reports only that and drops the stream's own failure, which the stream then keeps on the exchange.
     */
    public void watchVideoStream(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        // a stream cache is spooled already, so its download ended before the upload, and failed the route if at all
        if (body instanceof InputStream video && !(body instanceof StreamCache)) {
            exchange.getMessage().setBody(new WatchedStream(video, exchange));
        }
    }

    /**
     * What went wrong with the video's download, when a SeedanceDownloadException is among the failure's causes: the
     * upload that was reading the video may fail with words of its own (an SDK that cannot reset the stream). Null
     * otherwise.
     */
    public String downloadFailureMessage(Exchange exchange) {
        SeedanceDownloadException download = downloadFailure(exchange);
        return download == null ? null : download.getMessage();
    }

    // the bean language hands methods a copy of the exchange without its exception: onException keeps it as a property
    private static SeedanceDownloadException downloadFailure(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        Throwable streamFailure = exchange.getProperty(VIDEO_READ_FAILURE, Throwable.class);
        if (streamFailure != null) {
            pending.add(streamFailure);
        }
        while (!pending.isEmpty() && seen.size() < MAX_CAUSES) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SeedanceDownloadException download) {
                return download;
            }
            // an SDK that retries a request may keep the first failure as a suppressed exception only
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(Arrays.asList(next.getSuppressed()));
        }
        return null;
    }

    /** The video stream as the upload reads it, keeping the first failure a read ran into. */
    private static final class WatchedStream extends FilterInputStream {

        private final Exchange exchange;

        WatchedStream(InputStream video, Exchange exchange) {
            super(video);
            this.exchange = exchange;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        private IOException kept(IOException e) {
            if (exchange.getProperty(VIDEO_READ_FAILURE) == null) {
                exchange.setProperty(VIDEO_READ_FAILURE, e);
            }
            return e;
        }
    }
}
