package io.github.camelseedance.examples.s3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The video goes to S3 without ever being whole in memory: with the host's Content-Length it streams straight
 * through; without one it is spooled to a temporary file first, since camel-aws2-s3 reads a stream of unknown length
 * into memory to measure it. What the upload is handed is recorded as the route sends it to the output bucket.
 */
class S3VideoUploadTest {

    private static final String INPUT = "test-input";
    private static final String OUTPUT = "test-output";
    private static final long VIDEO_SIZE = 3L * 1024 * 1024;

    /** What the route handed the upload to the output bucket. */
    private record Upload(Object body, Object contentLength) {}

    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private EmbeddedS3 s3;
    private SeedanceEmulator emulator;
    private Main main;
    private TestBuckets buckets;

    @BeforeEach
    void startApplication() {
        s3 = EmbeddedS3.start();
        emulator = SeedanceEmulator.builder().videoSize(VIDEO_SIZE).build().start();
        Map<String, String> properties = new HashMap<>(s3.overrideProperties());
        properties.put("camel.component.seedance.base-url", emulator.baseUrl());
        properties.put("seedance.test.api-key", emulator.apiKey());
        properties.put("camel.component.seedance.api-key", "{{seedance.test.api-key}}");
        properties.put("s3.input-bucket", INPUT);
        properties.put("s3.output-bucket", OUTPUT);
        properties.put("s3.poll-delay", "100");
        main = S3Application.createMain(properties);
        main.start();
        UploadRecorder recorder = new UploadRecorder();
        recorder.start();
        main.getCamelContext().getManagementStrategy().addEventNotifier(recorder);
        buckets = new TestBuckets(s3);
    }

    @AfterEach
    void stopApplication() {
        if (buckets != null) {
            buckets.close();
        }
        if (main != null) {
            main.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aVideoWithoutAContentLengthIsSpooledToAFileNotHeldInMemory() throws Exception {
        emulator.setVideoLengthSent(false);

        generateOneVideo();

        assertThat(uploads).singleElement().satisfies(upload -> {
            assertThat(upload.body()).isInstanceOf(StreamCache.class);
            assertThat(((StreamCache) upload.body()).inMemory())
                    .as("spooled to a file")
                    .isFalse();
            assertThat(upload.contentLength()).hasToString(String.valueOf(VIDEO_SIZE));
        });
    }

    @Test
    void aVideoWithAContentLengthStreamsStraightThrough() throws Exception {
        generateOneVideo();

        assertThat(uploads).singleElement().satisfies(upload -> {
            assertThat(upload.body()).isNotInstanceOf(StreamCache.class);
            assertThat(upload.contentLength()).hasToString(String.valueOf(VIDEO_SIZE));
        });
    }

    private void generateOneVideo() throws Exception {
        byte[] image = Files.readAllBytes(Path.of("samples/lighthouse.png"));
        buckets.put(INPUT, "coast/lighthouse.png", image, Map.of("prompt", "The beam sweeps across the sea"));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(buckets.keys(INPUT)).contains("done/coast/lighthouse.png");
                    assertThat(main.getCamelContext().getInflightRepository().size())
                            .isZero();
                });
        assertThat(buckets.keys(OUTPUT)).containsExactly("coast/lighthouse.mp4");
        assertThat((long) buckets.bytes(OUTPUT, "coast/lighthouse.mp4").length).isEqualTo(VIDEO_SIZE);
        assertThat(emulator.generationCount()).isEqualTo(1);
    }

    /** Records the body and length the route sends to the output bucket, before the upload reads anything. */
    private final class UploadRecorder extends EventNotifierSupport {

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeSendingEvent sending
                    && sending.getEndpoint().getEndpointUri().startsWith("aws2-s3://" + OUTPUT)
                    && !sending.getEndpoint().getEndpointUri().contains("operation=") // the check that it exists
                    && "coast/lighthouse.mp4"
                            .equals(sending.getExchange().getMessage().getHeader("CamelAwsS3Key"))) {
                Exchange exchange = sending.getExchange();
                uploads.add(new Upload(
                        exchange.getMessage().getBody(), exchange.getMessage().getHeader("CamelAwsS3ContentLength")));
            }
        }
    }
}
