package io.github.camelseedance.examples.filedrop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * One video per name, never overwritten: refuses, before any call to the API, an input whose video name is already
 * taken by another input being generated ({@code fox.txt} and {@code fox.json}) or by a video in the output folder.
 */
final class VideoNames implements Processor {

    private final Path outputDir;
    // video name, in lower case, to the input generating it: a case-insensitive file system would make one file of
    // Fox.mp4 and fox.mp4
    private final Map<String, String> inFlight = new ConcurrentHashMap<>();

    VideoNames(Path outputDir) {
        this.outputDir = outputDir;
    }

    @Override
    public void process(Exchange exchange) {
        String videoName = exchange.getProperty(FileDropRoutes.VIDEO_NAME, String.class);
        String inputName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        String key = videoName.toLowerCase(Locale.ROOT);
        String holder = inFlight.putIfAbsent(key, inputName);
        if (holder != null) {
            throw new IllegalStateException("its video " + videoName + " is already being generated from " + holder
                    + "; rename " + inputName + " to generate it under another name");
        }
        // released however the exchange ends; after a success the video is in place by then, so the check below
        // keeps the name taken
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                inFlight.remove(key, inputName);
            }
        });
        if (Files.exists(outputDir.resolve(videoName))) {
            throw new IllegalStateException("its video " + videoName + " already exists in the output folder; move "
                    + "that video away or rename " + inputName + " to generate it again");
        }
    }
}
