package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tidies up after each input however its exchange ended: deletes the partial video a broken download left (Camel's
 * file producer keeps its temp file) and says when an input stays. A completion hook, as once graceful shutdown has
 * timed out Camel runs no error handler, but still runs the hooks.
 */
final class InputLeftovers implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropRoutes.class);

    private final Path outputDir;
    private final String tempPrefix;

    InputLeftovers(Path outputDir, String tempPrefix) {
        this.outputDir = outputDir;
        this.tempPrefix = tempPrefix;
    }

    @Override
    public void process(Exchange exchange) {
        String videoName = exchange.getProperty(FileDropRoutes.VIDEO_NAME, String.class);
        String inputName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Path partial = outputDir.resolve(tempPrefix + videoName);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                // after a success the temp file was renamed to the video, so there is nothing to delete
                deletePartial(partial, inputName);
            }

            @Override
            public void onFailure(Exchange failed) {
                // handled failures count as complete: only a stop, or anything Camel gave up on, arrives here
                LOG.warn(
                        "{} stays in the input folder, to be picked up again on the next run: {}",
                        inputName,
                        FileDropRoutes.oneLine(failed.getException()));
                super.onFailure(failed);
            }
        });
    }

    static void deletePartial(Path partial, String inputName) {
        try {
            if (Files.deleteIfExists(partial)) {
                LOG.info("Deleted the partial video {} left by {}", partial.getFileName(), inputName);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the partial video {}: {}", partial, e.toString());
        }
    }
}
