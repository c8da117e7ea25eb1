package io.github.camelseedance.examples.s3;

import java.io.IOException;
import java.io.InputStream;

import io.github.camelseedance.SeedanceComponent;
import io.github.camelseedance.SeedanceDownloadException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request's fingerprint the route keys a paid video by, and the URL and failure found on a failed exchange. */
class PaidVideosTest {

    private static final String URI = "seedance:generate?download=true";
    private static final String IMAGE = "http://127.0.0.1:9090/seedance-input/photos/cat.png";
    private static final String SIGNED_AT_NINE = IMAGE + "?X-Amz-Date=20260101T090000Z&X-Amz-Signature=aaaa";
    private static final String SIGNED_AT_TEN = IMAGE + "?X-Amz-Date=20260101T100000Z&X-Amz-Signature=bbbb";
    private static final String ETAG = "\"0b4a3f0e0e2c4d5b8d1f5c1e9b7a6c3d\"";

    private CamelContext context;
    private final PaidVideos paidVideos = new PaidVideos();

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        SeedanceComponent seedance = new SeedanceComponent();
        seedance.getConfiguration().setApiKey("test-key");
        seedance.getConfiguration().setBaseUrl("http://127.0.0.1:9");
        context.addComponent("seedance", seedance);
        context.getEndpoint(URI);
        context.start();
        paidVideos.setEndpointUri(URI);
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @Test
    void theSameImageSignedAgainGivesTheSameFingerprint() {
        String first = paidVideos.fingerprint(request(SIGNED_AT_NINE, ETAG, "The cat stretches"));
        String again = paidVideos.fingerprint(request(SIGNED_AT_TEN, ETAG, "The cat stretches"));

        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(again);
    }

    @Test
    void anotherImagePromptOrKeyGivesAnotherFingerprint() {
        String first = paidVideos.fingerprint(request(SIGNED_AT_NINE, ETAG, "The cat stretches"));

        assertThat(paidVideos.fingerprint(request(SIGNED_AT_NINE, "\"ffff\"", "The cat stretches")))
                .as("another image under the same key")
                .isNotEqualTo(first);
        assertThat(paidVideos.fingerprint(request(SIGNED_AT_NINE, ETAG, "The cat yawns")))
                .as("another prompt")
                .isNotEqualTo(first);
        assertThat(paidVideos.fingerprint(
                        request(SIGNED_AT_NINE.replace("cat.png", "dog.png"), ETAG, "The cat stretches")))
                .as("another key")
                .isNotEqualTo(first);
    }

    @Test
    void withoutAnEtagTheSignedUrlCountsAsItIsAndNeverMatchesAgain() {
        assertThat(PaidVideos.stableImageUrl(SIGNED_AT_NINE, null)).isEqualTo(SIGNED_AT_NINE);
        assertThat(PaidVideos.stableImageUrl(SIGNED_AT_NINE, ETAG))
                .isEqualTo(IMAGE + "#etag=0b4a3f0e0e2c4d5b8d1f5c1e9b7a6c3d");
        assertThat(paidVideos.fingerprint(request(SIGNED_AT_NINE, null, "The cat stretches")))
                .isNotEqualTo(paidVideos.fingerprint(request(SIGNED_AT_TEN, null, "The cat stretches")));
    }

    @Test
    void aUriThatIsNotTheRoutesStepIsRefusedRatherThanGivingAnotherEndpointsFingerprint() {
        PaidVideos drifted = new PaidVideos();
        drifted.setEndpointUri("seedance:generate?download=false");

        assertThatThrownBy(() -> drifted.fingerprint(request(SIGNED_AT_NINE, ETAG, "The cat stretches")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seedance:generate?download=false");
    }

    @Test
    void theVideoUrlComesFromTheDownloadFailureAmongTheCausesElseFromTheHeader() {
        Exchange failed = new DefaultExchange(context);
        SeedanceDownloadException download =
                new SeedanceDownloadException("broke", null, "http://127.0.0.1:9/videos/a.mp4", 0, false);
        failed.setProperty(
                Exchange.EXCEPTION_CAUGHT, new IllegalStateException("upload failed", new IOException(download)));
        assertThat(paidVideos.videoUrl(failed)).isEqualTo("http://127.0.0.1:9/videos/a.mp4");
        assertThat(paidVideos.downloadFailureMessage(failed)).isEqualTo("broke");

        Exchange answered = new DefaultExchange(context);
        answered.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("upload failed"));
        answered.getMessage().setHeader("CamelSeedanceVideoUrl", "http://127.0.0.1:9/videos/b.mp4");
        assertThat(paidVideos.videoUrl(answered)).isEqualTo("http://127.0.0.1:9/videos/b.mp4");
        assertThat(paidVideos.downloadFailureMessage(answered)).isNull();

        Exchange refused = new DefaultExchange(context);
        refused.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalArgumentException("no prompt"));
        assertThat(paidVideos.videoUrl(refused)).isNull();
    }

    @Test
    void aWatchedVideoStreamKeepsTheFailureAnUploadWouldDrop() {
        Exchange exchange = new DefaultExchange(context);
        SeedanceDownloadException download =
                new SeedanceDownloadException("gave up", null, "http://127.0.0.1:9/videos/a.mp4", 0, false);
        exchange.getMessage().setBody(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("cut", download);
            }
        });
        paidVideos.watchVideoStream(exchange);

        InputStream watched = exchange.getMessage().getBody(InputStream.class);
        assertThatThrownBy(() -> watched.read(new byte[8], 0, 8)).isInstanceOf(IOException.class);
        // what an SDK that cannot reset the stream reports instead
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("does not support mark/reset"));

        assertThat(paidVideos.downloadFailureMessage(exchange)).isEqualTo("gave up");
        assertThat(paidVideos.videoUrl(exchange)).isEqualTo("http://127.0.0.1:9/videos/a.mp4");
    }

    private Exchange request(String imageUrl, String etag, String prompt) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("CamelSeedanceImageUrl", imageUrl);
        exchange.getMessage().setHeader("CamelSeedancePrompt", prompt);
        if (etag != null) {
            exchange.setVariable(PaidVideos.IMAGE_ETAG, etag);
        }
        return exchange;
    }
}
