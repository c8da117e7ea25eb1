package io.github.camelseedance.examples.filedrop;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Who may use a video name: the first input to ask, while no video of that name exists. */
class VideoNamesTest {

    @TempDir
    Path output;

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @Test
    void aSecondInputForANameBeingGeneratedIsRefusedNamingTheFirst() {
        VideoNames names = new VideoNames(output);
        names.process(input("fox.txt"));

        assertThatIllegalStateException()
                .isThrownBy(() -> names.process(input("fox.json")))
                .withMessage(
                        "its video fox.mp4 is already being generated from fox.txt; rename fox.json to generate it "
                                + "under another name");
    }

    @Test
    void namesDifferingOnlyInCaseAreOneName() {
        VideoNames names = new VideoNames(output);
        names.process(input("Fox.txt"));

        assertThatIllegalStateException()
                .isThrownBy(() -> names.process(input("fox.json")))
                .withMessageContaining("being generated from Fox.txt");
    }

    @Test
    void anInputWhoseVideoExistsIsRefusedAndLeavesTheNameFree() throws Exception {
        VideoNames names = new VideoNames(output);
        Files.writeString(output.resolve("fox.mp4"), "an earlier video");
        Exchange refused = input("fox.json");

        assertThatIllegalStateException()
                .isThrownBy(() -> names.process(refused))
                .withMessage("its video fox.mp4 already exists in the output folder; move that video away or rename "
                        + "fox.json to generate it again");
        complete(refused);
        Files.delete(output.resolve("fox.mp4"));
        assertThatNoException().isThrownBy(() -> names.process(input("fox.txt")));
    }

    @Test
    void theNameIsFreeAgainOnceAnInputEndedWithoutAVideo() {
        VideoNames names = new VideoNames(output);
        Exchange failed = input("fox.txt");
        names.process(failed);

        complete(failed);

        assertThatNoException().isThrownBy(() -> names.process(input("fox.json")));
    }

    @Test
    void theNameStaysTakenOnceAnInputEndedWithItsVideo() throws Exception {
        VideoNames names = new VideoNames(output);
        Exchange done = input("fox.txt");
        names.process(done);
        Files.writeString(output.resolve("fox.mp4"), "the video");

        complete(done);

        assertThatIllegalStateException()
                .isThrownBy(() -> names.process(input("fox.json")))
                .withMessageContaining("fox.mp4 already exists");
        assertThat(output.resolve("fox.mp4")).hasContent("the video");
    }

    private Exchange input(String fileName) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, fileName);
        exchange.setProperty(FileDropRoutes.VIDEO_NAME, fileName.substring(0, fileName.lastIndexOf('.')) + ".mp4");
        return exchange;
    }

    private static void complete(Exchange exchange) {
        for (Synchronization hook : exchange.getExchangeExtension().handoverCompletions()) {
            hook.onComplete(exchange);
        }
    }
}
