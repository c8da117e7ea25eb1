package io.github.camelseedance.examples.s3;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** One image at a time per video key; the check for a video already stored is the route's. */
class VideoKeysTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @Test
    void aSecondImageForAVideoKeyInFlightIsRefusedNamingTheFirst() {
        VideoKeys keys = new VideoKeys();
        keys.process(image("pets/cat.png"));

        assertThatIllegalStateException()
                .isThrownBy(() -> keys.process(image("pets/cat.jpg")))
                .withMessage("its video pets/cat.mp4 is already being generated from pets/cat.png; upload the image "
                        + "under another name to generate it");
        assertThatNoException().isThrownBy(() -> keys.process(image("dogs/cat.jpg")));
    }

    @Test
    void theKeyIsFreeAgainOnceTheFirstImageEnded() {
        VideoKeys keys = new VideoKeys();
        Exchange first = image("pets/cat.png");
        keys.process(first);

        for (Synchronization hook : first.getExchangeExtension().handoverCompletions()) {
            hook.onComplete(first);
        }

        assertThatNoException().isThrownBy(() -> keys.process(image("pets/cat.jpg")));
    }

    private Exchange image(String key) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setVariable(VideoKeys.INPUT_KEY, key);
        exchange.setVariable(VideoKeys.OUTPUT_KEY, OutputKeys.videoKeyFor(key));
        return exchange;
    }
}
