package io.github.camelseedance.examples.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The route's guard against two images generating one video at once ({@code photos/cat.png} and {@code photos/cat.jpg}
 * both make {@code photos/cat.mp4}): the second is refused before any call to the API. The route checks the output
 * bucket for a video already there.
 */
public final class VideoKeys implements Processor {

    /** The route's variable holding the image's key. */
    static final String INPUT_KEY = "inputKey";
    /** The route's variable holding the video's key. */
    static final String OUTPUT_KEY = "outputKey";

    // video key to the image being generated under it
    private final Map<String, String> inFlight = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        String imageKey = exchange.getVariable(INPUT_KEY, String.class);
        String videoKey = exchange.getVariable(OUTPUT_KEY, String.class);
        String holder = inFlight.putIfAbsent(videoKey, imageKey);
        if (holder != null) {
            throw new IllegalStateException("its video " + videoKey + " is already being generated from " + holder
                    + "; upload the image under another name to generate it");
        }
        // released however the exchange ends; after a success the video is stored by then, which the route checks for
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                inFlight.remove(videoKey, imageKey);
            }
        });
    }
}
